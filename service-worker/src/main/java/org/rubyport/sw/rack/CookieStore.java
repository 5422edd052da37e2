package org.rubyport.sw.rack;

/** Where cookie jars outlive the service worker, which the browser may stop whenever it is idle. */
public interface CookieStore {
    /** The saved jar of app, or null. */
    String load(String app) throws Exception;

    void save(String app, String serialisedJar) throws Exception;
}
