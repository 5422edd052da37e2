package org.rubyport.sw;

/** Decides whether a route applies to a request; see {@link Matchers} for the usual ones. */
@FunctionalInterface
public interface RouteMatcher {
    /** Whether the route applies to request. */
    boolean matches(Request request);
}
