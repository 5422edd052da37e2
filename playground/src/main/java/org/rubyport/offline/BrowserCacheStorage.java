package org.rubyport.offline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rubyport.sw.Cache;
import org.rubyport.sw.CacheStorage;
import org.rubyport.sw.Request;
import org.rubyport.sw.Response;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.core.JSString;

/** The Cache API (caches.*); a rejected promise, such as a full quota, becomes an IOException. */
final class BrowserCacheStorage implements CacheStorage {
    @Override public Cache open(String name) throws IOException {
        try {
            return new BrowserCache(WorkerScope.openCache(name).await());
        } catch (RuntimeException e) {
            throw new IOException("cannot open cache " + name, e);
        }
    }

    @Override public List<String> keys() throws IOException {
        try {
            JSArrayReader<JSString> keys = WorkerScope.cacheKeys().await();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < keys.getLength(); i++) {
                names.add(keys.get(i).stringValue());
            }
            return names;
        } catch (RuntimeException e) {
            throw new IOException("cannot list caches", e);
        }
    }

    @Override public void delete(String name) throws IOException {
        try {
            WorkerScope.deleteCache(name).await();
        } catch (RuntimeException e) {
            throw new IOException("cannot delete cache " + name, e);
        }
    }

    /** One named cache. */
    private static final class BrowserCache implements Cache {
        private final JSObject cache;

        BrowserCache(JSObject cache) {
            this.cache = cache;
        }

        @Override public Response match(Request request) throws IOException {
            try {
                JsResponse response = WorkerScope.match(cache, ((BrowserRequest) request).js).await();
                return WorkerScope.isMissing(response) ? null : new BrowserResponse(response);
            } catch (RuntimeException e) {
                throw new IOException("cache lookup failed: " + request.url(), e);
            }
        }

        @Override public void put(Request request, Response response) throws IOException {
            try {
                WorkerScope.put(cache, ((BrowserRequest) request).js, ((BrowserResponse) response).js).await();
            } catch (RuntimeException e) {
                throw new IOException("cannot store " + request.url() + " (is storage full?)", e);
            }
        }
    }
}
