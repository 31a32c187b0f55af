package dev.kubelessons.diagram;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * PlantUML's SVG made fit for a page with a light and a dark theme and for screen readers: every
 * colour becomes one of the site's CSS variables (placeholder colours by their role, any other colour
 * by what it paints), the drawing scales to its container, it is an image with a title and a
 * description, and its ids are prefixed so several diagrams can share a page.
 */
final class ThemedSvg {

    private static final Map<String, String> PALETTE = Map.of(
            PlantUml.TEXT, "var(--fg)",
            PlantUml.LINE, "var(--muted)",
            PlantUml.BOX, "var(--surface)",
            PlantUml.HOT_BOX, "var(--setup)",
            PlantUml.HOT_LINE, "var(--accent)",
            PlantUml.DENY_BOX, "var(--badge)",
            PlantUml.DENY_LINE, "var(--badge-fg)");
    private static final Pattern VIEW_BOX = Pattern.compile("\\s*[-0-9.]+\\s+[-0-9.]+\\s+([0-9.]+)\\s+([0-9.]+)\\s*");
    private static final java.util.Set<String> UNSAFE_ELEMENTS = java.util.Set.of("script", "foreignObject", "iframe", "object", "embed");
    private static final Pattern URL_REF = Pattern.compile("url\\(#([^)]+)\\)");

    private ThemedSvg() {
    }

    /** @param idPrefix unique on the page, [a-z0-9-] only */
    static String of(String plantUmlSvg, String title, String description, String idPrefix) {
        Document document = parse(plantUmlSvg);
        Element svg = document.getDocumentElement();
        sizeToViewBox(svg);
        strip(svg);
        recolor(svg, idPrefix);
        Element titleElement = document.createElementNS(svg.getNamespaceURI(), "title");
        titleElement.setAttribute("id", idPrefix + "-title");
        titleElement.setTextContent(title);
        Element descElement = document.createElementNS(svg.getNamespaceURI(), "desc");
        descElement.setAttribute("id", idPrefix + "-desc");
        descElement.setTextContent(description);
        svg.insertBefore(descElement, svg.getFirstChild());
        svg.insertBefore(titleElement, descElement);
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-labelledby", idPrefix + "-title");
        svg.setAttribute("aria-describedby", idPrefix + "-desc");
        svg.setAttribute("class", "diagram-svg");
        return write(document);
    }

    private static void sizeToViewBox(Element svg) {
        Matcher box = VIEW_BOX.matcher(svg.getAttribute("viewBox"));
        for (String attribute : new String[] {"style", "width", "height", "preserveAspectRatio", "zoomAndPan", "contentStyleType", "version"}) {
            svg.removeAttribute(attribute);
        }
        svg.removeAttributeNS("http://www.w3.org/2000/xmlns/", "xlink");
        if (box.matches()) {
            // Natural size as attributes, so the page reserves the space before it paints (no layout shift); CSS scales it down.
            svg.setAttribute("width", box.group(1));
            svg.setAttribute("height", box.group(2));
        }
    }

    /** Comments, processing instructions and PlantUML's own bookkeeping attributes add bytes and nothing a reader sees. */
    private static void strip(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.COMMENT_NODE || child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                node.removeChild(child);
            } else if (child instanceof Element element && UNSAFE_ELEMENTS.contains(element.getLocalName())) {
                node.removeChild(child);
            } else if (child instanceof Element element && element.getLocalName().equals("a")) {
                // PlantUML's [[links]] open in new windows from inside a picture; the lesson's prose is where links go.
                Node first = element.getFirstChild();
                while (element.getFirstChild() != null) {
                    node.insertBefore(element.getFirstChild(), element);
                }
                node.removeChild(element);
                next = first != null ? first : next;   // its children are looked at next
            } else if (child instanceof Element element) {
                dropUnsafeAttributes(element);
                for (String attribute : new String[] {"data-source-line", "data-qualified-name", "data-entity", "data-uid",
                        "data-entity-1", "data-entity-2", "data-link-type"}) {
                    element.removeAttribute(attribute);
                }
                strip(child);
            }
            child = next;
        }
    }

    /** A lesson is content, not code: no scripts, handlers or javascript: links reach the page through a diagram. */
    private static void dropUnsafeAttributes(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = attributes.getLength() - 1; i >= 0; i--) {
            Node attribute = attributes.item(i);
            String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
            String value = attribute.getNodeValue().strip().toLowerCase(Locale.ROOT);
            boolean link = name.equals("href") && !(value.startsWith("https://") || value.startsWith("http://") || value.startsWith("#"));
            if (name.toLowerCase(Locale.ROOT).startsWith("on") || link) {
                element.removeAttributeNode((org.w3c.dom.Attr) attribute);
            }
        }
    }

    private static void recolor(Element element, String idPrefix) {
        Map<String, String> style = declarations(element.getAttribute("style"));
        for (String property : new String[] {"fill", "stroke"}) {
            if (element.hasAttribute(property)) {
                style.putIfAbsent(property, element.getAttribute(property));
                element.removeAttribute(property);
            }
        }
        style.remove("background");
        style.replaceAll((property, value) -> themed(element.getLocalName(), property, value));
        if (style.isEmpty()) {
            element.removeAttribute("style");
        } else {
            element.setAttribute("style", String.join(";", style.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList()));
        }
        if (element.hasAttribute("id")) {
            element.setAttribute("id", idPrefix + "-" + element.getAttribute("id"));
        }
        for (String attribute : new String[] {"filter", "marker-end", "marker-start", "clip-path", "mask"}) {
            if (element.hasAttribute(attribute)) {
                element.setAttribute(attribute, URL_REF.matcher(element.getAttribute(attribute)).replaceAll("url(#" + idPrefix + "-$1)"));
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                recolor(child, idPrefix);
            }
        }
    }

    /** A colour in the site's theme: placeholders by role, anything else by what it paints. */
    private static String themed(String elementName, String property, String value) {
        String colour = value.strip().toLowerCase(Locale.ROOT);
        if (!property.equals("fill") && !property.equals("stroke") || colour.equals("none") || colour.equals("transparent")
                || colour.startsWith("url(")) {
            return value;
        }
        String known = PALETTE.get(colour.length() == 4 ? expand(colour) : colour);
        if (known != null) {
            return known;
        }
        if (elementName.equals("text")) {
            return "var(--fg)";
        }
        return property.equals("stroke") ? "var(--muted)" : "var(--surface)";
    }

    private static String expand(String shortHex) {
        return "#" + shortHex.charAt(1) + shortHex.charAt(1) + shortHex.charAt(2) + shortHex.charAt(2) + shortHex.charAt(3) + shortHex.charAt(3);
    }

    private static Map<String, String> declarations(String style) {
        Map<String, String> declarations = new LinkedHashMap<>();
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                declarations.put(declaration.substring(0, colon).strip(), declaration.substring(colon + 1).strip());
            }
        }
        return declarations;
    }

    private static Document parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("PlantUML wrote SVG that does not parse: " + e.getMessage(), e);
        }
    }

    private static String write(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the themed SVG: " + e.getMessage(), e);
        }
    }
}
