package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RouteTest {
    @Test
    void keepsMatcherAndHandler() {
        RouteMatcher matcher = request -> true;
        Handler handler = request -> null;
        Route route = new Route(matcher, handler);

        assertSame(matcher, route.matcher());
        assertSame(handler, route.handler());
        assertEquals(new Route(matcher, handler), route);
        assertNotEquals(new Route(request -> false, handler), route);
    }
}
