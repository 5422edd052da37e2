package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkFirstTest {
    private static final String CACHE = "rubyport-1";
    private static final String URL = "https://example.com/index.html";

    private final FakeCacheStorage caches = new FakeCacheStorage();
    private final FakeNetwork network = new FakeNetwork();
    private final NetworkFirst strategy = new NetworkFirst(caches, CACHE, network);
    private final Request request = FakeRequest.get(URL);
    private final Response stale = new FakeResponse(200);

    @Test
    void onlineTheNetworkResponseIsServedAndCached() throws Exception {
        caches.open(CACHE).put(request, stale);

        Response response = strategy.handle(request);

        assertSame(network.responses.get(URL), response);
        assertSame(response, caches.open(CACHE).match(request));
        assertEquals(List.of(URL), network.fetched);
    }

    @Test
    void onlineAnErrorStatusIsServedButDoesNotReplaceTheCache() throws Exception {
        caches.open(CACHE).put(request, stale);
        network.status(URL, 500);

        assertEquals(500, strategy.handle(request).status());
        assertSame(stale, caches.open(CACHE).match(request));
    }

    @Test
    void offlineTheCachedResponseIsServed() throws Exception {
        caches.open(CACHE).put(request, stale);
        network.offline = true;

        assertSame(stale, strategy.handle(request));
        assertEquals(List.of(URL), network.fetched);
    }

    @Test
    void offlineWithoutCacheTheNetworkErrorIsRethrown() {
        network.offline = true;

        IOException e = assertThrows(IOException.class, () -> strategy.handle(request));
        assertTrue(e.getMessage().contains("Failed to fetch"), e.getMessage());
    }

    @Test
    void aFullCacheIsNotMistakenForBeingOffline() throws Exception {
        caches.open(CACHE).put(request, stale);
        caches.putLimit = caches.puts;

        Response response = strategy.handle(request);

        assertSame(network.responses.get(URL), response);
        assertSame(stale, caches.open(CACHE).match(request));
    }

    @Test
    void theFirstOnlineVisitFillsAnEmptyCache() throws Exception {
        strategy.handle(request);
        network.offline = true;

        assertSame(network.responses.get(URL), strategy.handle(request));
        assertNull(caches.open(CACHE).match(FakeRequest.get("https://example.com/other")));
    }
}
