package org.rubyport.sw.rack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppPathTest {
    private static final String ORIGIN = "http://127.0.0.1:8080";

    @Test
    void splitsScriptNameFromPathInfoAndKeepsEncoding() {
        AppPath path = AppPath.parse(ORIGIN, ORIGIN + "/apps/notes/a/b%20c?x=1&y=%2F#frag");
        assertEquals(new AppPath("notes", "/apps/notes", "/a/b%20c", "x=1&y=%2F"), path);
    }

    @Test
    void theAppRootIsSlashAndTheBareNameHasNoPathInfo() {
        assertEquals("/", AppPath.parse(ORIGIN, ORIGIN + "/apps/notes/").pathInfo());
        assertEquals("", AppPath.parse(ORIGIN, ORIGIN + "/apps/notes?q").pathInfo());
        assertEquals("q", AppPath.parse(ORIGIN, ORIGIN + "/apps/notes?q").query());
    }

    @Test
    void otherUrlsAreNotApps() {
        assertNull(AppPath.parse(ORIGIN, ORIGIN + "/appsx/notes/"));
        assertNull(AppPath.parse(ORIGIN, "http://other.example/apps/notes/"));
    }

    @Test
    void namesAreLowerCaseLettersDigitsAndInnerDashes() {
        assertTrue(AppPath.parse(ORIGIN, ORIGIN + "/apps/sinatra-demo2/").validName());
        for (String bad : new String[] {"", "-x", "Notes", "a_b", "a.b", "%2e%2e"}) {
            assertFalse(AppPath.parse(ORIGIN, ORIGIN + "/apps/" + bad + "/").validName(), bad);
        }
    }
}
