package org.rubyport.sw.rack;

/** One installed app, hosted by the browser side (which boots its Ruby VM on first use). */
public interface RackApp {
    /** The bytes of the file at the app's public/ + path (path starts with "/"), or null if there is none. */
    byte[] publicFile(String path) throws Exception;

    /** Runs the app's Rack call once for a request given as its environment (JSON) and body bytes. */
    RackReply call(String envJson, byte[] body) throws Exception;
}
