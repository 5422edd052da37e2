package org.rubyport.wasi;

/**
 * A failed operation; carries the errno the guest receives. Thrown inside the shim, never across the WASI
 * boundary. Get one from {@link Errno#error()}.
 */
public class WasiException extends Exception {
    public final Errno errno;

    WasiException(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }
}
