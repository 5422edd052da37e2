package org.rubyport.wasi;

/** A failed operation; carries the errno the guest receives. Thrown inside the shim, never across the WASI boundary. */
public class WasiException extends Exception {
    public final Errno errno;

    public WasiException(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }
}
