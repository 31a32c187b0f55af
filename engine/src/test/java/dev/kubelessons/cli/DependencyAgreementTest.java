package dev.kubelessons.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubelessons.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The runtime dependencies are declared twice, in engine/pom.xml (tests, IDEs) and as //DEPS
 * in engine/Lesson.java (what jbang runs). This test fails the moment the two disagree.
 */
class DependencyAgreementTest {

    @Test
    void jbangDepsMatchThePomsRuntimeDependencies() throws Exception {
        Path engine = Fixtures.repositoryRoot().resolve("engine");
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(engine.resolve("pom.xml").toFile());
        Map<String, String> properties = new java.util.HashMap<>();
        NodeList props = ((Element) pom.getElementsByTagName("properties").item(0)).getChildNodes();
        for (int i = 0; i < props.getLength(); i++) {
            if (props.item(i) instanceof Element e) {
                properties.put(e.getTagName(), e.getTextContent().trim());
            }
        }
        TreeSet<String> fromPom = new TreeSet<>();
        Element dependencies = (Element) pom.getDocumentElement().getElementsByTagName("dependencies").item(1);
        NodeList list = dependencies.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element dependency = (Element) list.item(i);
            if (dependency.getParentNode() != dependencies || text(dependency, "scope").equals("test")) {
                continue;
            }
            String version = text(dependency, "version");
            Matcher property = Pattern.compile("\\$\\{(.+)}").matcher(version);
            if (property.matches()) {
                version = properties.get(property.group(1));
            }
            fromPom.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId") + ":" + version);
        }
        // The BOM import in dependencyManagement is the same as the //DEPS ...@pom line.
        fromPom.add("io.fabric8:kubernetes-client-bom:" + properties.get("fabric8.version") + "@pom");

        TreeSet<String> fromJbang = Files.readAllLines(engine.resolve("Lesson.java")).stream()
                .filter(l -> l.startsWith("//DEPS "))
                .map(l -> l.substring("//DEPS ".length()).trim())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fromPom, fromJbang, "engine/Lesson.java //DEPS and engine/pom.xml runtime dependencies differ");
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
