package org.rubyport.offline;

import java.io.IOException;
import org.rubyport.sw.Network;
import org.rubyport.sw.Request;
import org.rubyport.sw.Response;

/** fetch(); a rejected fetch (offline) becomes the IOException the strategies expect. */
final class BrowserNetwork implements Network {
    @Override public Response fetch(Request request) throws IOException {
        try {
            return new BrowserResponse(WorkerScope.fetch(((BrowserRequest) request).js).await());
        } catch (RuntimeException e) {
            throw new IOException("network request failed: " + request.url(), e);
        }
    }
}
