package org.rubyport.sw;

import java.io.IOException;

/** Helpers shared by the caching strategies. */
final class Caches {
    private Caches() {
    }

    /** Puts response into cache, ignoring failures: caching is best effort, the fetched response is still good. */
    static void putQuietly(Cache cache, Request request, Response response) {
        try {
            cache.put(request, response);
        } catch (IOException e) {
            // e.g. QuotaExceededError: serve the response anyway, it is just not available offline.
        }
    }
}
