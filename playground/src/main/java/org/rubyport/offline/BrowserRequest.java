package org.rubyport.offline;

import org.rubyport.sw.Request;

/** A fetch Request seen through the service-worker core's interface. */
final class BrowserRequest implements Request {
    final JsRequest js;

    BrowserRequest(JsRequest js) {
        this.js = js;
    }

    @Override public String method() {
        return js.getMethod();
    }

    @Override public String url() {
        return js.getUrl();
    }

    @Override public boolean navigation() {
        return "navigate".equals(js.getMode());
    }
}
