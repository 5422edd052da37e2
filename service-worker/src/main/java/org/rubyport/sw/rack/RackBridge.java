package org.rubyport.sw.rack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Serves requests under /apps/&lt;name&gt;/ from packed Rack apps: static files from the app's public/, the
 * rest through the app's Rack call, with a cookie jar per app. Requests to one app are served one at a
 * time: a per-app lock does it on the JVM; the service worker also queues each app's requests in arrival
 * order, because TeaVM cannot hold a monitor across a wait for a promise. Whatever goes wrong, the answer
 * is a page that says so, never an exception.
 */
public final class RackBridge {
    private static final byte[] NO_BODY = new byte[0];

    private final String origin;
    private final AppRegistry apps;
    private final CookieStore cookieStore;
    private final LongSupplier clock;
    private final Map<String, AppState> states = new HashMap<>();

    /** clock gives the time in epoch milliseconds (cookie expiry). */
    public RackBridge(String origin, AppRegistry apps, CookieStore cookieStore, LongSupplier clock) {
        this.origin = origin;
        this.apps = apps;
        this.cookieStore = cookieStore;
        this.clock = clock;
    }

    /** Whether url is one of the apps'. */
    public boolean handles(String url) {
        AppPath path = AppPath.parse(origin, url);
        return path != null && !path.isSiteFile();
    }

    /** The reply to a request under /apps/. */
    public HttpReply handle(RackRequest request) {
        AppPath path = AppPath.parse(origin, request.url());
        if (path == null || !path.validName()) {
            return ErrorPages.noSuchApp(path == null ? "" : path.app());
        }
        if (path.pathInfo().isEmpty()) {
            String query = path.query().isEmpty() ? "" : "?" + path.query();
            return new HttpReply(301, List.of(new Header("Location", path.scriptName() + "/" + query)), NO_BODY);
        }
        RackApp app;
        try {
            app = apps.find(path.app());
        } catch (Exception e) {
            return ErrorPages.crashed(path.app(), describe(e));
        }
        if (app == null) {
            return ErrorPages.noSuchApp(path.app());
        }
        AppState state = stateOf(path.app());
        // One request at a time per app: the app's VM is single-threaded, and arrival order is kept.
        synchronized (state) {
            HttpReply reply = serve(app, state, path, request);
            return "HEAD".equals(request.method()) ? withoutBody(reply) : reply;
        }
    }

    /** reply as the answer to a HEAD: no body, but the Content-Length a GET would have. */
    private static HttpReply withoutBody(HttpReply reply) {
        List<Header> headers = reply.headers();
        if (reply.header("Content-Length") == null) {
            headers = new ArrayList<>(headers);
            headers.add(new Header("Content-Length", Integer.toString(reply.body().length)));
        }
        return new HttpReply(reply.status(), headers, NO_BODY);
    }

    /** The name of the app url belongs to ("" when it names none). */
    public String appOf(String url) {
        AppPath path = AppPath.parse(origin, url);
        return path == null ? "" : path.app();
    }

    /** The reply to a request to url whose body was larger than limit bytes, and so was not read. */
    public HttpReply tooLarge(String url, long limit) {
        AppPath path = AppPath.parse(origin, url);
        return ErrorPages.tooLarge(path == null ? "" : path.app(), limit);
    }

    private synchronized AppState stateOf(String app) {
        return states.computeIfAbsent(app, AppState::new);
    }

    private HttpReply serve(RackApp app, AppState state, AppPath path, RackRequest request) {
        try {
            if (StaticPaths.candidate(request.method(), path.pathInfo())) {
                byte[] file = app.publicFile(path.pathInfo());
                if (file != null) {
                    return new HttpReply(200, List.of(new Header("Content-Type", ContentTypes.of(path.pathInfo()))), file);
                }
            }
            CookieJar jar = state.jar();
            Url url = Url.parse(request.url());
            String env = RackEnv.build(request, path, jar.header(url, clock.getAsLong()));
            RackReply reply = app.call(env, request.body());
            return toHttp(state, reply, url);
        } catch (Exception e) {
            return ErrorPages.crashed(path.app(), describe(e));
        }
    }

    /** The browser's reply for what the app answered; Set-Cookie goes into the jar instead. */
    private HttpReply toHttp(AppState state, RackReply reply, Url url) {
        String[] lines = Split.on(reply.head(), '\n');
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        if (lines[0].equals("error")) {
            String className = lines.length > 1 ? lines[1] : "Exception";
            List<String> backtrace = lines.length > 2 ? Arrays.asList(lines).subList(2, lines.length) : List.of();
            return ErrorPages.exception(state.app, className, body, backtrace);
        }
        int status = parseStatus(lines[0]);
        if (status < 0) {
            return ErrorPages.invalidResponse(state.app, "status " + lines[0]);
        }
        List<Header> headers = new ArrayList<>();
        boolean jarChanged = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon <= 0) {
                return ErrorPages.invalidResponse(state.app, "header line " + lines[i]);
            }
            String name = lines[i].substring(0, colon);
            String value = lines[i].substring(colon + 2);
            if (name.equalsIgnoreCase("set-cookie")) {
                jarChanged |= state.jar().receive(value, url, clock.getAsLong());
            } else {
                headers.add(new Header(name, value));
            }
        }
        if (jarChanged) {
            state.save();
        }
        return new HttpReply(status, headers, reply.body());
    }

    private static int parseStatus(String text) {
        try {
            int status = Integer.parseInt(text.trim());
            // What a browser Response can carry: new Response() refuses anything else.
            return status >= 200 && status <= 599 ? status : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** One app's cookie jar, loaded on first use: the worker may have been restarted since it was saved. */
    private final class AppState {
        final String app;
        private CookieJar jar;

        AppState(String app) {
            this.app = app;
        }

        CookieJar jar() {
            if (jar == null) {
                String saved;
                try {
                    saved = cookieStore.load(app);
                } catch (Exception e) {
                    saved = null;
                }
                jar = CookieJar.parse(saved);
            }
            return jar;
        }

        void save() {
            try {
                cookieStore.save(app, jar.serialise());
            } catch (Exception e) {
                // The jar in memory still holds the cookies; only a worker restart would lose them.
            }
        }
    }
}
