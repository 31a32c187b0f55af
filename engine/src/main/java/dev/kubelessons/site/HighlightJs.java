package dev.kubelessons.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * highlight.js from its WebJar, cut to what a page shows: the core (the common bundle without its 37 grammars) and
 * one grammar file per language the page's code blocks use, picked at build time; a page without code loads none.
 */
final class HighlightJs {

    /** The folder under assets/ that holds the core and the grammars. */
    static final String DIR = "hljs";
    static final String CORE = "core.min.js";

    private static final String WEBJAR = "META-INF/resources/webjars/highlightjs/";
    // The bundle registers its grammars from one frozen object: `var X=Object.freeze({__proto__:null,grmr_bash:...})`,
    // then `});const Y=Z;for(const e of Object.keys(X))`. Emptying that object leaves the core.
    private static final Pattern GRAMMARS_START = Pattern.compile("var (\\w+)=Object\\.freeze\\(\\{__proto__:null,");
    private static final Pattern ALIASES = Pattern.compile("aliases:\\[([^\\]]*)\\]");
    private static final Pattern SUB_LANGUAGE = Pattern.compile("subLanguage:(?:\"([\\w-]+)\"|\\[([^\\]]*)\\])");
    private static final Pattern QUOTED = Pattern.compile("\"([\\w.+#-]+)\"");

    // The prompt wrappers (shell, node-repl, python-repl...) are 200-600 bytes; real grammars are larger.
    private static final int WRAPPER_SIZE = 1024;

    private static final HighlightJs INSTANCE = new HighlightJs();

    private final String version;
    private volatile String core;
    private List<String> grammarNames; // guarded by this, as is ownAliases
    private final Map<String, List<String>> ownAliases = new HashMap<>();
    private final Map<String, List<String>> grammarsByLanguage = new ConcurrentHashMap<>();

    private HighlightJs() {
        try (InputStream in = open("META-INF/maven/org.webjars/highlightjs/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            version = properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HighlightJs get() {
        return INSTANCE;
    }

    /**
     * The script files (names under assets/hljs/) that highlight these fence languages, the core first; empty when
     * none of them has a grammar (plaintext, an unknown word).
     */
    List<String> scripts(Collection<String> languages) {
        Set<String> grammars = new TreeSet<>();
        languages.forEach(language -> grammars.addAll(grammarsByLanguage.computeIfAbsent(language, this::grammarsFor)));
        if (grammars.isEmpty()) {
            return List.of();
        }
        List<String> scripts = new ArrayList<>();
        scripts.add(CORE);
        grammars.forEach(g -> scripts.add(g + ".min.js"));
        return scripts;
    }

    /** The bytes of a script named by {@link #scripts}. */
    byte[] file(String name) throws IOException {
        if (name.equals(CORE)) {
            return core().getBytes(StandardCharsets.UTF_8);
        }
        try (InputStream in = open(WEBJAR + version + "/languages/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The bundle without its grammars; the whole bundle if a new highlight.js is cut differently (heavier, still right). */
    String core() throws IOException {
        if (core == null) {
            String bundle;
            try (InputStream in = open(WEBJAR + version + "/highlight.min.js")) {
                bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            core = cut(bundle).orElse(bundle);
        }
        return core;
    }

    static Optional<String> cut(String bundle) {
        Matcher start = GRAMMARS_START.matcher(bundle);
        if (!start.find()) {
            return Optional.empty();
        }
        Matcher end = Pattern.compile("\\}\\);const \\w+=\\w+;for\\(const \\w+ of Object\\.keys\\(" + start.group(1) + "\\)\\)")
                .matcher(bundle);
        if (!end.find(start.end())) {
            return Optional.empty();
        }
        return Optional.of(bundle.substring(0, start.start()) + "var " + start.group(1) + "=Object.freeze({__proto__:null"
                + bundle.substring(end.start()));
    }

    /**
     * A language's grammar file, by file name without .min.js, and the grammars a prompt wrapper hands its lines to
     * (shell to bash, python-repl to python). Other embedded grammars are optional to highlight.js (ERB in YAML, CSS
     * in HTML show as plain text without them) and are left out: YAML would pull in Ruby.
     */
    private List<String> grammarsFor(String language) {
        Set<String> all = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(language));
        while (!todo.isEmpty()) {
            String name = todo.remove(0);
            String grammar = name.equals(CodeLanguage.PLAIN) ? null : exists(name) ? name : aliasOf(name);
            if (grammar == null || !all.add(grammar)) {
                continue; // no grammar, or one seen already
            }
            String text = text(grammar);
            if (text.length() > WRAPPER_SIZE) {
                continue;
            }
            Matcher sub = SUB_LANGUAGE.matcher(text);
            while (sub.find()) {
                Matcher quoted = QUOTED.matcher(sub.group(1) != null ? "\"" + sub.group(1) + "\"" : sub.group(2));
                while (quoted.find()) {
                    todo.add(quoted.group(1));
                }
            }
        }
        return List.copyOf(all);
    }

    /**
     * The grammar an alias names (sh to bash, yml to yaml): the first grammar, by file name, whose own alias list (the
     * first in its file) holds it. Grammar files are read in that order only until one does, and each once: reading
     * all 190 of them for the alias map cost a sixth of a 100-lesson build, for the one alias (sh) the course used.
     */
    private synchronized String aliasOf(String name) {
        if (grammarNames == null) {
            grammarNames = grammarNames();
        }
        for (String grammar : grammarNames) {
            if (ownAliases.computeIfAbsent(grammar, this::ownAliases).contains(name)) {
                return grammar;
            }
        }
        return null;
    }

    private List<String> ownAliases(String grammar) {
        Matcher list = ALIASES.matcher(text(grammar));
        if (!list.find()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(list.group(1));
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        return names;
    }

    private List<String> grammarNames() {
        URL bash = HighlightJs.class.getClassLoader().getResource(WEBJAR + version + "/languages/bash.min.js");
        if (bash == null) {
            throw new IllegalStateException("missing highlight.js grammars on the classpath (WebJar dependency)");
        }
        try {
            URI uri = bash.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return names(jar.provider().getPath(uri).getParent());
            }
            return names(Path.of(uri).getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".min.js"))
                    .map(n -> n.substring(0, n.length() - ".min.js".length())).sorted().toList();
        }
    }

    private boolean exists(String grammar) {
        return grammar.matches("[a-z0-9-]+")
                && HighlightJs.class.getClassLoader().getResource(WEBJAR + version + "/languages/" + grammar + ".min.js") != null;
    }

    private String text(String grammar) {
        try {
            return new String(file(grammar + ".min.js"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = HighlightJs.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            // A broken classpath is our bug, not the user's input.
            throw new IllegalStateException("missing " + resource + " on the classpath (WebJar dependency)");
        }
        return in;
    }
}
