package org.rubyport.sw;

/** An HTTP request as seen by the service worker (the browser's Request, or a test fake). */
public interface Request {
    /** The HTTP method, upper case as browsers report it ("GET", "POST", ...). */
    String method();

    /** The absolute URL, e.g. "https://example.com/app/index.html?x=1". */
    String url();

    /** Whether the browser is loading a page for a tab or frame (fetch's mode "navigate"), not a resource of one. */
    default boolean navigation() {
        return false;
    }
}
