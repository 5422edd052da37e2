package org.rubyport.wasi;

/**
 * The WASI preview1 errno values this runtime returns, with the codes the spec assigns. The spec's other
 * 54 (sockets, processes, ...) are left out: each constant costs bytes in every page's runtime.js, and
 * nothing here can fail with them.
 */
public enum Errno {
    SUCCESS(0), BADF(8), BUSY(10), EXIST(20), FAULT(21), FBIG(22), ILSEQ(25), INVAL(28), IO(29), ISDIR(31),
    LOOP(32), MFILE(33), NAMETOOLONG(37), NOENT(44), NOSPC(51), NOTDIR(54), NOTEMPTY(55), NOTSOCK(57),
    NOTSUP(58), PERM(63), ROFS(69), SPIPE(70), NOTCAPABLE(76);

    /** The number the guest sees. */
    public final int code;
    private WasiException error;

    Errno(int code) {
        this.code = code;
    }

    /**
     * The one exception that carries this errno. It has no stack trace, so sharing it is safe, and under
     * TeaVM a fresh one per failure would cost a JavaScript Error with a captured stack (~50 µs): lookups
     * of absent paths are common (Ruby's require probes every load path).
     */
    public WasiException error() {
        if (error == null) {
            error = new WasiException(this);
        }
        return error;
    }
}
