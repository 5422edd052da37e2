package org.rubyport.sw;

import java.util.Objects;
import java.util.Set;

/** The usual route matchers, on the origin and path of the request's absolute URL. */
public final class Matchers {
    private Matchers() {
    }

    /** Requests to origin (e.g. "https://example.com:8443") whose path is exactly path; the query is ignored. */
    public static RouteMatcher pathEquals(String origin, String path) {
        String o = requireOrigin(origin);
        Objects.requireNonNull(path, "path");
        return request -> o.equals(origin(request.url())) && path.equals(path(request.url()));
    }

    /** Requests to origin whose path (query ignored) is one of paths. */
    public static RouteMatcher pathIn(String origin, Set<String> paths) {
        String o = requireOrigin(origin);
        Set<String> copy = Set.copyOf(paths);
        return request -> o.equals(origin(request.url())) && copy.contains(path(request.url()));
    }

    /** Requests to origin whose path starts with prefix (plain string prefix: "/a" also matches "/ab"). */
    public static RouteMatcher pathStartsWith(String origin, String prefix) {
        String o = requireOrigin(origin);
        Objects.requireNonNull(prefix, "prefix");
        return request -> {
            String p = path(request.url());
            return p != null && o.equals(origin(request.url())) && p.startsWith(prefix);
        };
    }

    /** Requests to origin, whatever the path. */
    public static RouteMatcher sameOrigin(String origin) {
        String o = requireOrigin(origin);
        return request -> o.equals(origin(request.url()));
    }

    /** Requests matched by any of ms (none: matches nothing). */
    public static RouteMatcher anyOf(RouteMatcher... ms) {
        RouteMatcher[] copy = ms.clone(); // later changes to the caller's array must not change the route
        for (RouteMatcher m : copy) {
            Objects.requireNonNull(m, "matcher");
        }
        return request -> {
            for (RouteMatcher m : copy) {
                if (m.matches(request)) {
                    return true;
                }
            }
            return false;
        };
    }

    // Parsed by hand rather than with java.net.URI or regex, which TeaVM lacks or makes heavy.

    /** "scheme://host[:port]" of url, lower-cased and without a default port, or null when url is not absolute. */
    static String origin(String url) {
        int sep = url == null ? -1 : url.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        String scheme = lowerAscii(url.substring(0, sep));
        int start = sep + 3;
        String authority = url.substring(start, authorityEnd(url, start));
        int at = authority.lastIndexOf('@'); // user:password@ is not part of the origin
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String host = authority;
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) { // a colon inside [IPv6] is not a port separator
            host = authority.substring(0, colon);
            port = authority.substring(colon + 1);
        }
        // Browsers drop the default port, so "https://h:443" and "https://h" are the same origin.
        if (("http".equals(scheme) && "80".equals(port)) || ("https".equals(scheme) && "443".equals(port))) {
            port = "";
        }
        return scheme + "://" + lowerAscii(host) + (port.isEmpty() ? "" : ":" + port);
    }

    /** The path of url without query and fragment ("/" when empty), or null when url is not absolute. */
    public static String path(String url) {
        int sep = url == null ? -1 : url.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        int start = authorityEnd(url, sep + 3);
        if (start == url.length() || url.charAt(start) != '/') {
            return "/"; // "https://h", "https://h?q" or "https://h#f"
        }
        int end = start;
        while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != '#') {
            end++;
        }
        return url.substring(start, end);
    }

    private static int authorityEnd(String url, int start) {
        int i = start;
        while (i < url.length()) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            i++;
        }
        return i;
    }

    private static String requireOrigin(String origin) {
        String o = origin(origin);
        if (o == null) {
            throw new IllegalArgumentException("not an origin: " + origin);
        }
        return o;
    }

    // Not String.toLowerCase(): that depends on the default locale (Turkish dotless i) on the JVM.
    private static String lowerAscii(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
