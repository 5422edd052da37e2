package org.rubyport.wasi;

/**
 * Thrown by proc_exit: the guest asked to stop, so control must leave the guest. This is the one
 * exception that crosses the WASI boundary on purpose; hosts catch it around calls into the guest.
 */
public final class ProcExit extends RuntimeException {
    public final int code;

    public ProcExit(int code) {
        super("exit " + code, null, false, false);
        this.code = code;
    }
}
