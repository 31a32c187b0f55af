package dev.kubelessons.site;

import dev.kubelessons.course.CourseFile;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FreeMarker over the project's templates/ folder. Templates are {@code .ftlh}, so every
 * value is HTML-escaped unless a template explicitly marks it as already-safe HTML.
 */
final class TemplateEngine {

    private final Configuration configuration;
    private final Path dir;
    private final Optional<Path> courseDir;

    /** The engine's templates in {@code dir}; the course's own folder, if it names one, overrides them file by file. */
    TemplateEngine(Path dir, CourseFile course) {
        this.dir = dir;
        this.courseDir = course.templates();
        if (!Files.isDirectory(dir)) {
            throw new SiteBuildException("no templates folder at " + dir,
                    "restore the engine's templates/ folder (git checkout -- templates/ in its clone)");
        }
        configuration = new Configuration(Configuration.VERSION_2_3_35);
        try {
            List<TemplateLoader> loaders = new ArrayList<>();
            if (course.templates().isPresent()) {
                loaders.add(new FileTemplateLoader(course.templates().get().toFile()));
            }
            loaders.add(new FileTemplateLoader(dir.toFile()));
            MultiTemplateLoader loader = new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
            // Always the course's folder first, as source() assumes when it names the file an error is in (a sticky
            // loader would try the folder that served a name last; every template is read once per build anyway).
            loader.setSticky(false);
            configuration.setTemplateLoader(loader);
            // Every template, the layout included, sees the course: its title, summary, footer and run command.
            configuration.setSharedVariable("course", course);
        } catch (IOException | freemarker.template.TemplateModelException e) {
            throw new SiteBuildException("cannot read the templates folder " + dir + ": " + e.getMessage(), "check its permissions");
        }
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setNumberFormat("computer"); // 1000, not 1,000
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // Read once per build: with no delay FreeMarker looked each template up again on disk (canonical path, stat) for
        // every page and every #import. A full build makes a new engine; a rebuild under --serve calls reload() first.
        configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    }

    /** Forgets the templates read so far: the next page reads them again, edits included (a rebuild under --serve). */
    void reload() {
        configuration.clearTemplateCache();
    }

    String render(String name, Map<String, Object> model) {
        try {
            Template template = configuration.getTemplate(name);
            StringBuilderWriter out = new StringBuilderWriter();
            template.process(model, out);
            return out.toString();
        } catch (TemplateNotFoundException e) {
            throw new SiteBuildException("template " + source(name) + " is missing", "restore it from git: git checkout -- templates/");
        } catch (ParseException e) {
            throw syntaxError(e);
        } catch (TemplateException e) {
            // An #include or #import of a template that does not parse fails here, at the line of the #include.
            throw parseErrorIn(e).map(this::syntaxError).orElseGet(() -> new SiteBuildException(source(e.getTemplateSourceName()) + ":"
                    + e.getLineNumber() + ":" + e.getColumnNumber() + ": template error: " + TemplateErrors.summary(e), "fix the template and build again"));
        } catch (IOException e) {
            // Pages render in parallel: the first to load a broken template gets the ParseException, and the others this
            // IOException ("an error loading the template on an earlier attempt") with it as the cause.
            throw parseErrorIn(e).map(this::syntaxError).orElseGet(() -> new SiteBuildException("cannot read template " + source(name) + ": "
                    + e.getMessage(), "check that it exists and is readable"));
        }
    }

    private static Optional<ParseException> parseErrorIn(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ParseException parse) {
                return Optional.of(parse);
            }
        }
        return Optional.empty();
    }

    private SiteBuildException syntaxError(ParseException e) {
        return new SiteBuildException(source(e.getTemplateName()) + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                + ": template syntax error: " + e.getEditorMessage(), "fix the template and build again");
    }

    /** The file a template was read from: the course's own, which its loader serves first, else the engine's. */
    private Path source(String name) {
        if (name == null) {
            return dir;
        }
        return courseDir.map(own -> own.resolve(name)).filter(Files::isRegularFile).orElseGet(() -> dir.resolve(name));
    }

    /** A StringWriter without its StringBuffer's locking, sized for a lesson page (most are 20-40 KB) so it rarely grows. */
    private static final class StringBuilderWriter extends Writer {
        private final StringBuilder text = new StringBuilder(32 * 1024);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            // StringBuilder.append(CharSequence, start, end) copies char by char (JDK 17), and FreeMarker's HTML escaping
            // writes every run of text between two escaped characters this way (3% of a 1,000-lesson build); a substring
            // is copied whole, twice, and still cheaper.
            text.append(offset == 0 && length == string.length() ? string : string.substring(offset, offset + length));
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
