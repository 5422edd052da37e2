package org.rubyport.sw.rack;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The CGI-style part of a Rack environment, as JSON; the Ruby side adds rack.input and the rest. The
 * browser's own Cookie header never reaches the app: the service worker's jar supplies HTTP_COOKIE.
 */
final class RackEnv {
    private RackEnv() {
    }

    static String build(RackRequest request, AppPath path, String cookieHeader) {
        Url url = Url.parse(request.url());
        JsonObjectWriter env = new JsonObjectWriter()
                .put("REQUEST_METHOD", request.method())
                .put("SCRIPT_NAME", path.scriptName())
                .put("PATH_INFO", path.pathInfo())
                .put("QUERY_STRING", path.query())
                .put("SERVER_NAME", url.host())
                .put("SERVER_PORT", url.port())
                .put("SERVER_PROTOCOL", "HTTP/1.1")
                .put("REMOTE_ADDR", "127.0.0.1")
                .put("rack.url_scheme", url.scheme());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("HTTP_HOST", url.hostAndPort());
        String contentType = null;
        for (Header header : request.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (name.equals("cookie") || name.equals("host") || name.equals("content-length")) {
                continue;
            }
            if (name.equals("content-type")) {
                contentType = header.value();
                continue;
            }
            String key = "HTTP_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
            headers.merge(key, header.value(), (a, b) -> a + ", " + b);
        }
        if (cookieHeader != null && !cookieHeader.isEmpty()) {
            headers.put("HTTP_COOKIE", cookieHeader);
        }
        if (contentType != null) {
            env.put("CONTENT_TYPE", contentType);
        }
        if (contentType != null || request.body().length > 0) {
            env.put("CONTENT_LENGTH", Integer.toString(request.body().length));
        }
        headers.forEach(env::put);
        return env.toString();
    }
}
