package org.rubyport.sw;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Fills the cache of a build at install time, and removes the caches of older builds at activation. */
public final class Precache {
    private final String cacheName;
    private final List<String> urls;

    /** A precache of the absolute urls into the cache cacheName. */
    public Precache(String cacheName, List<String> urls) {
        this.cacheName = Objects.requireNonNull(cacheName, "cacheName");
        this.urls = Collections.unmodifiableList(new ArrayList<>(urls)); // snapshot: the caller may reuse its list
    }

    /** Fetches every url into the cache; all or nothing: on any failure (network error, non-200, IOException from put e.g. quota) the cache is deleted and PrecacheException is thrown naming the url and cause. */
    public void install(CacheStorage caches, Network network, RequestFactory requests) throws PrecacheException {
        // All or nothing, because a half-filled cache would let the new worker activate and then fail offline.
        boolean complete = false;
        try {
            Cache cache;
            try {
                cache = caches.open(cacheName);
            } catch (IOException e) {
                throw new PrecacheException(null, "precache: cannot open cache " + cacheName + ": " + e, e);
            }
            for (String url : urls) {
                fetchInto(cache, url, network, requests);
            }
            complete = true;
        } finally {
            if (!complete) { // also on unexpected RuntimeExceptions, which propagate unchanged
                deleteQuietly(caches);
            }
        }
    }

    /**
     * Adds each of optionalUrls to the cache filled by {@link #install}, skipping any that fails: for what
     * the worker can do without (an app's bundle, which the app fetches when it is opened). Returns the
     * failures, each naming its url, for the caller to report.
     */
    public List<PrecacheException> addEach(CacheStorage caches, Network network, RequestFactory requests,
            List<String> optionalUrls) {
        List<PrecacheException> failures = new ArrayList<>();
        Cache cache;
        try {
            cache = caches.open(cacheName);
        } catch (IOException e) {
            failures.add(new PrecacheException(null, "precache: cannot open cache " + cacheName + ": " + e, e));
            return failures;
        }
        for (String url : optionalUrls) {
            try {
                fetchInto(cache, url, network, requests);
            } catch (PrecacheException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    private static void fetchInto(Cache cache, String url, Network network, RequestFactory requests)
            throws PrecacheException {
        Request request = requests.get(url);
        Response response;
        try {
            response = network.fetch(request);
        } catch (IOException e) {
            throw new PrecacheException(url, "precache failed for " + url + ": " + e, e);
        }
        if (response.status() != 200) {
            throw new PrecacheException(url, "precache failed for " + url + ": HTTP " + response.status(), null);
        }
        try {
            cache.put(request, response);
        } catch (IOException e) {
            throw new PrecacheException(url, "precache failed for " + url + ": " + e, e);
        }
    }

    private void deleteQuietly(CacheStorage caches) {
        try {
            caches.delete(cacheName);
        } catch (IOException | RuntimeException e) {
            // Keep the original failure; a leftover cache is removed by deleteOldCaches of the next build.
        }
    }

    /** Deletes every cache whose name starts with prefix except keep (old build versions). Returns the deleted names. */
    public static List<String> deleteOldCaches(CacheStorage caches, String prefix, String keep) throws IOException {
        List<String> deleted = new ArrayList<>();
        for (String name : caches.keys()) {
            // The prefix test spares caches of other apps on the same origin.
            if (name.startsWith(prefix) && !name.equals(keep)) {
                caches.delete(name);
                deleted.add(name);
            }
        }
        return deleted;
    }
}
