package org.rubyport.wasi.bundle;

/** A bundle that cannot be used; the message says what is wrong and what to do about it. */
public final class BundleException extends Exception {
    public BundleException(String message) {
        super(message);
    }
}
