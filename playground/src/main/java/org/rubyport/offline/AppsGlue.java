package org.rubyport.offline;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import org.teavm.jso.typedarrays.Int8Array;

/** The browser side of app hosting (playground/src/main/js/apps/sw-glue.js), as self.rubyportApps. */
interface AppsGlue extends JSObject {
    /** The host of the app called name; resolves to null when no such app is installed. */
    JSPromise<Host> find(String name);

    /** Runs task once every task queued before under key has settled; resolves to its response. */
    JSPromise<JsResponse> queue(String key, Task task);

    /** Work for {@link #queue}. */
    @JSFunctor
    interface Task extends JSObject {
        JSPromise<JsResponse> run();
    }

    /** Keeps what the apps download (bundles missing from the caches) in the cache called cacheName. */
    void keepDownloadsIn(String cacheName);

    /** The bundle URLs of the installed apps, to precache. */
    JSPromise<JSArrayReader<JSString>> bundleUrls();

    JSPromise<RequestParts> readRequest(JsRequest request);

    JsResponse makeResponse(int status, String[] names, String[] values, Int8Array body);

    JSPromise<JsResponse> bootPage();

    /** Starts the host's boot without waiting for it. */
    void startBoot(Host host);

    /** Waits for the boot of the app called name; a JSON response saying whether it worked. */
    JSPromise<JsResponse> bootStatus(String name);

    JSPromise<Int8Array> publicFile(Host host, String path);

    JSPromise<Reply> call(Host host, String envJson, Int8Array body);

    JSPromise<JSString> loadCookies(String app);

    JSPromise<JSObject> saveCookies(String app, String text);

    /** One app's Ruby VM (apps/app-host.js). */
    interface Host extends JSObject {
        @JSProperty
        boolean isBooted();
    }

    /** A request taken apart. */
    interface RequestParts extends JSObject {
        @JSProperty
        String getMethod();

        @JSProperty
        String getUrl();

        /** Whether the browser is navigating (a page load), as opposed to a fetch or a subresource. */
        @JSProperty
        boolean isNavigate();

        @JSProperty
        String[] getNames();

        @JSProperty
        String[] getValues();

        @JSProperty
        Int8Array getBody();

        /** Whether the body was larger than getLimit() bytes, and so was not read. */
        @JSProperty
        boolean isTooLarge();

        @JSProperty
        double getLimit();
    }

    /** What the Rack bridge (rack_bridge.rb) answered. */
    interface Reply extends JSObject {
        @JSProperty
        String getHead();

        @JSProperty
        Int8Array getBody();

        /** Whether the body was larger than getLimit() bytes, and so was not read. */
        @JSProperty
        boolean isTooLarge();

        @JSProperty
        double getLimit();
    }
}
