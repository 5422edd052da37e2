package org.rubyport.sw;

import java.io.IOException;
import java.util.List;

/** The set of named caches of the origin (the browser's CacheStorage, self.caches). */
public interface CacheStorage {
    /** The cache named name, created empty when absent. */
    Cache open(String name) throws IOException;

    /** The names of all caches. */
    List<String> keys() throws IOException;

    /** Deletes the cache named name; no-op when absent. */
    void delete(String name) throws IOException;
}
