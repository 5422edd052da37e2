package org.rubyport.sw;

import java.io.IOException;

/** The network, i.e. the browser's fetch(). */
public interface Network {
    /** Fetches request; an HTTP error status is a normal response, IOException means offline or a network error. */
    Response fetch(Request request) throws IOException;
}
