package org.rubyport.offline;

import java.util.ArrayList;
import java.util.List;
import org.rubyport.sw.rack.Header;
import org.rubyport.sw.rack.HttpReply;
import org.rubyport.sw.rack.RackBridge;
import org.rubyport.sw.rack.RackRequest;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Requests for packed apps: /apps/&lt;name&gt;/... goes through the Rack bridge, except a page load while the
 * app is still booting, which gets the boot page; /__rubyport/boot/&lt;name&gt; answers when the boot is over.
 */
final class AppRequests {
    static final String BOOT_STATUS = "/__rubyport/boot/";

    private final String origin;
    private final AppsGlue glue;
    private final RackBridge bridge;

    AppRequests(String origin, AppsGlue glue, RackBridge bridge) {
        this.origin = origin;
        this.glue = glue;
        this.bridge = bridge;
    }

    /** Whether url is an app's or a boot status request. */
    boolean handles(String url) {
        return bridge.handles(url) || url.startsWith(origin + BOOT_STATUS);
    }

    /** The response to request, once the requests to the same app that came before it are answered. */
    JSPromise<JsResponse> respondInTurn(JsRequest request) {
        String url = request.getUrl();
        if (url.startsWith(origin + BOOT_STATUS)) {
            return ServiceWorkerMain.async(() -> respond(request));
        }
        return glue.queue(bridge.appOf(url), () -> ServiceWorkerMain.async(() -> respond(request)));
    }

    JsResponse respond(JsRequest request) {
        String url = request.getUrl();
        if (url.startsWith(origin + BOOT_STATUS)) {
            return glue.bootStatus(url.substring(origin.length() + BOOT_STATUS.length())).await();
        }
        AppsGlue.RequestParts parts = glue.readRequest(request).await();
        if (parts.isNavigate() && "GET".equals(parts.getMethod())) {
            AppsGlue.Host host = glue.find(bridge.appOf(url)).await();
            if (!WorkerScope.isMissing(host) && !host.isBooted()) {
                glue.startBoot(host);
                return glue.bootPage().await();
            }
        }
        if (parts.isTooLarge()) {
            return toJs(bridge.tooLarge(url, (long) parts.getLimit()));
        }
        HttpReply reply = bridge.handle(toRack(parts));
        return toJs(reply);
    }

    private static RackRequest toRack(AppsGlue.RequestParts parts) {
        String[] names = parts.getNames();
        String[] values = parts.getValues();
        List<Header> headers = new ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            headers.add(new Header(names[i], values[i]));
        }
        return new RackRequest(parts.getMethod(), parts.getUrl(), headers, parts.getBody().copyToJavaArray());
    }

    private JsResponse toJs(HttpReply reply) {
        List<Header> headers = reply.headers();
        String[] names = new String[headers.size()];
        String[] values = new String[headers.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = headers.get(i).name();
            values[i] = headers.get(i).value();
        }
        return glue.makeResponse(reply.status(), names, values, Int8Array.fromJavaArray(reply.body()));
    }
}
