package org.rubyport.sw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatchersTest {
    private static final String ORIGIN = "https://example.com";

    private static boolean matches(RouteMatcher matcher, String url) {
        return matcher.matches(FakeRequest.get(url));
    }

    @Test
    void pathEqualsIgnoresQueryAndFragment() {
        RouteMatcher m = Matchers.pathEquals(ORIGIN, "/ruby.wasm");

        assertTrue(matches(m, "https://example.com/ruby.wasm"));
        assertTrue(matches(m, "https://example.com/ruby.wasm?v=3"));
        assertTrue(matches(m, "https://example.com/ruby.wasm#top"));
        assertTrue(matches(m, "https://example.com/ruby.wasm?v=3#top"));
    }

    @Test
    void pathEqualsNeedsTheWholePath() {
        RouteMatcher m = Matchers.pathEquals(ORIGIN, "/ruby.wasm");

        assertFalse(matches(m, "https://example.com/ruby.wasm/"));
        assertFalse(matches(m, "https://example.com/ruby.wasm.map"));
        assertFalse(matches(m, "https://example.com/x/ruby.wasm"));
        assertFalse(matches(m, "https://example.com/?/ruby.wasm"));
        assertFalse(matches(m, "https://example.com/#/ruby.wasm"));
    }

    @Test
    void anEmptyPathIsTheRoot() {
        RouteMatcher m = Matchers.pathEquals(ORIGIN, "/");

        assertTrue(matches(m, "https://example.com"));
        assertTrue(matches(m, "https://example.com/"));
        assertTrue(matches(m, "https://example.com?q=1"));
        assertTrue(matches(m, "https://example.com#f"));
        assertFalse(matches(m, "https://example.com/index.html"));
    }

    @Test
    void portsArePartOfTheOrigin() {
        RouteMatcher m = Matchers.sameOrigin("http://localhost:8080");

        assertTrue(matches(m, "http://localhost:8080/"));
        assertTrue(matches(m, "http://localhost:8080/app?x=1"));
        assertFalse(matches(m, "http://localhost:8081/app"));
        assertFalse(matches(m, "http://localhost/app"));
        assertFalse(matches(m, "http://localhost:80/app"));
    }

    @Test
    void defaultPortsAreTheSameOrigin() {
        assertTrue(matches(Matchers.sameOrigin("https://example.com"), "https://example.com:443/a"));
        assertTrue(matches(Matchers.sameOrigin("https://example.com:443"), "https://example.com/a"));
        assertTrue(matches(Matchers.sameOrigin("http://example.com"), "http://example.com:80/a"));
        assertFalse(matches(Matchers.sameOrigin("http://example.com"), "http://example.com:443/a"));
    }

    @Test
    void otherOriginsDoNotMatch() {
        RouteMatcher m = Matchers.pathStartsWith(ORIGIN, "/");

        assertFalse(matches(m, "http://example.com/a"));
        assertFalse(matches(m, "https://cdn.example.com/a"));
        assertFalse(matches(m, "https://example.com.evil.org/a"));
        assertFalse(matches(m, "https://evil.org/https://example.com/a"));
        assertFalse(matches(m, "https://example.com@evil.org/a"));
        assertFalse(matches(m, "data:text/plain,https://example.com/"));
        assertFalse(matches(m, "/relative"));
    }

    @Test
    void schemeAndHostAreCaseInsensitive() {
        assertTrue(matches(Matchers.pathEquals(ORIGIN, "/A"), "HTTPS://Example.COM/A"));
        assertFalse(matches(Matchers.pathEquals(ORIGIN, "/A"), "https://example.com/a"));
    }

    @Test
    void ipv6HostsKeepTheirPort() {
        RouteMatcher m = Matchers.sameOrigin("http://[::1]:8080");

        assertTrue(matches(m, "http://[::1]:8080/a"));
        assertFalse(matches(m, "http://[::1]/a"));
        assertFalse(matches(m, "http://[::1]:9090/a"));
    }

    @Test
    void pathStartsWithComparesThePathOnly() {
        RouteMatcher m = Matchers.pathStartsWith(ORIGIN, "/assets/");

        assertTrue(matches(m, "https://example.com/assets/app.js"));
        assertTrue(matches(m, "https://example.com/assets/"));
        assertTrue(matches(m, "https://example.com/assets/app.js?v=1#x"));
        assertFalse(matches(m, "https://example.com/assets"));
        assertFalse(matches(m, "https://example.com/static/assets/app.js"));
        assertFalse(matches(m, "https://example.com/index.html?/assets/x"));
        assertFalse(matches(m, "https://example.com/index.html#/assets/x"));
        assertFalse(matches(m, "https://other.com/assets/app.js"));
    }

    @Test
    void sameOriginMatchesAnyPath() {
        RouteMatcher m = Matchers.sameOrigin("https://example.com/ignored/path");

        assertTrue(matches(m, "https://example.com/"));
        assertTrue(matches(m, "https://example.com/deep/file.rb?q#f"));
        assertTrue(matches(m, "https://user:pw@example.com/x"));
        assertFalse(matches(m, "https://example.org/"));
    }

    @Test
    void anyOfMatchesWhenOneMatches() {
        RouteMatcher m = Matchers.anyOf(
            Matchers.pathEquals(ORIGIN, "/a"),
            Matchers.pathEquals(ORIGIN, "/b"));

        assertTrue(matches(m, "https://example.com/a"));
        assertTrue(matches(m, "https://example.com/b"));
        assertFalse(matches(m, "https://example.com/c"));
        assertFalse(matches(Matchers.anyOf(), "https://example.com/a"));
    }

    @Test
    void anyOfCopiesItsArguments() {
        RouteMatcher[] ms = {request -> true};
        RouteMatcher m = Matchers.anyOf(ms);
        ms[0] = request -> false;

        assertTrue(matches(m, "https://example.com/"));
    }

    @Test
    void aMalformedOriginIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Matchers.sameOrigin("example.com"));
        assertThrows(IllegalArgumentException.class, () -> Matchers.pathEquals("/", "/"));
    }

    @Test
    void originAndPathParsing() {
        assertEquals("https://example.com:8443", Matchers.origin("https://Example.com:8443/a/b?c#d"));
        assertEquals("/a/b", Matchers.path("https://Example.com:8443/a/b?c#d"));
        assertEquals("/a/b", Matchers.path("https://example.com/a/b#c?d"));
        assertEquals("/", Matchers.path("https://example.com"));
        assertNull(Matchers.origin("about:blank"));
        assertNull(Matchers.path("about:blank"));
    }
}
