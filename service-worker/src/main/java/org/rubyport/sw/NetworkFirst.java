package org.rubyport.sw;

import java.io.IOException;
import java.util.Objects;

/** Fetches, refreshing the cache, and falls back to the cached copy when offline: for pages that change often. */
public final class NetworkFirst implements Handler {
    private final CacheStorage caches;
    private final String cacheName;
    private final Network network;

    /** A strategy using network first and the cache cacheName of caches as fallback. */
    public NetworkFirst(CacheStorage caches, String cacheName, Network network) {
        this.caches = Objects.requireNonNull(caches, "caches");
        this.cacheName = Objects.requireNonNull(cacheName, "cacheName");
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public Response handle(Request request) throws IOException {
        Cache cache = caches.open(cacheName);
        Response response;
        try {
            response = network.fetch(request);
        } catch (IOException offline) {
            Response cached = cache.match(request);
            if (cached == null) {
                throw offline; // nothing to fall back to: report the real cause
            }
            return cached;
        }
        // Only here, after the fetch succeeded: a failing put (quota) must not be mistaken for being offline.
        Caches.putIfComplete(cache, request, response);
        return response;
    }
}
