package org.rubyport.sw;

/** A request fake. */
record FakeRequest(String method, String url, boolean navigation) implements Request {
    FakeRequest(String method, String url) {
        this(method, url, false);
    }

    static FakeRequest get(String url) {
        return new FakeRequest("GET", url);
    }

    /** A GET of url loading a page, as when a link is followed or an address typed. */
    static FakeRequest navigate(String url) {
        return new FakeRequest("GET", url, true);
    }
}
