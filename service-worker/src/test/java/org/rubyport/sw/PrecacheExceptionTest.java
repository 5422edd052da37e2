package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PrecacheExceptionTest {
    @Test
    void keepsUrlMessageAndCause() {
        IOException cause = new IOException("QuotaExceededError");
        PrecacheException e = new PrecacheException("https://example.com/a", "precache failed", cause);

        assertEquals("https://example.com/a", e.url);
        assertEquals("precache failed", e.getMessage());
        assertSame(cause, e.getCause());
    }

    @Test
    void causeMayBeAbsent() {
        assertNull(new PrecacheException("https://example.com/a", "HTTP 404", null).getCause());
    }
}
