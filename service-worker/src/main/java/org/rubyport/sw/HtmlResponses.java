package org.rubyport.sw;

/** Builds HTML responses (in the browser: new Response(html, ...)), so the core stays free of browser APIs. */
@FunctionalInterface
public interface HtmlResponses {
    /** A response of status whose body is the document html, sent as text/html in UTF-8. */
    Response html(int status, String html);
}
