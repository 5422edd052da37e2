package org.rubyport.sw.rack;

/** Which request paths may be looked up in the app's public/ directory. */
final class StaticPaths {
    private StaticPaths() {
    }

    /**
     * Whether a GET or HEAD of pathInfo may be a static file: never "/" or a directory, and never a path
     * with dot segments, empty segments or percent-encoding, which go to the app as they are.
     */
    static boolean candidate(String method, String pathInfo) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        if (!pathInfo.startsWith("/") || pathInfo.endsWith("/") || pathInfo.indexOf('%') >= 0
                || pathInfo.indexOf('\\') >= 0 || pathInfo.contains("//")) {
            return false;
        }
        for (String segment : Split.on(pathInfo.substring(1), '/')) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
