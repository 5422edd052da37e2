package org.rubyport.sw;

import java.io.IOException;

/** One named cache of request/response pairs (the browser's Cache). */
public interface Cache {
    /** The cached response for request, or null when absent. */
    Response match(Request request) throws IOException;

    /** Stores response for request; the caller keeps using response, so implementations store a copy (browser: clone()). */
    void put(Request request, Response response) throws IOException;
}
