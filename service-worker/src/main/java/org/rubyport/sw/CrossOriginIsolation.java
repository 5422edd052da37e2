package org.rubyport.sw;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Adds the cross-origin isolation headers to the responses of another handler. */
public final class CrossOriginIsolation implements Handler {
    /** COOP same-origin, COEP require-corp and CORP same-origin: what crossOriginIsolated (SharedArrayBuffer) needs. */
    public static final Map<String, String> HEADERS;

    static {
        // Not Map.of: keeps a stable order and sticks to the oldest collection API TeaVM's classlib has.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Embedder-Policy", "require-corp");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        HEADERS = Collections.unmodifiableMap(headers);
    }

    private final Handler delegate;

    /** Wraps delegate so that each response it returns carries COOP same-origin, COEP require-corp and CORP same-origin: pages then get SharedArrayBuffer even from hosts that cannot set headers. Null stays null. */
    public CrossOriginIsolation(Handler delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Response handle(Request request) throws Exception {
        Response response = delegate.handle(request);
        // Null: not handled, the browser fetches it (without the headers; the router should handle the pages).
        // Status 0: an opaque response cannot be rebuilt (new Response() rejects status 0), so pass it unchanged.
        if (response == null || response.status() == 0) {
            return response;
        }
        return response.withHeaders(HEADERS);
    }
}
