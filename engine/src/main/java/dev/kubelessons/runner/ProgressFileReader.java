package dev.kubelessons.runner;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a well-formed progress file with jackson-core's streaming parser alone. Building Jackson's
 * object mapper cost {@code lesson list} a tenth of a second or more of its start-up (bench/RESULTS.md),
 * and reading needs none of it. Anything this reader does not expect (another schema version, a field
 * of another type, bad JSON) is not its to judge: it answers empty and {@link ProgressStore} reads the
 * file the long way, setting aside what it cannot use.
 */
final class ProgressFileReader {

    private static final JsonFactory JSON = new JsonFactory();

    private ProgressFileReader() {
    }

    /** Each lesson's progress, in the file's order; empty when the file is not the plain, current schema. */
    static Optional<Map<String, ProgressStore.LessonProgress>> read(Path file) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), file)) {
            return root(parser);
        } catch (JacksonException | Unexpected e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, ProgressStore.LessonProgress>> root(JsonParser parser) {
        expect(parser.nextToken(), JsonToken.START_OBJECT);
        Map<String, ProgressStore.LessonProgress> lessons = null;
        boolean current = false;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (name.equals("schemaVersion")) {
                expect(value, JsonToken.VALUE_NUMBER_INT);
                current = parser.getIntValue() == ProgressStore.SCHEMA_VERSION;
            } else if (name.equals("lessons")) {
                expect(value, JsonToken.START_OBJECT);
                lessons = lessons(parser);
            } else {
                parser.skipChildren();
            }
        }
        expect(parser.currentToken(), JsonToken.END_OBJECT);
        if (parser.nextToken() != null) {
            throw new Unexpected();
        }
        return current ? Optional.of(lessons == null ? new LinkedHashMap<>() : lessons) : Optional.empty();
    }

    private static Map<String, ProgressStore.LessonProgress> lessons(JsonParser parser) {
        Map<String, ProgressStore.LessonProgress> lessons = new LinkedHashMap<>();
        for (String id = parser.nextName(); id != null; id = parser.nextName()) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            lessons.put(id, lesson(parser));
        }
        return lessons;
    }

    private static ProgressStore.LessonProgress lesson(JsonParser parser) {
        TreeSet<String> passed = new TreeSet<>();
        Optional<String> finishedAt = Optional.empty();
        Optional<String> finishedOn = Optional.empty();
        boolean byRunner = false;
        int unproven = 0;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "passedChecks" -> {
                    expect(value, JsonToken.START_ARRAY);
                    for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                        expect(item, JsonToken.VALUE_STRING);
                        passed.add(parser.getString());
                    }
                }
                case "finishedAt" -> finishedAt = optionalString(parser, value);
                case "finishedOn" -> finishedOn = optionalString(parser, value);
                case "finishedBy" -> byRunner = optionalString(parser, value).orElse("you").equals("runner");
                case "unprovenChecks" -> {
                    expect(value, JsonToken.VALUE_NUMBER_INT);
                    unproven = parser.getIntValue();
                }
                default -> parser.skipChildren();
            }
        }
        return new ProgressStore.LessonProgress(passed, finishedAt, byRunner, unproven, finishedOn);
    }

    /** A string, or null for "not set"; any other type is left to the long way. */
    private static Optional<String> optionalString(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return Optional.empty();
        }
        expect(value, JsonToken.VALUE_STRING);
        return Optional.of(parser.getString());
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new Unexpected();
        }
    }

    /** The file holds something this reader leaves to the object mapper. */
    private static final class Unexpected extends RuntimeException {
        Unexpected() {
            super(null, null, false, false);
        }
    }
}
