package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class CachesTest {
    private final FakeCacheStorage caches = new FakeCacheStorage();
    private final Request request = FakeRequest.get("https://example.com/a");
    private final Response response = new FakeResponse(200);

    @Test
    void putIfCompleteStoresA200() {
        Caches.putIfComplete(caches.open("c"), request, response);

        assertSame(response, caches.open("c").match(request));
    }

    @Test
    void putIfCompleteIgnoresQuotaErrors() {
        caches.putLimit = 0;

        Caches.putIfComplete(caches.open("c"), request, response); // must not throw

        assertNull(caches.open("c").match(request));
    }

    @Test
    void putIfCompleteKeepsNoErrorResponse() {
        Caches.putIfComplete(caches.open("c"), request, new FakeResponse(404));

        assertNull(caches.open("c").match(request));
    }
}
