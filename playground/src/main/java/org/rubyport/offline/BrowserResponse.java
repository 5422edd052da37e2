package org.rubyport.offline;

import java.util.Map;
import org.rubyport.sw.Response;

/** A fetch Response seen through the service-worker core's interface. */
final class BrowserResponse implements Response {
    final JsResponse js;

    BrowserResponse(JsResponse js) {
        this.js = js;
    }

    @Override public int status() {
        return js.getStatus();
    }

    @Override public Response withHeaders(Map<String, String> headers) {
        String[] names = headers.keySet().toArray(new String[0]);
        String[] values = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = headers.get(names[i]);
        }
        return new BrowserResponse(WorkerScope.withHeaders(js, names, values));
    }
}
