package org.rubyport.sw;

/** Precaching failed, and the partly filled cache was deleted. */
public class PrecacheException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The url whose fetch or put failed (null when the cache itself could not be opened). */
    public final String url;

    /** An exception for url with the given message and cause (cause may be null, e.g. for an HTTP error status). */
    public PrecacheException(String url, String message, Throwable cause) {
        super(message, cause);
        this.url = url;
    }
}
