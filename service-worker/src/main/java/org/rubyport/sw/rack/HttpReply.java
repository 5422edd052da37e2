package org.rubyport.sw.rack;

import java.util.List;

/** What the service worker sends back to the browser; multi-value headers are repeated entries. */
public record HttpReply(int status, List<Header> headers, byte[] body) {
    /** The first value of header name (case-insensitive), or null. */
    public String header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
