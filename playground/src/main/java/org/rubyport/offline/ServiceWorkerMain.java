package org.rubyport.offline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.rubyport.sw.CacheFirst;
import org.rubyport.sw.CacheNames;
import org.rubyport.sw.CacheStorage;
import org.rubyport.sw.CrossOriginIsolation;
import org.rubyport.sw.Handler;
import org.rubyport.sw.Matchers;
import org.rubyport.sw.Network;
import org.rubyport.sw.NetworkFirst;
import org.rubyport.sw.OfflineFallback;
import org.rubyport.sw.Precache;
import org.rubyport.sw.PrecacheException;
import org.rubyport.sw.RequestFactory;
import org.rubyport.sw.Response;
import org.rubyport.sw.Router;
import org.rubyport.sw.rack.RackBridge;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;

/**
 * The service worker (/sw.js): precaches the playground under a cache named after the build, serves the
 * wasm cache-first and everything else of this origin network-first with cross-origin isolation headers,
 * and deletes older builds' caches on activation; a page of the origin that is neither online nor cached gets
 * a page saying the visitor is offline. Requests under /apps/ go to the packed Rack apps, which
 * run in Ruby VMs inside this worker.
 */
public final class ServiceWorkerMain {
    /** What a visitor needs to open the playground and run Ruby offline. */
    static final List<String> PRECACHE = List.of("/", "/playground.js", "/playground.css", "/project.css",
            "/ruby.js", "/ruby-worker.js", "/wasi.js", "/ruby+stdlib.wasm", "/ruby+stdlib.vm-snapshot", "/sqlite3.wasm",
            "/manifest.webmanifest", "/icon-192.png", "/icon-512.png", "/favicon.ico", "/version.json", "/app-boot.html", "/apps/index.json");

    private ServiceWorkerMain() {
    }

    /** The precached files served cache-first: all but version.json, which tells pages of a new build. */
    static Set<String> buildFiles() {
        Set<String> files = new HashSet<>(PRECACHE);
        files.remove("/version.json");
        files.add("/index.html");
        return files;
    }

    /** Work that blocks on promises; under TeaVM it runs in a green thread. */
    @FunctionalInterface
    interface Task<T> {
        T run() throws Exception;
    }

    public static void main(String[] args) {
        String origin = WorkerScope.origin();
        String cacheName = CacheNames.forVersion(WorkerScope.buildVersion());
        CacheStorage caches = new BrowserCacheStorage();
        Network network = new BrowserNetwork();
        // The wasm is returned exactly as cached: isolation headers matter for documents and workers only,
        // and rebuilding a 30 MB response would stream it through this thread again.
        RequestFactory requests = url -> new BrowserRequest(WorkerScope.request(origin + url));
        // This build's own files come from this worker's cache, so that a page never mixes two builds while
        // a new worker waits (or after the cache was cleared, from the network into it again); any query is
        // ignored, and /index.html is /. Other files of the origin are served network-first.
        CacheFirst buildFiles = new CacheFirst(caches, cacheName, network, request -> {
            String path = Matchers.path(request.url());
            return requests.get("/index.html".equals(path) ? "/" : path);
        });
        Handler handler = new Router()
                .get(Matchers.pathEquals(origin, "/ruby+stdlib.wasm"), new CacheFirst(caches, cacheName, network))
                .get(Matchers.pathIn(origin, buildFiles()), new CrossOriginIsolation(buildFiles))
                .get(Matchers.sameOrigin(origin),
                        new CrossOriginIsolation(new OfflineFallback(new NetworkFirst(caches, cacheName, network),
                                (status, html) -> new BrowserResponse(WorkerScope.htmlResponse(status, html)))))::handle;
        AppsGlue glue = WorkerScope.appsGlue();
        glue.keepDownloadsIn(cacheName); // deleted with this build's cache, as the precached bundles are
        GlueApps apps = new GlueApps(glue);
        AppRequests appRequests = new AppRequests(origin, glue,
                new RackBridge(origin, apps, apps, System::currentTimeMillis));

        WorkerScope.<ExtendableEvent>on("install", event -> event.waitUntil(async(() -> {
            Precache precache = new Precache(cacheName, PRECACHE);
            try {
                precache.install(caches, network, requests);
            } catch (PrecacheException e) {
                WorkerScope.tellPages(e.getMessage()).await(); // the page says why offline mode is unavailable
                throw e;
            }
            // The installed apps' bundles too, so that they work offline without having been opened before;
            // one that cannot be had is left to its app to fetch when opened, and the other apps still work.
            List<String> bundles = new ArrayList<>();
            JSArrayReader<JSString> listed = glue.bundleUrls().await();
            for (int i = 0; i < listed.getLength(); i++) {
                bundles.add(listed.get(i).stringValue());
            }
            for (PrecacheException skipped : precache.addEach(caches, network, requests, bundles)) {
                WorkerScope.warn(skipped.getMessage() + " (that app will need the network when opened)");
            }
            return null;
        })));
        WorkerScope.<ExtendableEvent>on("activate", event -> event.waitUntil(async(() -> {
            Precache.deleteOldCaches(caches, CacheNames.PREFIX, cacheName);
            WorkerScope.claimClients().await();
            return null;
        })));
        WorkerScope.<JSObject>on("message", event -> {
            if ("skip-waiting".equals(WorkerScope.messageData(event))) {
                WorkerScope.skipWaiting();
            }
        });
        WorkerScope.<FetchEvent>on("fetch", event -> {
            JsRequest request = event.getRequest();
            if (!request.getUrl().startsWith(origin + "/")) {
                return;
            }
            if (appRequests.handles(request.getUrl())) {
                event.respondWith(appRequests.respondInTurn(request));
                return;
            }
            event.respondWith(async(() -> {
                BrowserRequest ours = new BrowserRequest(request);
                Response response = handler.handle(ours);
                if (response == null) {
                    response = new BrowserResponse(WorkerScope.fetch(request).await())
                            .withHeaders(CrossOriginIsolation.HEADERS);
                }
                return ((BrowserResponse) response).js;
            }));
        });
    }

    /** A promise of task's result, computed in a new green thread so that it may block on other promises. */
    static <T> JSPromise<T> async(Task<T> task) {
        return new JSPromise<>((resolve, reject) -> new Thread(() -> {
            try {
                resolve.accept(task.run());
            } catch (Throwable e) {
                reject.accept(e.getMessage());
            }
        }).start());
    }
}
