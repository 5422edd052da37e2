package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossOriginIsolationTest {
    private static final Request REQUEST = FakeRequest.get("https://example.com/");

    private static FakeResponse isolate(Response response) throws Exception {
        return (FakeResponse) new CrossOriginIsolation(request -> response).handle(REQUEST);
    }

    @Test
    void theThreeHeadersAreAdded() throws Exception {
        FakeResponse response = isolate(new FakeResponse(200, Map.of("Content-Type", "text/html")));

        assertEquals("same-origin", response.header("Cross-Origin-Opener-Policy"));
        assertEquals("require-corp", response.header("Cross-Origin-Embedder-Policy"));
        assertEquals("same-origin", response.header("Cross-Origin-Resource-Policy"));
        assertEquals("text/html", response.header("Content-Type"));
        assertEquals(200, response.status());
    }

    @Test
    void existingHeadersAreReplaced() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("cross-origin-embedder-policy", "unsafe-none");
        headers.put("Cross-Origin-Opener-Policy", "same-origin-allow-popups");
        FakeResponse response = isolate(new FakeResponse(200, headers));

        assertEquals("require-corp", response.header("Cross-Origin-Embedder-Policy"));
        assertEquals("same-origin", response.header("cross-origin-opener-policy"));
        assertEquals(3, response.headers().size()); // replaced, not duplicated
    }

    @Test
    void errorResponsesAreIsolatedToo() throws Exception {
        FakeResponse response = isolate(new FakeResponse(404));

        assertEquals(404, response.status());
        assertEquals("require-corp", response.header("Cross-Origin-Embedder-Policy"));
    }

    @Test
    void nullPassesThrough() throws Exception {
        assertNull(new CrossOriginIsolation(request -> null).handle(REQUEST));
    }

    @Test
    void opaqueResponsesPassThroughUnchanged() throws Exception {
        Response opaque = new FakeResponse(0);

        assertSame(opaque, new CrossOriginIsolation(request -> opaque).handle(REQUEST));
    }

    @Test
    void theDelegateSeesTheRequestAndItsExceptionsPropagate() {
        IOException boom = new IOException("offline");
        List<Request> seen = new java.util.ArrayList<>();
        Handler handler = new CrossOriginIsolation(request -> {
            seen.add(request);
            throw boom;
        });

        assertSame(boom, assertThrows(IOException.class, () -> handler.handle(REQUEST)));
        assertEquals(List.of(REQUEST), seen);
    }

    @Test
    void headersAreFixedAndReadOnly() {
        assertEquals(Map.of(
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Embedder-Policy", "require-corp",
            "Cross-Origin-Resource-Policy", "same-origin"), CrossOriginIsolation.HEADERS);
        assertThrows(UnsupportedOperationException.class, () -> CrossOriginIsolation.HEADERS.put("X", "y"));
    }
}
