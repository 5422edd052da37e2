package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheFirstTest {
    private static final String CACHE = "rubyport-1";
    private static final String URL = "https://example.com/ruby.wasm";

    private final FakeCacheStorage caches = new FakeCacheStorage();
    private final FakeNetwork network = new FakeNetwork();
    private final CacheFirst strategy = new CacheFirst(caches, CACHE, network);
    private final Request request = FakeRequest.get(URL);

    @Test
    void aHitIsServedWithoutTheNetwork() throws Exception {
        Response cached = new FakeResponse(200);
        caches.open(CACHE).put(request, cached);

        assertSame(cached, strategy.handle(request));
        assertEquals(List.of(), network.fetched);
    }

    @Test
    void aMissIsFetchedAndCached() throws Exception {
        Response response = strategy.handle(request);

        assertSame(network.responses.get(URL), response);
        assertSame(response, caches.open(CACHE).match(request));
        assertSame(response, strategy.handle(request));
        assertEquals(List.of(URL), network.fetched);
    }

    @Test
    void aNotFoundIsReturnedButNotCached() throws Exception {
        network.status(URL, 404);

        assertEquals(404, strategy.handle(request).status());
        assertNull(caches.open(CACHE).match(request));
        strategy.handle(request);
        assertEquals(List.of(URL, URL), network.fetched);
    }

    @Test
    void anOfflineMissFails() {
        network.offline = true;

        assertThrows(IOException.class, () -> strategy.handle(request));
    }

    @Test
    void aFullCacheStillServesTheFetchedResponse() throws Exception {
        caches.putLimit = 0;

        Response response = strategy.handle(request);

        assertSame(network.responses.get(URL), response);
        assertEquals(200, response.status());
        assertNull(caches.open(CACHE).match(request));
    }

    @Test
    void onlyTheNamedCacheIsUsed() throws Exception {
        caches.open("rubyport-0").put(request, new FakeResponse(200));

        strategy.handle(request);

        assertEquals(List.of(URL), network.fetched);
        assertEquals(List.of("rubyport-0", CACHE), caches.keys());
    }

    @Test
    void aKeyedStrategyServesAndStoresEveryQueryOfAPageAsThePageItself() throws Exception {
        String page = "https://example.com/";
        CacheFirst keyed = new CacheFirst(caches, CACHE, network,
                r -> FakeRequest.get("https://example.com" + Matchers.path(r.url())));
        Response cached = new FakeResponse(200);
        caches.open(CACHE).put(FakeRequest.get(page), cached);

        assertSame(cached, keyed.handle(FakeRequest.get(page + "?utm_source=x")));
        assertEquals(List.of(), network.fetched);

        Response fetched = keyed.handle(FakeRequest.get("https://example.com/app.js?v=2"));
        assertEquals(List.of("https://example.com/app.js"), network.fetched);
        assertSame(fetched, caches.open(CACHE).match(FakeRequest.get("https://example.com/app.js")));
    }
}
