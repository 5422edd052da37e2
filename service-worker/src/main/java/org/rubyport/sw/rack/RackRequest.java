package org.rubyport.sw.rack;

import java.util.List;

/** A request as the service worker got it from the browser: header names as the browser gives them. */
public record RackRequest(String method, String url, List<Header> headers, byte[] body) {
}
