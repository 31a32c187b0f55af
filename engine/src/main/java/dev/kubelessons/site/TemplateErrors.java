package dev.kubelessons.site;

import freemarker.template.TemplateException;

/** FreeMarker's error message in one line for a template's author: what went wrong and the expression it blames. */
final class TemplateErrors {

    // FreeMarker repeats the place after the expression; the build's message already starts with file:line:col.
    private static final String PLACE = "\\s*\\[in template \"[^\"]*\" at line \\d+, column \\d+]\\s*$";

    private TemplateErrors() {
    }

    /**
     * The message's first paragraph, its lines joined: "The following has evaluated to null or missing:" alone names
     * nothing; the "==> nosuchvar" line under it is what the author needs. The tips after "----" are left out.
     */
    static String summary(TemplateException e) {
        String text = e.getMessageWithoutStackTop() == null ? "" : e.getMessageWithoutStackTop().strip();
        StringBuilder summary = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("----")) {
                break;
            }
            // "...null or missing:" runs on into its expression; other lines are sentences of their own.
            if (!summary.isEmpty()) {
                summary.append(summary.charAt(summary.length() - 1) == ':' ? " " : "; ");
            }
            summary.append(trimmed.replaceFirst("^==>\\s*", "").replaceFirst(PLACE, ""));
        }
        String blamed = e.getBlamedExpressionString();
        return blamed != null && summary.indexOf(blamed) < 0 ? summary + " (" + blamed + ")" : summary.toString();
    }
}
