package org.rubyport.offline;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.core.JSString;

/** The few ServiceWorkerGlobalScope APIs the worker uses, as thin JS calls. */
final class WorkerScope {
    private WorkerScope() {
    }

    @JSFunctor
    interface Listener<E extends JSObject> extends JSObject {
        void handle(E event);
    }

    @JSBody(params = { "type", "listener" }, script = "self.addEventListener(type, listener);")
    static native <E extends JSObject> void on(String type, Listener<E> listener);

    /** The app-hosting glue that sw-entry.js installs before starting the worker. */
    @JSBody(script = "return self.rubyportApps;")
    static native AppsGlue appsGlue();

    @JSBody(script = "return self.location.origin;")
    static native String origin();

    /** The build version the page registered the worker with (?v=...). */
    @JSBody(script = "return new URL(self.location.href).searchParams.get('v') || 'dev';")
    static native String buildVersion();

    @JSBody(params = "request", script = "return fetch(request);")
    static native JSPromise<JsResponse> fetch(JsRequest request);

    @JSBody(params = "url", script = "return new Request(url);")
    static native JsRequest request(String url);

    @JSBody(params = "name", script = "return caches.open(name);")
    static native JSPromise<JSObject> openCache(String name);

    @JSBody(params = { "cache", "request" }, script = "return cache.match(request);")
    static native JSPromise<JsResponse> match(JSObject cache, JsRequest request);

    @JSBody(params = { "cache", "request", "response" }, script = "return cache.put(request, response.clone());")
    static native JSPromise<JSObject> put(JSObject cache, JsRequest request, JsResponse response);

    @JSBody(script = "return caches.keys();")
    static native JSPromise<JSArrayReader<JSString>> cacheKeys();

    @JSBody(params = "name", script = "return caches.delete(name);")
    static native JSPromise<JSObject> deleteCache(String name);

    @JSBody(params = { "status", "html" }, script = "return new Response(html, {status,"
            + " headers: {'Content-Type': 'text/html; charset=utf-8'}});")
    static native JsResponse htmlResponse(int status, String html);

    /** response with the given headers set: a new Response over the same body. */
    @JSBody(params = { "response", "names", "values" }, script = "const headers = new Headers(response.headers);"
            + "names.forEach((name, i) => headers.set(name, values[i]));"
            + "return new Response(response.body, {status: response.status, statusText: response.statusText, headers});")
    static native JsResponse withHeaders(JsResponse response, String[] names, String[] values);

    /** Whether a JS value is null or undefined (cache.match resolves to undefined on a miss). */
    @JSBody(params = "value", script = "return value == null;")
    static native boolean isMissing(JSObject value);

    @JSBody(params = "event", script = "return event.data;")
    static native String messageData(JSObject event);

    /** Tells every page of the origin, controlled or not, why installing failed: {precacheFailed: message}. */
    @JSBody(params = "message", script = "console.warn(message);"
            + "return self.clients.matchAll({type: 'window', includeUncontrolled: true})"
            + ".then((pages) => pages.forEach((page) => page.postMessage({precacheFailed: message})));")
    static native JSPromise<JSObject> tellPages(String message);

    @JSBody(params = "message", script = "console.warn(message);")
    static native void warn(String message);

    @JSBody(script = "return self.skipWaiting();")
    static native JSPromise<JSObject> skipWaiting();

    @JSBody(script = "return self.clients.claim();")
    static native JSPromise<JSObject> claimClients();
}
