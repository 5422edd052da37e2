package org.rubyport.sw.rack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RackBridgeTest {
    private static final String ORIGIN = "http://127.0.0.1:8080";

    /** An app that answers with a scripted head, records what it got, and serves public files from a map. */
    static final class FakeApp implements RackApp {
        final List<String> envs = new ArrayList<>();
        final List<byte[]> bodies = new ArrayList<>();
        final Map<String, byte[]> publicFiles = new HashMap<>();
        String head = "200\nContent-Type: text/plain";
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        RuntimeException failure;

        @Override public byte[] publicFile(String path) {
            return publicFiles.get(path);
        }

        @Override public RackReply call(String envJson, byte[] requestBody) {
            envs.add(envJson);
            bodies.add(requestBody);
            if (failure != null) {
                throw failure;
            }
            return new RackReply(head, body);
        }
    }

    static final class MemoryCookieStore implements CookieStore {
        final Map<String, String> saved = new HashMap<>();

        @Override public String load(String app) {
            return saved.get(app);
        }

        @Override public void save(String app, String jar) {
            saved.put(app, jar);
        }
    }

    private final FakeApp app = new FakeApp();
    private final MemoryCookieStore cookies = new MemoryCookieStore();
    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final RackBridge bridge = bridge();

    private RackBridge bridge() {
        return new RackBridge(ORIGIN, name -> name.equals("demo") ? app : null, cookies, now::get);
    }

    private HttpReply get(RackBridge on, String path) {
        return on.handle(new RackRequest("GET", ORIGIN + path, List.of(), new byte[0]));
    }

    private static String text(HttpReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void handlesOnlyTheAppsPrefix() {
        assertTrue(bridge.handles(ORIGIN + "/apps/demo/"));
        assertFalse(bridge.handles(ORIGIN + "/"));
        assertFalse(bridge.handles(ORIGIN + "/ruby.js"));
        // The site's files beside the apps: the list the Apps menu reads, and the bundles.
        assertFalse(bridge.handles(ORIGIN + "/apps/index.json"));
        assertFalse(bridge.handles(ORIGIN + "/apps/demo.rpk?v=1"));
        assertTrue(bridge.handles(ORIGIN + "/apps/demo"));
        assertTrue(bridge.handles(ORIGIN + "/apps/demo/style.css"));
        assertTrue(bridge.handles(ORIGIN + "/apps/index.json/"));
    }

    @Test
    void passesTheRequestAndReturnsStatusHeadersAndBody() {
        app.head = "201\nContent-Type: text/plain\nX-Multi: one\nX-Multi: two\nLocation: /apps/demo/x";
        byte[] sent = {0, 1, 2, (byte) 255};
        HttpReply reply = bridge.handle(new RackRequest("POST", ORIGIN + "/apps/demo/items?a=1",
                List.of(new Header("content-type", "application/octet-stream")), sent));
        assertEquals(201, reply.status());
        assertEquals(List.of(new Header("Content-Type", "text/plain"), new Header("X-Multi", "one"),
                new Header("X-Multi", "two"), new Header("Location", "/apps/demo/x")), reply.headers());
        assertEquals("ok", text(reply));
        assertArrayEquals(sent, app.bodies.get(0));
        assertTrue(app.envs.get(0).contains("\"SCRIPT_NAME\":\"/apps/demo\",\"PATH_INFO\":\"/items\",\"QUERY_STRING\":\"a=1\""));
    }

    @Test
    void namesTheAppOfAUrl() {
        assertEquals("demo", bridge.appOf(ORIGIN + "/apps/demo/x?y"));
        assertEquals("", bridge.appOf(ORIGIN + "/ruby.js"));
    }

    @Test
    void theBareAppUrlRedirectsUnderItsPrefixKeepingTheQuery() {
        HttpReply reply = get(bridge, "/apps/demo?x=1");
        assertEquals(301, reply.status());
        assertEquals("/apps/demo/?x=1", reply.header("Location"));
        assertTrue(app.envs.isEmpty());
    }

    @Test
    void unknownAndBadlyNamedAppsAre404sNamingTheApp() {
        HttpReply missing = get(bridge, "/apps/nope/");
        assertEquals(404, missing.status());
        assertTrue(text(missing).contains("<code>nope</code>"));
        assertEquals(404, get(bridge, "/apps/%3Cscript%3E/").status());
        assertTrue(text(get(bridge, "/apps/<i>/")).contains("<code>&lt;i&gt;</code>"));
        HttpReply none = get(bridge, "/apps/");
        assertEquals(404, none.status());
        assertTrue(text(none).contains("This address names no app"), text(none));
    }

    @Test
    void cookiesGoIntoTheJarNotTheBrowserAndComeBackOnTheNextRequest() {
        app.head = "200\nSet-Cookie: sid=42; Path=/; HttpOnly\nSet-Cookie: theme=dark; Path=/apps/demo/admin";
        HttpReply first = get(bridge, "/apps/demo/login");
        assertNull(first.header("Set-Cookie"));
        app.head = "200";
        get(bridge, "/apps/demo/");
        assertTrue(app.envs.get(1).contains("\"HTTP_COOKIE\":\"sid=42\""), app.envs.get(1));
        get(bridge, "/apps/demo/admin/x");
        assertTrue(app.envs.get(2).contains("\"HTTP_COOKIE\":\"theme=dark; sid=42\""), app.envs.get(2));
    }

    @Test
    void theJarSurvivesARestartedWorkerAndExpires() {
        app.head = "200\nSet-Cookie: sid=42; Path=/; Max-Age=3600";
        get(bridge, "/apps/demo/login");
        RackBridge restarted = bridge();
        app.head = "200";
        get(restarted, "/apps/demo/");
        assertTrue(app.envs.get(1).contains("sid=42"));
        now.addAndGet(3_600_000);
        get(restarted, "/apps/demo/");
        assertFalse(app.envs.get(2).contains("sid=42"));
    }

    @Test
    void aDamagedStoredJarStartsEmpty() {
        cookies.saved.put("demo", "\u0000garbage");
        get(bridge, "/apps/demo/");
        assertFalse(app.envs.get(0).contains("HTTP_COOKIE"));
    }

    @Test
    void staticFilesComeFromPublicWithTheirTypeAndHeadHasNoBody() {
        app.publicFiles.put("/style.css", "body{}".getBytes(StandardCharsets.UTF_8));
        HttpReply css = get(bridge, "/apps/demo/style.css");
        assertEquals("text/css; charset=utf-8", css.header("Content-Type"));
        assertEquals("body{}", text(css));
        HttpReply head = bridge.handle(new RackRequest("HEAD", ORIGIN + "/apps/demo/style.css", List.of(), new byte[0]));
        assertEquals(200, head.status());
        assertEquals(0, head.body().length);
        assertEquals("6", head.header("Content-Length")); // what the GET's body would be
        assertTrue(app.envs.isEmpty());
    }

    @Test
    void traversalAndEncodedPathsNeverReachThePublicLookup() {
        app.publicFiles.put("/../secret", new byte[] {1});
        for (String path : new String[] {"/apps/demo/../secret", "/apps/demo/a/../../secret", "/apps/demo/%2e%2e/secret",
            "/apps/demo//secret", "/apps/demo/"}) {
            get(bridge, path);
        }
        assertEquals(5, app.envs.size());
        assertFalse(StaticPaths.candidate("POST", "/style.css"));
    }

    @Test
    void aRubyExceptionIsA500PageWithEscapedMessageAndBacktrace() {
        app.head = "error\nArgumentError\n/app/app.rb:3:in 'block'\n/gems/x.rb:9";
        app.body = "bad <script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        HttpReply reply = get(bridge, "/apps/demo/boom");
        assertEquals(500, reply.status());
        String html = text(reply);
        assertTrue(html.contains("ArgumentError"));
        assertTrue(html.contains("bad &lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("/app/app.rb:3:in &#39;block&#39;\n/gems/x.rb:9"));
        assertFalse(html.contains("<script>"));
    }

    @Test
    void aCrashedVmIsA500AndTheNextRequestIsServed() {
        app.failure = new IllegalStateException("RuntimeError: unreachable");
        HttpReply crashed = get(bridge, "/apps/demo/");
        assertEquals(500, crashed.status());
        assertTrue(text(crashed).contains("unreachable"));
        app.failure = null;
        assertEquals(200, get(bridge, "/apps/demo/").status());
    }

    @Test
    void aTooLargeBodyIsA413ThatSaysTheLimit() {
        HttpReply reply = bridge.tooLarge(ORIGIN + "/apps/demo/upload", 64L << 20);
        assertEquals(413, reply.status());
        assertTrue(text(reply).contains("larger than 64 MB"));
        assertTrue(app.envs.isEmpty());
    }

    @Test
    void anInvalidHeadIsA502() {
        app.head = "teapot";
        assertEquals(502, get(bridge, "/apps/demo/").status());
        app.head = "200\nno colon here";
        assertEquals(502, get(bridge, "/apps/demo/").status());
        app.head = "103"; // a status a browser Response cannot carry
        assertEquals(502, get(bridge, "/apps/demo/").status());
        app.head = "600";
        assertEquals(502, get(bridge, "/apps/demo/").status());
    }

    @Test
    void requestsToOneAppAreServedOneAtATimeAndNoneIsLost() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        RackApp slow = new RackApp() {
            @Override public byte[] publicFile(String path) {
                return null;
            }

            @Override public RackReply call(String env, byte[] body) throws InterruptedException {
                if (inside.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                Thread.sleep(1);
                inside.decrementAndGet();
                return new RackReply("200", body);
            }
        };
        RackBridge serial = new RackBridge(ORIGIN, name -> slow, cookies, now::get);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            byte[] body = ("request " + i).getBytes(StandardCharsets.UTF_8);
            answers.add(pool.submit(() -> text(serial.handle(
                    new RackRequest("POST", ORIGIN + "/apps/demo/", List.of(), body)))));
        }
        for (int i = 0; i < 400; i++) {
            assertEquals("request " + i, answers.get(i).get());
        }
        pool.shutdown();
        assertEquals(0, overlaps.get());
    }
}
