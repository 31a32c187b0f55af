package dev.kubelessons.report;

import dev.kubelessons.check.Verdict;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Verdicts as JUnit XML (one testsuite per lesson, one testcase per check), built with the JDK's DOM so it is always well-formed. */
public final class JunitReport {

    public String render(List<LessonResult> results) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = document.createElement("testsuites");
            document.appendChild(suites);
            for (LessonResult result : results) {
                Element suite = document.createElement("testsuite");
                suite.setAttribute("name", result.lessonId());
                suite.setAttribute("tests", String.valueOf(result.verdicts().size()));
                suite.setAttribute("failures", String.valueOf(result.count(dev.kubelessons.check.Status.FAIL)));
                suite.setAttribute("errors", String.valueOf(result.count(dev.kubelessons.check.Status.ERROR)));
                suite.setAttribute("skipped", String.valueOf(result.count(dev.kubelessons.check.Status.SKIPPED)));
                suite.setAttribute("time", seconds(result.elapsed().toMillis()));
                for (Verdict verdict : result.verdicts()) {
                    suite.appendChild(testcase(document, result, verdict));
                }
                suites.appendChild(suite);
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out + "\n";
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("cannot build JUnit XML", e);
        }
    }

    private static Element testcase(Document document, LessonResult result, Verdict verdict) {
        Element testcase = document.createElement("testcase");
        testcase.setAttribute("classname", result.lessonId());
        testcase.setAttribute("name", verdict.id() + ": " + verdict.title());
        String detail = verdict.message() + (verdict.expected().isBlank() ? "" : "\nexpected: " + verdict.expected() + "\nactual: " + verdict.actual())
                + (verdict.hint().isBlank() ? "" : "\nhint: " + verdict.hint());
        switch (verdict.status()) {
            case PASS -> { }
            case FAIL -> testcase.appendChild(child(document, "failure", verdict.message(), detail));
            case ERROR -> testcase.appendChild(child(document, "error", verdict.message(), detail));
            case SKIPPED -> testcase.appendChild(child(document, "skipped", verdict.message(), null));
        }
        return testcase;
    }

    private static Element child(Document document, String name, String message, String body) {
        Element element = document.createElement(name);
        element.setAttribute("message", message);
        if (body != null) {
            element.setTextContent(body);
        }
        return element;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
