package org.rubyport.sw.rack;

import java.util.Locale;

/** One stored cookie. expiresAt is in epoch milliseconds; Long.MAX_VALUE for a session cookie. */
record Cookie(String name, String value, String path, long expiresAt, boolean httpOnly, boolean secure) {
    /** Largest name plus value accepted, as browsers do. */
    static final int MAX_SIZE = 4096;

    /**
     * The cookie a Set-Cookie header value sets, for a request to requestPath at now; null when the header
     * is malformed or too big. An already expired result means "delete".
     */
    static Cookie parse(String header, String requestPath, long now) {
        String[] parts = Split.on(header, ';');
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return null;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        if (name.isEmpty() || name.length() + value.length() > MAX_SIZE || hasControl(name) || hasControl(value)) {
            return null;
        }
        String path = null;
        Long expires = null;
        Long maxAge = null;
        boolean httpOnly = false;
        boolean secure = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int at = attribute.indexOf('=');
            String key = (at < 0 ? attribute : attribute.substring(0, at)).trim().toLowerCase(Locale.ROOT);
            String val = at < 0 ? "" : attribute.substring(at + 1).trim();
            switch (key) {
                case "path" -> path = val.startsWith("/") ? val : null;
                case "expires" -> expires = HttpDate.parse(val);
                case "max-age" -> maxAge = parseMaxAge(val, maxAge);
                case "httponly" -> httpOnly = true;
                case "secure" -> secure = true;
                default -> {
                    // Domain and SameSite mean nothing inside one app's jar.
                }
            }
        }
        long expiresAt = Long.MAX_VALUE;
        if (maxAge != null) {
            expiresAt = maxAge <= 0 ? Long.MIN_VALUE : now + Math.min(maxAge, Long.MAX_VALUE / 2000) * 1000;
        } else if (expires != null) {
            expiresAt = expires;
        }
        return new Cookie(name, value, path != null ? path : defaultPath(requestPath), expiresAt, httpOnly, secure);
    }

    private static Long parseMaxAge(String text, Long previous) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return previous;
        }
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x20 || text.charAt(i) == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** RFC 6265's default-path: the request path up to its last "/", or "/". */
    static String defaultPath(String requestPath) {
        int last = requestPath.lastIndexOf('/');
        return !requestPath.startsWith("/") || last <= 0 ? "/" : requestPath.substring(0, last);
    }

    /** RFC 6265's path-match. */
    boolean matchesPath(String requestPath) {
        if (requestPath.equals(path)) {
            return true;
        }
        return requestPath.startsWith(path) && (path.endsWith("/") || requestPath.charAt(path.length()) == '/');
    }

    boolean expired(long now) {
        return expiresAt <= now;
    }
}
