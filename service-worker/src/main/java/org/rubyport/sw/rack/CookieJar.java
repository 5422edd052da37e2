package org.rubyport.sw.rack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One app's cookies, kept by the service worker so that sessions work in any browser: what Set-Cookie
 * stores, sent back as HTTP_COOKIE on later requests. Oldest first, so that eviction and ties go by age.
 */
final class CookieJar {
    /** At most this many cookies per app, so that an app cannot grow the jar without bound. */
    static final int MAX_COOKIES = 50;

    private final List<Cookie> cookies = new ArrayList<>();

    /** Stores what a Set-Cookie header sets; returns whether the jar changed. */
    boolean receive(String setCookie, Url url, long now) {
        Cookie cookie = Cookie.parse(setCookie, url.path(), now);
        if (cookie == null || cookie.secure() && !url.secure()) {
            return false;
        }
        boolean removed = cookies.removeIf(c -> c.name().equals(cookie.name()) && c.path().equals(cookie.path()));
        if (cookie.expired(now)) {
            return removed;
        }
        cookies.removeIf(c -> c.expired(now));
        if (cookies.size() >= MAX_COOKIES) {
            cookies.remove(0);
        }
        cookies.add(cookie);
        return true;
    }

    /** The Cookie header value for a request to url ("" when none applies). */
    String header(Url url, long now) {
        return join(matching(url, now, true));
    }

    /** The cookies that page scripts could see (not HttpOnly) for url, as a Cookie header value. */
    String scriptVisible(Url url, long now) {
        return join(matching(url, now, false));
    }

    private List<Cookie> matching(Url url, long now, boolean includeHttpOnly) {
        List<Cookie> out = new ArrayList<>();
        for (Cookie c : cookies) {
            if (!c.expired(now) && c.matchesPath(url.path()) && (!c.secure() || url.secure())
                    && (includeHttpOnly || !c.httpOnly())) {
                out.add(c);
            }
        }
        // Longer paths first (RFC 6265 5.4); the sort is stable, so older cookies stay ahead among equals.
        out.sort(Comparator.comparingInt((Cookie c) -> c.path().length()).reversed());
        return out;
    }

    private static String join(List<Cookie> list) {
        StringBuilder out = new StringBuilder();
        for (Cookie c : list) {
            if (out.length() > 0) {
                out.append("; ");
            }
            out.append(c.name()).append('=').append(c.value());
        }
        return out.toString();
    }

    /** One line per cookie, tab-separated fields (cookies cannot hold control characters). */
    String serialise() {
        StringBuilder out = new StringBuilder();
        for (Cookie c : cookies) {
            out.append(c.name()).append('\t').append(c.value()).append('\t').append(c.path()).append('\t')
                    .append(c.expiresAt()).append('\t').append(c.httpOnly() ? 'H' : '-').append(c.secure() ? 'S' : '-')
                    .append('\n');
        }
        return out.toString();
    }

    /** The jar saved by serialise; an empty jar when text is null or damaged. */
    static CookieJar parse(String text) {
        CookieJar jar = new CookieJar();
        if (text == null) {
            return jar;
        }
        try {
            for (String line : Split.on(text, '\n')) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = Split.on(line, '\t');
                if (f.length != 5 || f[4].length() != 2 || !f[2].startsWith("/")) {
                    return new CookieJar();
                }
                if (jar.cookies.size() < MAX_COOKIES) {
                    jar.cookies.add(new Cookie(f[0], f[1], f[2], Long.parseLong(f[3]), f[4].charAt(0) == 'H',
                            f[4].charAt(1) == 'S'));
                }
            }
        } catch (NumberFormatException e) {
            return new CookieJar();
        }
        return jar;
    }
}
