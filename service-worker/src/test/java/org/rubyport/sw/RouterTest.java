package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final RouteMatcher ANY = request -> true;
    private static final RouteMatcher NONE = request -> false;
    private static final String URL = "https://example.com/index.html";

    private final Response getResponse = new FakeResponse(200);
    private final Response postResponse = new FakeResponse(201);

    @Test
    void routesAreKeptPerMethod() throws Exception {
        Router router = new Router()
            .get(ANY, request -> getResponse)
            .route("POST", ANY, request -> postResponse);

        assertSame(getResponse, router.handle(FakeRequest.get(URL)));
        assertSame(postResponse, router.handle(new FakeRequest("POST", URL)));
        assertNull(router.handle(new FakeRequest("PUT", URL)));
    }

    @Test
    void getIsARouteForGet() throws Exception {
        Router router = new Router().get(ANY, request -> getResponse);

        assertSame(getResponse, router.handle(FakeRequest.get(URL)));
        assertNull(router.handle(new FakeRequest("POST", URL)));
    }

    @Test
    void firstMatchingRouteWinsInRegistrationOrder() throws Exception {
        Response first = new FakeResponse(200);
        Response second = new FakeResponse(200);
        List<String> tried = new ArrayList<>();
        Router router = new Router()
            .get(request -> tried.add("none") && false, request -> new FakeResponse(500))
            .get(request -> tried.add("first"), request -> first)
            .get(request -> tried.add("second"), request -> second);

        assertSame(first, router.handle(FakeRequest.get(URL)));
        assertEquals(List.of("none", "first"), tried);
    }

    @Test
    void defaultHandlerAnswersWhenNoRouteMatches() throws Exception {
        Response fallback = new FakeResponse(200);
        Router router = new Router()
            .get(NONE, request -> getResponse)
            .defaultHandler(request -> fallback);

        assertSame(fallback, router.handle(FakeRequest.get(URL)));
        assertSame(fallback, router.handle(new FakeRequest("DELETE", URL)));
    }

    @Test
    void defaultHandlerIsNotUsedWhenARouteMatches() throws Exception {
        Router router = new Router()
            .get(ANY, request -> getResponse)
            .defaultHandler(request -> new FakeResponse(500));

        assertSame(getResponse, router.handle(FakeRequest.get(URL)));
    }

    @Test
    void nullWhenNothingHandles() throws Exception {
        Router router = new Router().get(NONE, request -> getResponse);

        assertNull(router.handle(FakeRequest.get(URL)));
        assertNull(new Router().handle(FakeRequest.get(URL)));
    }

    @Test
    void catchHandlerReceivesTheRequestAndTheException() throws Exception {
        IOException boom = new IOException("boom");
        Response fallback = new FakeResponse(503);
        List<Object> seen = new ArrayList<>();
        Request request = FakeRequest.get(URL);
        Router router = new Router()
            .get(ANY, r -> {
                throw boom;
            })
            .catchHandler((r, error) -> {
                seen.add(r);
                seen.add(error);
                return fallback;
            });

        assertSame(fallback, router.handle(request));
        assertEquals(List.of(request, boom), seen);
    }

    @Test
    void catchHandlerAlsoCoversTheDefaultHandler() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom");
        Response fallback = new FakeResponse(503);
        Router router = new Router()
            .defaultHandler(r -> {
                throw boom;
            })
            .catchHandler((r, error) -> error == boom ? fallback : null);

        assertSame(fallback, router.handle(FakeRequest.get(URL)));
    }

    @Test
    void catchHandlerIsNotCalledOnSuccess() throws Exception {
        List<Exception> seen = new ArrayList<>();
        Router router = new Router()
            .get(ANY, r -> getResponse)
            .catchHandler((r, error) -> {
                seen.add(error);
                return null;
            });

        assertSame(getResponse, router.handle(FakeRequest.get(URL)));
        assertEquals(List.of(), seen);
    }

    @Test
    void withoutCatchHandlerTheExceptionPropagates() {
        IOException boom = new IOException("offline");
        Router router = new Router().get(ANY, r -> {
            throw boom;
        });

        assertSame(boom, assertThrows(IOException.class, () -> router.handle(FakeRequest.get(URL))));
    }

    @Test
    void builderMethodsReturnTheSameRouter() {
        Router router = new Router();

        assertSame(router, router.get(ANY, r -> null));
        assertSame(router, router.route("POST", ANY, r -> null));
        assertSame(router, router.defaultHandler(r -> null));
        assertSame(router, router.catchHandler((r, e) -> null));
    }
}
