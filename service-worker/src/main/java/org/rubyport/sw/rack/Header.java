package org.rubyport.sw.rack;

/** One HTTP header value; a header with several values is several of these. */
public record Header(String name, String value) {
}
