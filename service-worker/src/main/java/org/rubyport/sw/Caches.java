package org.rubyport.sw;

import java.io.IOException;

/** Helpers shared by the caching strategies. */
final class Caches {
    private Caches() {
    }

    /**
     * Puts a complete (200) response into cache, ignoring failures: caching is best effort, the fetched
     * response is still good. Error and opaque responses are never kept for the life of the build.
     */
    static void putIfComplete(Cache cache, Request request, Response response) {
        if (response.status() != 200) {
            return;
        }
        try {
            cache.put(request, response);
        } catch (IOException e) {
            // e.g. QuotaExceededError: serve the response anyway, it is just not available offline.
        }
    }
}
