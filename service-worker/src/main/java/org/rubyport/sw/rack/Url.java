package org.rubyport.sw.rack;

/** The parts of an absolute http(s) URL that Rack and the cookie rules need. */
record Url(String scheme, String host, String port, String path) {
    static Url parse(String url) {
        int colon = url.indexOf("://");
        String scheme = colon < 0 ? "http" : url.substring(0, colon);
        int hostStart = colon < 0 ? 0 : colon + 3;
        int pathStart = hostStart;
        while (pathStart < url.length() && "/?#".indexOf(url.charAt(pathStart)) < 0) {
            pathStart++;
        }
        String authority = url.substring(hostStart, pathStart);
        int portColon = authority.lastIndexOf(':');
        boolean hasPort = portColon >= 0 && authority.indexOf(']', portColon) < 0;
        String host = hasPort ? authority.substring(0, portColon) : authority;
        String port = hasPort ? authority.substring(portColon + 1) : scheme.equals("https") ? "443" : "80";
        int end = pathStart;
        while (end < url.length() && "?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String path = end == pathStart ? "/" : url.substring(pathStart, end);
        return new Url(scheme, host, port, path);
    }

    /** host, with the port when it is not the scheme's default. */
    String hostAndPort() {
        boolean defaultPort = scheme.equals("https") ? port.equals("443") : port.equals("80");
        return defaultPort ? host : host + ":" + port;
    }

    /** Whether a browser treats this origin as secure (https, or the loopback host). */
    boolean secure() {
        return scheme.equals("https") || host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
    }
}
