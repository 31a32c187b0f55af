package dev.kubelessons.live;

/**
 * The static lesson page made live: the run's token and the live script and styles are added to the page this server
 * serves, and only to it. The static site never carries them, so a page opened from disk stays static.
 */
final class LivePage {

    private LivePage() {
    }

    /** @param token base64url, so it needs no escaping in an attribute */
    static String of(String html, String lessonId, String token) {
        String head = "<meta name=\"kubelessons-live\" content=\"" + token + "\" data-lesson=\"" + lessonId + "\">"
                + "<link rel=\"stylesheet\" href=\"assets/live.css\">";
        String body = "<script src=\"assets/live.js\"></script>";
        int headEnd = html.indexOf("</head>");
        String withHead = headEnd < 0 ? head + html : html.substring(0, headEnd) + head + html.substring(headEnd);
        int bodyEnd = withHead.lastIndexOf("</body>");
        return bodyEnd < 0 ? withHead + body : withHead.substring(0, bodyEnd) + body + withHead.substring(bodyEnd);
    }
}
