package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecacheTest {
    private static final String CACHE = "rubyport-2";
    private static final String A = "https://example.com/";
    private static final String B = "https://example.com/runtime.js";
    private static final String C = "https://example.com/ruby.wasm";

    private final FakeCacheStorage caches = new FakeCacheStorage();
    private final FakeNetwork network = new FakeNetwork();
    private final Precache precache = new Precache(CACHE, List.of(A, B, C));

    private void install() throws PrecacheException {
        precache.install(caches, network, FakeRequest::get);
    }

    @Test
    void installFetchesEveryUrlIntoTheCache() throws Exception {
        install();

        assertEquals(List.of(A, B, C), network.fetched);
        assertEquals(List.of(A, B, C), new ArrayList<>(caches.caches.get(CACHE).entries.keySet()));
        assertSame(network.responses.get(B), caches.open(CACHE).match(FakeRequest.get(B)));
    }

    @Test
    void aNotFoundDeletesTheCache() {
        caches.open("rubyport-1").entries.put(A, new FakeResponse(200));
        network.status(B, 404);

        PrecacheException e = assertThrows(PrecacheException.class, this::install);

        assertEquals(B, e.url);
        assertTrue(e.getMessage().contains(B) && e.getMessage().contains("404"), e.getMessage());
        assertEquals(List.of("rubyport-1"), caches.keys()); // the old build's cache is untouched
        assertEquals(List.of(A, B), network.fetched); // stops at the first failure
    }

    @Test
    void beingOfflineDeletesTheCache() {
        network.offline = true;

        PrecacheException e = assertThrows(PrecacheException.class, this::install);

        assertEquals(A, e.url);
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getMessage().contains(A), e.getMessage());
        assertFalse(caches.keys().contains(CACHE));
    }

    @Test
    void exceedingTheQuotaDeletesTheCache() {
        caches.putLimit = 2;

        PrecacheException e = assertThrows(PrecacheException.class, this::install);

        assertEquals(C, e.url);
        assertEquals("QuotaExceededError", e.getCause().getMessage());
        assertTrue(e.getMessage().contains(C) && e.getMessage().contains("QuotaExceededError"), e.getMessage());
        assertEquals(List.of(), caches.keys());
    }

    @Test
    void anUnexpectedExceptionAlsoDeletesTheCache() {
        RuntimeException boom = new IllegalStateException("boom");
        RequestFactory requests = url -> {
            if (url.equals(C)) {
                throw boom;
            }
            return FakeRequest.get(url);
        };

        assertSame(boom, assertThrows(IllegalStateException.class, () -> precache.install(caches, network, requests)));
        assertNull(caches.caches.get(CACHE));
    }

    @Test
    void theUrlListIsCopied() throws Exception {
        List<String> urls = new ArrayList<>(List.of(A));
        Precache p = new Precache(CACHE, urls);
        urls.add(B);

        p.install(caches, network, FakeRequest::get);

        assertEquals(List.of(A), network.fetched);
    }

    @Test
    void deleteOldCachesKeepsTheCurrentAndForeignCaches() throws Exception {
        for (String name : List.of("rubyport-1", "other-app-v1", CACHE, "rubyport-0", "rubyport")) {
            caches.open(name);
        }

        List<String> deleted = Precache.deleteOldCaches(caches, CacheNames.PREFIX, CACHE);

        assertEquals(List.of("rubyport-1", "rubyport-0"), deleted);
        assertEquals(List.of("other-app-v1", CACHE, "rubyport"), caches.keys());
    }

    @Test
    void deleteOldCachesWithNothingOldDeletesNothing() throws Exception {
        caches.open(CACHE);

        assertEquals(List.of(), Precache.deleteOldCaches(caches, CacheNames.PREFIX, CACHE));
        assertEquals(List.of(CACHE), caches.keys());
    }

    @Test
    void optionalUrlsThatFailAreSkippedAndNamedWhileTheRestAreCached() throws Exception {
        String bundle = "https://example.com/apps/a.rpk";
        String missing = "https://example.com/apps/b.rpk";
        String last = "https://example.com/apps/c.rpk";
        network.status(missing, 404);
        install();

        List<PrecacheException> failures = precache.addEach(caches, network, FakeRequest::get, List.of(bundle, missing, last));

        assertEquals(1, failures.size());
        assertEquals(missing, failures.get(0).url);
        assertTrue(failures.get(0).getMessage().contains("404"), failures.get(0).getMessage());
        assertEquals(List.of(A, B, C, bundle, last), new ArrayList<>(caches.caches.get(CACHE).entries.keySet()));
    }
}
