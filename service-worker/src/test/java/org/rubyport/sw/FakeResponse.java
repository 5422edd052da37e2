package org.rubyport.sw;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response fake: immutable, header names case-insensitive like the browser's Headers. */
record FakeResponse(int status, Map<String, String> headers) implements Response {
    FakeResponse {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    FakeResponse(int status) {
        this(status, Map.of());
    }

    @Override
    public Response withHeaders(Map<String, String> set) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        for (Map.Entry<String, String> e : set.entrySet()) {
            copy.keySet().removeIf(name -> name.equalsIgnoreCase(e.getKey()));
            copy.put(e.getKey(), e.getValue());
        }
        return new FakeResponse(status, copy);
    }

    /** The value of header name (case-insensitive), or null. */
    String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
