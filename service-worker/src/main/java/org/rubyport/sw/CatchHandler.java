package org.rubyport.sw;

/** Produces a fallback response when a route's handler throws. */
@FunctionalInterface
public interface CatchHandler {
    /** The fallback response for request, whose handler threw error. */
    Response handle(Request request, Exception error) throws Exception;
}
