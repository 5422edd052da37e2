package org.rubyport.sw;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A network fake recording the fetched urls; answers 200 unless told a status, or throws when offline. */
final class FakeNetwork implements Network {
    final List<String> fetched = new ArrayList<>();
    final Map<String, Integer> statuses = new HashMap<>();
    /** The responses returned, by url (the last one per url). */
    final Map<String, Response> responses = new HashMap<>();
    boolean offline;

    FakeNetwork status(String url, int status) {
        statuses.put(url, status);
        return this;
    }

    @Override
    public Response fetch(Request request) throws IOException {
        fetched.add(request.url());
        if (offline) {
            throw new IOException("Failed to fetch " + request.url());
        }
        Response response = new FakeResponse(statuses.getOrDefault(request.url(), 200));
        responses.put(request.url(), response);
        return response;
    }
}
