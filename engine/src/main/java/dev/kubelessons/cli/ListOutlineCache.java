package dev.kubelessons.cli;

import dev.kubelessons.cluster.UserDirs;
import dev.kubelessons.runner.AtomicFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Keeps the last {@link ListOutline} of each lessons folder in the user's cache, under a key that is a SHA-256
 * of everything the outline is made from: the engine build (its jar's path, size and time), the course's
 * declared paths, and every lesson file's name and bytes. A warm {@code list} hashes the files (milliseconds)
 * instead of parsing them (most of its start-up, bench/RESULTS.md); any change to a lesson, the course's
 * paths or the engine changes the key, so a stale outline is never shown. An engine that does not run from a
 * jar (the Maven build's classes folder) has no build identity and caches nothing. The cache is only a
 * shortcut: a file that cannot be read or written is a miss, never an error.
 */
final class ListOutlineCache {

    private static final JsonFactory JSON = new JsonFactory();

    private final Path folder;
    private final Optional<String> engineBuild;

    ListOutlineCache(Path folder, Optional<String> engineBuild) {
        this.folder = folder;
        this.engineBuild = engineBuild;
    }

    /** In the user's cache folder ({@link UserDirs}), for the engine build this class came from. */
    static ListOutlineCache forUser() {
        return new ListOutlineCache(UserDirs.fromEnvironment().cache().resolve("list-outlines"), EngineBuild.identity());
    }

    /** The outline of {@code layout}'s lessons: the cached one if its key still matches, else {@code parse}'s, then kept. */
    ListOutline outline(ProjectLayout layout, Supplier<ListOutline> parse) {
        if (engineBuild.isEmpty()) {
            return parse.get();
        }
        CourseKey course = CourseKey.of(layout);
        Optional<String> key = course.digest(engineBuild.get());
        Path file = course.fileIn(folder, ".json");
        Optional<ListOutline> cached = key.flatMap(k -> read(file, k));
        if (cached.isPresent()) {
            return cached.get();
        }
        ListOutline outline = parse.get();
        // Kept only if no file changed while it was parsed: the outline must be of the bytes the key names.
        key.filter(k -> course.digest(engineBuild.get()).equals(Optional.of(k))).ifPresent(k -> write(file, k, outline));
        return outline;
    }

    private static Optional<ListOutline> read(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), file)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            expect(parser.nextToken(), JsonToken.PROPERTY_NAME);
            if (!parser.currentName().equals("key") || parser.nextToken() != JsonToken.VALUE_STRING || !parser.getString().equals(key)) {
                return Optional.empty();
            }
            parser.nextName();
            parser.nextToken();
            int problems = parser.getIntValue();
            parser.nextName();
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            List<ListOutline.PathRows> paths = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String title = stringProperty(parser);
                String audience = stringProperty(parser);
                parser.nextName();
                expect(parser.nextToken(), JsonToken.START_ARRAY);
                List<ListOutline.Row> rows = new ArrayList<>();
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    String id = stringProperty(parser);
                    String lessonTitle = stringProperty(parser);
                    parser.nextName();
                    parser.nextToken();
                    int minutes = parser.getIntValue();
                    parser.nextName();
                    expect(parser.nextToken(), JsonToken.START_ARRAY);
                    List<String> checks = new ArrayList<>();
                    while (parser.nextToken() == JsonToken.VALUE_STRING) {
                        checks.add(parser.getString());
                    }
                    expect(parser.nextToken(), JsonToken.END_OBJECT);
                    rows.add(new ListOutline.Row(id, lessonTitle, minutes, checks));
                }
                expect(parser.nextToken(), JsonToken.END_OBJECT);
                paths.add(new ListOutline.PathRows(title, audience, rows));
            }
            return Optional.of(new ListOutline(paths, problems));
        } catch (JacksonException | IllegalStateException e) {
            return Optional.empty(); // written by another version, or cut short: parse again
        }
    }

    private static String stringProperty(JsonParser parser) {
        parser.nextName();
        expect(parser.nextToken(), JsonToken.VALUE_STRING);
        return parser.getString();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + ", found " + actual);
        }
    }

    private static void write(Path file, String key, ListOutline outline) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
            json.writeStartObject();
            json.writeStringProperty("key", key);
            json.writeNumberProperty("problems", outline.problems());
            json.writeName("paths");
            json.writeStartArray();
            for (ListOutline.PathRows path : outline.paths()) {
                json.writeStartObject();
                json.writeStringProperty("title", path.title());
                json.writeStringProperty("audience", path.audience());
                json.writeName("lessons");
                json.writeStartArray();
                for (ListOutline.Row row : path.lessons()) {
                    json.writeStartObject();
                    json.writeStringProperty("id", row.id());
                    json.writeStringProperty("title", row.title());
                    json.writeNumberProperty("minutes", row.minutes());
                    json.writeName("checks");
                    json.writeStartArray();
                    for (String check : row.checkIds()) {
                        json.writeString(check);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        try {
            AtomicFile.write(file, text + "\n");
        } catch (UncheckedIOException e) {
            // A read-only cache folder: the next list parses again, as it would without a cache.
        }
    }
}
