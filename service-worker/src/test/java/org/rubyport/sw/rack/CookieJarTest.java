package org.rubyport.sw.rack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CookieJarTest {
    private static final long NOW = 1_800_000_000_000L;
    private final CookieJar jar = new CookieJar();

    private static Url url(String path) {
        return Url.parse("http://127.0.0.1:8080" + path);
    }

    @Test
    void aStoredCookieIsSentBackOnLaterRequests() {
        assertTrue(jar.receive("sid=abc; Path=/; HttpOnly", url("/apps/a/login"), NOW));
        assertEquals("sid=abc", jar.header(url("/apps/a/"), NOW));
    }

    @Test
    void pathsScopeCookiesAndTheDefaultPathIsTheRequestsDirectory() {
        jar.receive("a=1", url("/apps/a/admin/login"), NOW);
        jar.receive("b=2; Path=/apps/a/admin/", url("/apps/a/"), NOW);
        jar.receive("c=3; Path=/apps/a", url("/apps/a/"), NOW);
        // Longer paths first: "/apps/a/admin/", then a's default path "/apps/a/admin", then "/apps/a".
        assertEquals("b=2; a=1; c=3", jar.header(url("/apps/a/admin/users"), NOW));
        assertEquals("c=3", jar.header(url("/apps/a/"), NOW));
        assertEquals("c=3", jar.header(url("/apps/a"), NOW));
        assertEquals("", jar.header(url("/apps/ab"), NOW));
    }

    @Test
    void sameNameAndPathReplaces() {
        jar.receive("sid=1; Path=/", url("/"), NOW);
        jar.receive("sid=2; Path=/", url("/"), NOW);
        assertEquals("sid=2", jar.header(url("/"), NOW));
    }

    @Test
    void maxAgeZeroAndPastExpiresDelete() {
        jar.receive("a=1; Path=/", url("/"), NOW);
        jar.receive("b=2; Path=/", url("/"), NOW);
        jar.receive("a=; Path=/; Max-Age=0", url("/"), NOW);
        jar.receive("b=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT", url("/"), NOW);
        assertEquals("", jar.header(url("/"), NOW));
    }

    @Test
    void expiryFollowsTheClockAndMaxAgeWinsOverExpires() {
        jar.receive("short=1; Path=/; Max-Age=60; Expires=Fri, 01 Jan 2100 00:00:00 GMT", url("/"), NOW);
        jar.receive("long=1; Path=/; Expires=Fri, 01 Jan 2100 00:00:00 GMT", url("/"), NOW);
        assertEquals("short=1; long=1", jar.header(url("/"), NOW + 59_000));
        assertEquals("long=1", jar.header(url("/"), NOW + 60_000));
    }

    @Test
    void httpOnlyCookiesAreHiddenFromScripts() {
        jar.receive("sid=1; Path=/; HttpOnly", url("/"), NOW);
        jar.receive("theme=dark; Path=/", url("/"), NOW);
        assertEquals("theme=dark", jar.scriptVisible(url("/"), NOW));
        assertEquals("sid=1; theme=dark", jar.header(url("/"), NOW));
    }

    @Test
    void secureCookiesNeedASecureOriginWhichLoopbackIs() {
        assertTrue(jar.receive("s=1; Path=/; Secure", url("/"), NOW));
        assertFalse(jar.receive("s=2; Path=/; Secure", Url.parse("http://example.com/"), NOW));
        assertEquals("", jar.header(Url.parse("http://example.com/"), NOW));
        assertEquals("s=1", jar.header(Url.parse("https://example.com/"), NOW));
    }

    @Test
    void malformedAndOversizedCookiesAreIgnored() {
        assertFalse(jar.receive("novalue", url("/"), NOW));
        assertFalse(jar.receive("=x", url("/"), NOW));
        assertFalse(jar.receive("big=" + "x".repeat(Cookie.MAX_SIZE), url("/"), NOW));
        assertFalse(jar.receive("tab=a\tb", url("/"), NOW));
        assertEquals("", jar.header(url("/"), NOW));
    }

    @Test
    void theJarHoldsAtMostFiftyCookiesDroppingTheOldest() {
        for (int i = 0; i < CookieJar.MAX_COOKIES + 5; i++) {
            jar.receive("c" + i + "=" + i + "; Path=/", url("/"), NOW);
        }
        String header = jar.header(url("/"), NOW);
        assertEquals(CookieJar.MAX_COOKIES, header.split("; ").length);
        assertFalse(header.contains("c4=4"));
        assertTrue(header.startsWith("c5=5"));
    }

    @Test
    void serialisedJarsComeBackAndDamagedOnesAreEmpty() {
        jar.receive("sid=1; Path=/apps/a; HttpOnly; Secure", url("/apps/a/"), NOW);
        jar.receive("x=y=z; Path=/; Max-Age=100", url("/"), NOW);
        CookieJar back = CookieJar.parse(jar.serialise());
        assertEquals(jar.serialise(), back.serialise());
        assertEquals("sid=1; x=y=z", back.header(url("/apps/a/"), NOW));
        assertEquals("", back.scriptVisible(url("/apps/a/x"), NOW + 200_000));
        assertEquals("", CookieJar.parse("garbage\tline").serialise());
        assertEquals("", CookieJar.parse("a\tb\t/\tnot-a-number\t--\n").serialise());
        assertEquals("", CookieJar.parse(null).serialise());
    }
}
