package compactqa.cli;

/** Renders the index's HTML-escaped, {@code <b>}-marked snippets for a terminal. */
final class Snippets {

    private Snippets() {
    }

    /** The snippet as plain text, matches in bold on a terminal and in {@code [brackets]} elsewhere. */
    static String render(String html, boolean terminal) {
        String open = terminal ? "\u001b[1m" : "[";
        String close = terminal ? "\u001b[0m" : "]";
        return html.replace("<b>", open).replace("</b>", close)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#x27;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
