package dev.kubelessons.site;

import dev.kubelessons.markdown.DiagramReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders code blocks inside lesson prose with the same markup as the lesson's own blocks
 * (a copy button and a highlight.js language class), so every code block on a page behaves alike;
 * {@code plantuml diagram} fences are drawn as figures instead.
 */
final class CodeBlockRenderer implements NodeRenderer {

    private final HtmlWriter html;
    private final DiagramFigures diagrams;

    CodeBlockRenderer(HtmlNodeRendererContext context, DiagramFigures diagrams) {
        this.html = context.getWriter();
        this.diagrams = diagrams;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(FencedCodeBlock.class, IndentedCodeBlock.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof FencedCodeBlock fenced && DiagramReader.isDiagram(fenced.getInfo())) {
            // A diagram is drawn; one without its header (lint reports it) falls through and shows as code.
            var figure = diagrams.figure(fenced.getLiteral());
            if (figure.isPresent()) {
                html.line();
                html.raw(figure.get());
                html.line();
                return;
            }
        }
        String language = node instanceof FencedCodeBlock fenced ? CodeLanguage.of(fenced.getInfo()) : CodeLanguage.PLAIN;
        String literal = node instanceof FencedCodeBlock fenced ? fenced.getLiteral() : ((IndentedCodeBlock) node).getLiteral();
        html.line();
        html.tag("div", attributes("class", "code"));
        Map<String, String> button = attributes("type", "button");
        button.put("class", "copy");
        button.put("aria-label", "Copy to clipboard");
        html.tag("button", button);
        html.text("Copy");
        html.tag("/button");
        html.tag("pre", attributes("tabindex", "0")); // it scrolls sideways: keyboard users must reach it (axe: scrollable-region-focusable)
        html.tag("code", attributes("class", "language-" + language));
        html.text(CodeLanguage.trimTrailingNewline(literal));
        html.tag("/code");
        html.tag("/pre");
        html.tag("/div");
        html.line();
    }

    private static Map<String, String> attributes(String name, String value) {
        // Ordered, so the output (and the golden files) are deterministic.
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(name, value);
        return attributes;
    }
}
