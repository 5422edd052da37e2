package org.rubyport.sw;

/** The plain HTML page the worker answers with when it has nothing better: a title and a few paragraphs. */
public final class HtmlPage {
    private HtmlPage() {
    }

    /** A whole document titled title (escaped here) around body, which is HTML the caller has escaped. */
    public static String render(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title)
                + "</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
                + "pre{background:#f4f4f4;padding:1rem;overflow:auto}.message{color:#b3202a}</style></head><body><h1>"
                + escape(title) + "</h1>" + body + "</body></html>";
    }

    /** text with the characters that mean something in HTML (and in attribute values) escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
