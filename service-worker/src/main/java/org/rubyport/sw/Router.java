package org.rubyport.sw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Dispatches requests to the first matching route registered for their method. */
public final class Router {
    // Per-method lists keep lookups cheap and make e.g. POST never hit a GET caching route.
    private final Map<String, List<Route>> routes = new HashMap<>();
    private Handler defaultHandler;
    private CatchHandler catchHandler;

    /** Adds a route for method (exact, upper case); routes are tried in registration order. */
    public Router route(String method, RouteMatcher matcher, Handler handler) {
        Objects.requireNonNull(method, "method");
        Route route = new Route(Objects.requireNonNull(matcher, "matcher"), Objects.requireNonNull(handler, "handler"));
        routes.computeIfAbsent(method, m -> new ArrayList<>()).add(route);
        return this;
    }

    /** Adds a GET route. */
    public Router get(RouteMatcher matcher, Handler handler) {
        return route("GET", matcher, handler);
    }

    /** Sets the handler used when no route matches (null: leave such requests to the browser). */
    public Router defaultHandler(Handler handler) {
        this.defaultHandler = handler;
        return this;
    }

    /** Sets the handler called when a route's (or the default) handler throws (null: rethrow). */
    public Router catchHandler(CatchHandler handler) {
        this.catchHandler = handler;
        return this;
    }

    /** The response for request, or null when nothing handles it (the browser then fetches normally). */
    public Response handle(Request request) throws Exception {
        Handler handler = find(request);
        if (handler == null) {
            return null;
        }
        try {
            return handler.handle(request);
        } catch (Exception e) {
            if (catchHandler == null) {
                throw e;
            }
            return catchHandler.handle(request, e);
        }
    }

    private Handler find(Request request) {
        List<Route> candidates = routes.get(request.method());
        if (candidates != null) {
            for (Route route : candidates) {
                if (route.matcher().matches(request)) {
                    return route.handler();
                }
            }
        }
        return defaultHandler;
    }
}
