package org.rubyport.sw;

import java.io.IOException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Serves from the cache, fetching (and caching) only on a miss: for large immutable files such as the wasm binary. */
public final class CacheFirst implements Handler {
    private final CacheStorage caches;
    private final String cacheName;
    private final Network network;
    private final UnaryOperator<Request> key;

    /** A strategy using the cache cacheName of caches, and network on a miss. */
    public CacheFirst(CacheStorage caches, String cacheName, Network network) {
        this(caches, cacheName, network, UnaryOperator.identity());
    }

    /**
     * The same, where key gives the request a response is stored under and fetched with: e.g. the page
     * without its query string, so that "/?utm=x" is the cached "/" too.
     */
    public CacheFirst(CacheStorage caches, String cacheName, Network network, UnaryOperator<Request> key) {
        this.caches = Objects.requireNonNull(caches, "caches");
        this.cacheName = Objects.requireNonNull(cacheName, "cacheName");
        this.network = Objects.requireNonNull(network, "network");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public Response handle(Request original) throws IOException {
        Request request = key.apply(original);
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
