package org.rubyport.sw;

/** A request fake. */
record FakeRequest(String method, String url) implements Request {
    static FakeRequest get(String url) {
        return new FakeRequest("GET", url);
    }
}
