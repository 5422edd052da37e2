package org.rubyport.sw;

/** Produces the response for a request (a caching strategy, or a whole router). */
@FunctionalInterface
public interface Handler {
    /** The response for request; null means "not handled", the browser then fetches normally. */
    Response handle(Request request) throws Exception;
}
