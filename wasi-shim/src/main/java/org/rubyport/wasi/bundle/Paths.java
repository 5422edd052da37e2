package org.rubyport.wasi.bundle;

/** The rules for paths inside a bundle: absolute, normalised, no NUL. */
final class Paths {
    private Paths() {
    }

    /** path itself when it is absolute and normalised; else a BundleException naming it. */
    static String requireNormal(String path, String what) throws BundleException {
        boolean ok = path.length() > 1 && path.charAt(0) == '/' && !path.endsWith("/") && path.indexOf('\0') < 0;
        if (ok) {
            int start = 1;
            while (start <= path.length()) {
                int end = path.indexOf('/', start);
                if (end < 0) {
                    end = path.length();
                }
                String segment = path.substring(start, end);
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    ok = false;
                    break;
                }
                start = end + 1;
            }
        }
        if (!ok) {
            throw new BundleException("Bundle " + what + " '" + path.replace("\0", "\\0") + "' is not a plain absolute "
                    + "path (it could escape its mount point); rebuild the bundle with the packer.");
        }
        return path;
    }

    /** Whether path is base or lies below it. */
    static boolean within(String path, String base) {
        return path.equals(base) || path.startsWith(base) && path.charAt(base.length()) == '/';
    }
}
