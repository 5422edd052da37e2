package org.rubyport.sw;

import java.io.IOException;
import java.util.Objects;

/**
 * Answers a page the browser could not fetch and no cache holds with a page saying so, instead of the browser's
 * own network error: opening a never-visited address of the installed app while offline then tells the visitor
 * what happened and where the playground is. Resources (scripts, images, fetches) still fail as network errors,
 * which is what their callers expect.
 */
public final class OfflineFallback implements Handler {
    private final Handler handler;
    private final HtmlResponses responses;

    /** handler, whose failures to reach the network are answered with an offline page for navigations. */
    public OfflineFallback(Handler handler, HtmlResponses responses) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    @Override
    public Response handle(Request request) throws Exception {
        try {
            return handler.handle(request);
        } catch (IOException offline) {
            if (!request.navigation()) {
                throw offline;
            }
            return responses.html(503, page(request.url()));
        }
    }

    /** The offline page for a visit to url. */
    static String page(String url) {
        String path = Objects.requireNonNullElse(Matchers.path(url), url);
        return HtmlPage.render("You are offline", "<p>This device is offline, and <code>" + HtmlPage.escape(path)
                + "</code> was not saved for offline use: only pages you have opened before, the playground and "
                + "its installed apps work without the network.</p>"
                + "<p><a href=\"/\">Open the playground</a>, or <a href=\"" + HtmlPage.escape(url)
                + "\">try this page again</a> once you are back online.</p>");
    }
}
