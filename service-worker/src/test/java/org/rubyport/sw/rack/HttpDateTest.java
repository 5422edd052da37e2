package org.rubyport.sw.rack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HttpDateTest {
    @Test
    void parsesImfFixdateAndTheDashedCookieForm() {
        assertEquals(0L, HttpDate.parse("Thu, 01 Jan 1970 00:00:00 GMT"));
        assertEquals(784111777000L, HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertEquals(784111777000L, HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
        assertEquals(1795000000000L, HttpDate.parse("Wed, 18 Nov 2026 11:06:40 GMT"));
    }

    @Test
    void garbageIsNotADate() {
        for (String bad : new String[] {"", "tomorrow", "Thu, 01 Foo 1970 00:00:00 GMT", "Thu, 01 Jan 1970 25:00:00 GMT",
            "Thu, 01 Jan 1970 00:00:00 CET", "Thu, 1 Jan 1970 00:00 GMT"}) {
            assertNull(HttpDate.parse(bad), bad);
        }
    }
}
