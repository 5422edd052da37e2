package org.rubyport.sw.rack;

/**
 * The Rack bridge's answer (rack_bridge.rb). The head is lines separated by "\n": on success the status,
 * then one "Name: value" line per header value; after a Ruby exception "error", the class name, then the
 * backtrace lines, with the message as the body.
 */
public record RackReply(String head, byte[] body) {
}
