package dev.kubelessons.markdown;

import dev.kubelessons.lesson.Block;
import dev.kubelessons.lesson.BlockRole;
import dev.kubelessons.lesson.CheckSpec;
import dev.kubelessons.lesson.Diagram;
import dev.kubelessons.lesson.LearningPath;
import dev.kubelessons.lesson.Lesson;
import dev.kubelessons.lesson.Problem;
import dev.kubelessons.lesson.Prose;
import dev.kubelessons.lesson.SourceFingerprint;
import dev.kubelessons.lesson.SourcePosition;
import dev.kubelessons.lesson.Step;
import dev.kubelessons.lesson.StepPart;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.InlineParserContext;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.Parser;

/**
 * Parses one lesson file into the {@link Lesson} model. It never throws on bad input: every
 * mistake becomes a {@link Problem} with its line, so lint can show them all at once.
 *
 * <p>Layout: front matter between {@code ---} lines, an introduction, then one step per
 * {@code ##} heading. Fences whose info string names a role ({@code yaml check}) become
 * {@link Block}s; everything else stays Markdown prose, diagrams included ({@code plantuml diagram}
 * fences are drawn where they stand, and listed in {@link Lesson#diagrams()}).
 */
public final class LessonParser {

    // Only the blocks matter here (steps, fences and where they stand) and the headings' text: paragraphs are left
    // unparsed inside, which was about half of the parse; the site renders the prose from its own parse.
    private final Parser markdown = Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .inlineParserFactory(HeadingInlines::new).build();
    private final Optional<List<LearningPath>> declaredPaths;

    /** A parser for a lessons folder without a course file: any well-formed path id is a path. */
    public LessonParser() {
        this.declaredPaths = Optional.empty();
    }

    /** A parser for a course whose course file declares {@code paths}: a lesson naming another path is a problem. */
    public LessonParser(List<LearningPath> paths) {
        this.declaredPaths = Optional.of(List.copyOf(paths));
    }

    public ParsedLesson parse(Path file, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        Optional<Lesson> lesson = LessonText.decode(file, bytes, problems)
                .flatMap(text -> parseText(file, text, SourceFingerprint.of(bytes), problems));
        return new ParsedLesson(file, lesson, problems);
    }

    private Optional<Lesson> parseText(Path file, String text, SourceFingerprint fingerprint, List<Problem> problems) {
        TextLines lines = new TextLines(text);
        if (!lines.line(0).strip().equals("---")) {
            problems.add(new Problem(SourcePosition.of(file, 1, 1), "the lesson has no front matter",
                    "start the file with a '---' line, the lesson's id, title, paths, duration and objectives, and another '---' line"));
            return Optional.empty();
        }
        int close = -1;
        for (int i = 1; i < lines.count(); i++) {
            if (lines.line(i).strip().equals("---")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.add(new Problem(SourcePosition.of(file, 1, 1), "the front matter opened on line 1 is never closed",
                    "add a line with only '---' after the last front matter field"));
            return Optional.empty();
        }
        String yaml = lines.join(1, close);
        Optional<FrontMatter> front = new FrontMatterReader(file, problems, declaredPaths).read(yaml, 2);
        BodyParse body = parseBody(file, lines, close + 1, problems);
        if (!file.getFileName().toString().equals(front.map(f -> f.id() + ".md").orElse(file.getFileName().toString()))) {
            problems.add(new Problem(SourcePosition.of(file, 2, 1), "the lesson id '" + front.get().id() + "' does not match the file name",
                    "rename the file to " + front.get().id() + ".md or change the id"));
        }
        return front.map(f -> new Lesson(f.id(), f.title(), f.paths(), f.durationMinutes(), f.prerequisites(),
                f.objectives(), f.images(), f.summary(), body.introduction, body.steps, body.diagrams, file, f.cluster(), fingerprint));
    }

    private record BodyParse(Prose introduction, List<Step> steps, List<Diagram> diagrams) {
    }

    /** @param firstLine index into {@code lines} of the first body line (0-based) */
    private BodyParse parseBody(Path file, TextLines lines, int firstLine, List<Problem> problems) {
        String body = lines.join(Math.min(firstLine, lines.count()), lines.count());
        Node document = markdown.parse(body);
        StepBuilder intro = new StepBuilder(null, null, firstLine);
        List<StepBuilder> sections = new ArrayList<>();
        StepBuilder current = intro;
        List<Diagram> diagrams = new ArrayList<>();
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            int start = firstLine + startLine(node);   // 0-based line index in the file
            int end = firstLine + endLine(node);
            if (node instanceof Heading heading && heading.getLevel() <= 2) {
                current.closeAt(start);
                if (heading.getLevel() == 1) {
                    problems.add(new Problem(SourcePosition.of(file, start + 1, 1), "a '#' heading in the lesson body",
                            "the title comes from the front matter; use '##' for steps and '###' inside a step"));
                }
                current = new StepBuilder(headingText(heading), SourcePosition.of(file, start + 1, 1), end + 1);
                sections.add(current);
            } else if (node instanceof FencedCodeBlock fence) {
                SourcePosition at = SourcePosition.of(file, start + 1, fence.getFenceIndent() + 1);
                Optional<SwallowedFence> swallowed = SwallowedFence.in(fence);
                // An unclosed block is read up to the fence it swallowed: the lines after it are the next block's, no error of this one.
                String content = swallowed.map(s -> s.before(fence.getLiteral())).orElse(fence.getLiteral());
                if (swallowed.isPresent()) {
                    problems.add(swallowed.get().problem(fence, at));
                } else if (fence.getClosingFenceLength() == null) {
                    problems.add(new Problem(at, "the code fence opened here is never closed",
                            "add a closing line of " + fence.getFenceCharacter().repeat(Math.max(3, fence.getOpeningFenceLength())) + " after the block"));
                }
                FenceInfo info = FenceInfo.parse(fence.getInfo(), at, problems);
                if (info.role() == BlockRole.DIAGRAM) {
                    // A diagram stays in the prose, where it is drawn; the lesson lists it for lint.
                    DiagramReader.read(info.language(), content, at, problems).ifPresent(diagrams::add);
                } else if (info.role() != BlockRole.EXAMPLE) {
                    current.addProseUpTo(lines, start);
                    current.parts.add(block(file, info, content, at, problems));
                    current.proseFrom = end + 1;
                }
            }
            // Role fences nested inside lists or quotes would be silently ignored: report them.
            reportNestedRoleFences(file, node, firstLine, problems);
        }
        current.closeAt(lines.count());
        for (StepBuilder section : sections) {
            section.finish(lines);
        }
        intro.finish(lines);
        List<Step> steps = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        for (StepBuilder section : sections) {
            String anchor = CheckReader.slug(section.title);
            for (int n = 2; !anchors.add(anchor); n++) {
                anchor = CheckReader.slug(section.title) + "-" + n;
            }
            steps.add(new Step(steps.size() + 1, section.title, anchor, section.position, section.parts));
        }
        CheckIds.reportDuplicates(steps, problems);
        Prose introduction = intro.parts.stream().filter(Prose.class::isInstance).map(Prose.class::cast)
                .reduce((a, b) -> new Prose(a.markdown() + "\n\n" + b.markdown())).orElse(new Prose(""));
        if (intro.parts.stream().anyMatch(Block.class::isInstance)) {
            problems.add(new Problem(SourcePosition.of(file, firstLine + 1, 1), "a lesson block appears before the first '##' step",
                    "move setup, check, hint and solution blocks into a step"));
        }
        return new BodyParse(introduction, steps, diagrams);
    }

    private Block block(Path file, FenceInfo info, String content, SourcePosition at, List<Problem> problems) {
        Optional<CheckSpec> check = Optional.empty();
        if (info.role() == BlockRole.CHECK) {
            if (!info.language().equals("yaml") && !info.language().equals("yml")) {
                problems.add(new Problem(at, "a check block must be YAML", "open it with '```yaml check'"));
            } else {
                List<CheckSpec> checks = new CheckReader(file, problems).read(content, at.line() + 1);
                if (checks.size() > 1) {
                    problems.add(new Problem(at, "a check block holds one check, this one holds " + checks.size(),
                            "give each check its own '```yaml check' block"));
                }
                check = checks.stream().findFirst();
            }
        }
        if (info.role() == BlockRole.FAULT) {
            if (!info.language().equals("yaml") && !info.language().equals("yml")) {
                problems.add(new Problem(at, "a fault block must be YAML", "open it with '```yaml fault'"));
                return new Block(info.role(), info.language(), content, at, check);
            }
            return new Block(info.role(), info.language(), content, at, check, new FaultReader(file, problems).read(content, at));
        }
        return new Block(info.role(), info.language(), content, at, check, Optional.empty(), info.node());
    }

    private void reportNestedRoleFences(Path file, Node top, int firstLine, List<Problem> problems) {
        for (Node child = top.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof FencedCodeBlock nested) {
                SourcePosition at = SourcePosition.of(file, firstLine + startLine(nested) + 1, 1);
                FenceInfo info = FenceInfo.parse(nested.getInfo(), at, new ArrayList<>());
                if (info.role() != BlockRole.EXAMPLE) {
                    problems.add(new Problem(at, "a '" + info.role().word() + "' block inside a list or quote is not seen by the engine",
                            "move the fence to the start of a line, outside the list"));
                }
            }
            reportNestedRoleFences(file, child, firstLine, problems);
        }
    }

    private static int startLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex();
    }

    private static int endLine(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(spans.size() - 1).getLineIndex();
    }

    private static String headingText(Heading heading) {
        StringBuilder text = new StringBuilder();
        collectText(heading, text);
        return text.toString().strip();
    }

    private static void collectText(Node node, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Text text) {
                out.append(text.getLiteral());
            } else if (child instanceof org.commonmark.node.Code code) {
                out.append(code.getLiteral());
            } else {
                collectText(child, out);
            }
        }
    }

    /**
     * Parses the inline content of headings only (a step's title), as commonmark's own inline parser does, and
     * leaves every other block's text unparsed: the lesson model keeps prose as Markdown text.
     */
    private static final class HeadingInlines implements InlineParser {
        private final InlineParser headings;

        HeadingInlines(InlineParserContext context) {
            // commonmark's default inline parser (what Parser uses without a factory); pinned at 0.32.0 in pom.xml.
            this.headings = new org.commonmark.internal.InlineParserImpl(context);
        }

        @Override
        public void parse(SourceLines lines, Node block) {
            if (block instanceof Heading) {
                headings.parse(lines, block);
            }
        }
    }

    /** Collects the parts of one section while walking the document. */
    private static final class StepBuilder {
        final String title;
        final SourcePosition position;
        final List<StepPart> parts = new ArrayList<>();
        int proseFrom;
        int end = -1;

        StepBuilder(String title, SourcePosition position, int proseFrom) {
            this.title = title;
            this.position = position;
            this.proseFrom = proseFrom;
        }

        void addProseUpTo(TextLines lines, int exclusiveEnd) {
            if (exclusiveEnd > proseFrom) {
                String text = lines.join(proseFrom, Math.min(exclusiveEnd, lines.count())).strip();
                if (!text.isEmpty()) {
                    parts.add(new Prose(text));
                }
            }
        }

        void closeAt(int line) {
            if (end < 0) {
                end = line;
            }
        }

        void finish(TextLines lines) {
            addProseUpTo(lines, end);
        }
    }
}
