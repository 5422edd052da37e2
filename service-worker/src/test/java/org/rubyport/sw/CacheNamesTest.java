package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CacheNamesTest {
    @Test
    void theNameIsThePrefixAndTheVersion() {
        assertEquals("rubyport-", CacheNames.PREFIX);
        assertEquals("rubyport-0.1.0-abc123", CacheNames.forVersion("0.1.0-abc123"));
        assertTrue(CacheNames.forVersion("7").startsWith(CacheNames.PREFIX));
    }

    @Test
    void anEmptyVersionIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CacheNames.forVersion(""));
        assertThrows(IllegalArgumentException.class, () -> CacheNames.forVersion(null));
    }
}
