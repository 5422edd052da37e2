package org.rubyport.sw;

import java.io.IOException;
import java.util.Objects;

/** Serves from the cache, fetching (and caching) only on a miss: for large immutable files such as the wasm binary. */
public final class CacheFirst implements Handler {
    private final CacheStorage caches;
    private final String cacheName;
    private final Network network;

    /** A strategy using the cache cacheName of caches, and network on a miss. */
    public CacheFirst(CacheStorage caches, String cacheName, Network network) {
        this.caches = Objects.requireNonNull(caches, "caches");
        this.cacheName = Objects.requireNonNull(cacheName, "cacheName");
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public Response handle(Request request) throws IOException {
        Cache cache = caches.open(cacheName);
        Response cached = cache.match(request);
        if (cached != null) {
            return cached;
        }
        Response response = network.fetch(request);
        Caches.putIfComplete(cache, request, response);
        return response;
    }
}
