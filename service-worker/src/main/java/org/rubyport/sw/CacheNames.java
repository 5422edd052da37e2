package org.rubyport.sw;

/** Names of the caches, one per build so a new build never serves stale files of an old one. */
public final class CacheNames {
    /** Prefix of every cache of ours; {@link Precache#deleteOldCaches} only touches caches with it. */
    public static final String PREFIX = "rubyport-";

    private CacheNames() {
    }

    /** The cache name of a build: "rubyport-" + buildVersion. */
    public static String forVersion(String buildVersion) {
        // An empty version would give the bare prefix, which every build would share: reject it early.
        if (buildVersion == null || buildVersion.isEmpty()) {
            throw new IllegalArgumentException("build version must not be empty");
        }
        return PREFIX + buildVersion;
    }
}
