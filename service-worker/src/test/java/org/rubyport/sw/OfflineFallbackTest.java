package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflineFallbackTest {
    private static final String URL = "https://example.com/notes/<b>?q=1";

    private final FakeCacheStorage caches = new FakeCacheStorage();
    private final FakeNetwork network = new FakeNetwork();
    private final List<String> pages = new ArrayList<>();
    private final OfflineFallback fallback = new OfflineFallback(new NetworkFirst(caches, "rubyport-1", network),
            (status, html) -> {
                pages.add(html);
                return new FakeResponse(status, Map.of("Content-Type", "text/html; charset=utf-8"));
            });

    @Test
    void anUncachedPageOpenedOfflineGetsTheOfflinePage() throws Exception {
        network.offline = true;

        Response response = fallback.handle(FakeRequest.navigate(URL));

        assertEquals(503, response.status());
        assertEquals(1, pages.size());
        String html = pages.get(0);
        assertTrue(html.contains("You are offline"), html);
        assertTrue(html.contains("<code>/notes/&lt;b&gt;</code>"), "the path, escaped: " + html);
        assertTrue(html.contains("<a href=\"/\">Open the playground</a>"), html);
        assertTrue(html.contains("href=\"https://example.com/notes/&lt;b&gt;?q=1\""), "try again keeps the query: " + html);
    }

    @Test
    void anUncachedResourceOfflineStillFailsAsANetworkError() {
        network.offline = true;

        assertThrows(IOException.class, () -> fallback.handle(FakeRequest.get(URL)));
        assertTrue(pages.isEmpty());
    }

    @Test
    void aCachedPageOfflineIsServedFromTheCache() throws Exception {
        Request page = FakeRequest.navigate(URL);
        Response cached = new FakeResponse(200);
        caches.open("rubyport-1").put(page, cached);
        network.offline = true;

        assertSame(cached, fallback.handle(page));
        assertTrue(pages.isEmpty());
    }

    @Test
    void onlineTheNetworkAnswersEvenWithAnErrorStatus() throws Exception {
        network.status(URL, 404);

        assertEquals(404, fallback.handle(FakeRequest.navigate(URL)).status());
        assertFalse(network.fetched.isEmpty());
        assertTrue(pages.isEmpty());
    }
}
