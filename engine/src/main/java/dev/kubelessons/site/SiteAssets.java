package dev.kubelessons.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Copies the site's static files into assets/: highlight.js's light and dark themes and lunr
 * from the WebJars on the classpath (no CDN, the site works offline), then the project's own
 * templates/assets/. highlight.js itself goes in per language, see {@link #copyHighlighting}.
 */
final class SiteAssets {

    static final String DIR = "assets";

    private record WebJarFile(String group, String artifact, String path, String target) {
    }

    private static final List<WebJarFile> FILES = List.of(
            new WebJarFile("org.webjars", "highlightjs", "styles/github.min.css", "hljs-light.css"),
            new WebJarFile("org.webjars", "highlightjs", "styles/github-dark.min.css", "hljs-dark.css"),
            new WebJarFile("org.webjars.npm", "lunr", "lunr.min.js", "lunr.min.js"));

    void copy(Path templates, Path siteDir) throws IOException {
        Path assets = Files.createDirectories(siteDir.resolve(DIR));
        for (WebJarFile file : FILES) {
            String resource = "META-INF/resources/webjars/" + file.artifact() + "/" + version(file) + "/" + file.path();
            try (InputStream in = open(resource)) {
                Files.copy(in, assets.resolve(file.target()));
            }
        }
        Path own = templates.resolve(DIR);
        if (Files.isDirectory(own)) {
            copyTree(own, assets);
        }
    }

    /** A course's own assets/ (its template overrides), copied over the engine's: a file of the same name replaces it. */
    void overlay(Path courseTemplates, Path siteDir) throws IOException {
        Path own = courseTemplates.resolve(DIR);
        if (Files.isDirectory(own)) {
            copyTree(own, Files.createDirectories(siteDir.resolve(DIR)));
        }
    }

    /** Writes the highlight.js scripts named (core.min.js, bash.min.js...) into assets/hljs/ unless there already. */
    static void copyHighlighting(Collection<String> scripts, Path siteDir) throws IOException {
        Path dir = Files.createDirectories(siteDir.resolve(DIR).resolve(HighlightJs.DIR));
        for (String script : scripts) {
            Path target = dir.resolve(script);
            if (!Files.exists(target)) {
                Files.write(target, HighlightJs.get().file(script));
            }
        }
    }

    /** The version comes from the WebJar's own pom.properties, so a dependency bump needs no code change. */
    private static String version(WebJarFile file) throws IOException {
        try (InputStream in = open("META-INF/maven/" + file.group() + "/" + file.artifact() + "/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }

    private static InputStream open(String resource) {
        InputStream in = SiteAssets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            // A broken classpath is our bug, not the user's input.
            throw new IllegalStateException("missing " + resource + " on the classpath (WebJar dependency)");
        }
        return in;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(source)) {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
