package org.rubyport.sw;

/** Builds requests from URLs (in the browser: new Request(url)), so {@link Precache} stays free of browser APIs. */
@FunctionalInterface
public interface RequestFactory {
    /** A GET request for url. */
    Request get(String url);
}
