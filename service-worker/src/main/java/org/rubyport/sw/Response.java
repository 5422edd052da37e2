package org.rubyport.sw;

import java.util.Map;

/** An HTTP response as seen by the service worker (the browser's Response, or a test fake). */
public interface Response {
    /** The HTTP status; 0 for an opaque (cross-origin no-cors) response. */
    int status();

    /** A copy of this response with these headers set (replacing same-named ones; names are case-insensitive). */
    Response withHeaders(Map<String, String> headers);
}
