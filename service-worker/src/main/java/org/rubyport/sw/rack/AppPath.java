package org.rubyport.sw.rack;

/**
 * Where a request under /apps/&lt;name&gt;/ goes: the app's name, the Rack SCRIPT_NAME (the app's prefix) and
 * PATH_INFO (the rest, still percent-encoded as Rack servers pass it) and the query string.
 */
record AppPath(String app, String scriptName, String pathInfo, String query) {
    static final String PREFIX = "/apps/";

    /** The parts of url, or null when it is not under origin + "/apps/". pathInfo is "" for "/apps/name". */
    static AppPath parse(String origin, String url) {
        if (!url.startsWith(origin + PREFIX)) {
            return null;
        }
        String rest = url.substring(origin.length());
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        String query = question < 0 ? "" : rest.substring(question + 1);
        String path = question < 0 ? rest : rest.substring(0, question);
        int slash = path.indexOf('/', PREFIX.length());
        String app = slash < 0 ? path.substring(PREFIX.length()) : path.substring(PREFIX.length(), slash);
        String pathInfo = slash < 0 ? "" : path.substring(slash);
        return new AppPath(app, PREFIX + app, pathInfo, query);
    }

    /**
     * Whether this is one of the site's own files beside the apps (index.json, the bundles), not an app:
     * app names have no dot, and an app's pages are below /apps/&lt;name&gt;/.
     */
    boolean isSiteFile() {
        return pathInfo.isEmpty() && app.indexOf('.') >= 0;
    }

    /** Whether the name is one the packer accepts: [a-z0-9][a-z0-9-]*. */
    boolean validName() {
        if (app.isEmpty()) {
            return false;
        }
        for (int i = 0; i < app.length(); i++) {
            char c = app.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && i > 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
