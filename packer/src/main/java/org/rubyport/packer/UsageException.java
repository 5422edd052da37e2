package org.rubyport.packer;

/** A command line the packer cannot act on; the message says what to change. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
