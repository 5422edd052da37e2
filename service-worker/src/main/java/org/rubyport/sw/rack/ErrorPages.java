package org.rubyport.sw.rack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.rubyport.sw.HtmlPage;

/** The HTML pages the bridge itself answers with when the app cannot. */
final class ErrorPages {
    private ErrorPages() {
    }

    static HttpReply noSuchApp(String name) {
        String what = name.isEmpty() ? "<p>This address names no app: apps live at <code>/apps/&lt;name&gt;/</code>.</p>"
                : "<p>No app named <code>" + escape(name) + "</code> is installed here.</p>";
        return page(404, "No such app", what
                + "<p>The <a href=\"/\">playground</a> lists the installed apps under <b>Apps</b>.</p>");
    }

    /** A Ruby exception inside the app: its class, message and backtrace (a development setting). */
    static HttpReply exception(String app, String className, String message, List<String> backtrace) {
        StringBuilder trace = new StringBuilder();
        for (String line : backtrace) {
            trace.append(escape(line)).append('\n');
        }
        return page(500, className + " in " + app, "<p>The app raised <b>" + escape(className) + "</b>:</p>"
                + "<pre class=\"message\">" + escape(message) + "</pre>"
                + "<h2>Backtrace</h2><pre class=\"backtrace\">" + trace + "</pre>");
    }

    /** The app's Ruby VM failed (not a Ruby exception): the next request starts it again. */
    static HttpReply crashed(String app, String what) {
        return page(500, app + " stopped", "<p>The app's Ruby VM failed: <code>" + escape(what) + "</code></p>"
                + "<p>Reload the page: the next request starts the app again.</p>");
    }

    static HttpReply tooLarge(String app, long limit) {
        return page(413, "Request too large", "<p>The request's body is larger than " + (limit >> 20) + " MB, the most "
                + "an app running in your browser accepts, so " + escape(app) + " did not get it. Send a smaller file.</p>");
    }

    static HttpReply invalidResponse(String app, String why) {
        return page(502, "Invalid response from " + app, "<p>The app returned something that is not a valid "
                + "Rack response (" + escape(why) + ").</p>");
    }

    private static HttpReply page(int status, String title, String body) {
        return new HttpReply(status, List.of(new Header("Content-Type", "text/html; charset=utf-8")),
                HtmlPage.render(title, body).getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return HtmlPage.escape(text);
    }
}
