package org.rubyport.sw;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory CacheStorage; puts beyond putLimit (over all caches) throw QuotaExceededError. */
final class FakeCacheStorage implements CacheStorage {
    final Map<String, FakeCache> caches = new LinkedHashMap<>();
    int putLimit = Integer.MAX_VALUE;
    int puts;

    @Override
    public FakeCache open(String name) {
        return caches.computeIfAbsent(name, n -> new FakeCache());
    }

    @Override
    public List<String> keys() {
        return new ArrayList<>(caches.keySet());
    }

    @Override
    public void delete(String name) {
        caches.remove(name);
    }

    /** A cache keyed by url, as the Cache API does for GET requests. */
    final class FakeCache implements Cache {
        final Map<String, Response> entries = new LinkedHashMap<>();

        @Override
        public Response match(Request request) {
            return entries.get(request.url());
        }

        @Override
        public void put(Request request, Response response) throws IOException {
            if (puts >= putLimit) {
                throw new IOException("QuotaExceededError");
            }
            puts++;
            entries.put(request.url(), response);
        }
    }
}
