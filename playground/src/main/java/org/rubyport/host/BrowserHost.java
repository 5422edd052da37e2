package org.rubyport.host;

import org.rubyport.wasi.Clock;
import org.rubyport.wasi.Host;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;

/** Clocks, entropy and waiting from the browser: Date, performance, crypto and Atomics. */
final class BrowserHost implements Host, Clock {
    /** crypto.getRandomValues refuses more than this per call. */
    private static final int ENTROPY_CHUNK = 65536;

    private final Runnable beforeSleep;

    /** beforeSleep runs before each wait, so that output written so far shows while the guest sleeps. */
    BrowserHost(Runnable beforeSleep) {
        this.beforeSleep = beforeSleep;
    }

    @Override public long realtimeNanos() {
        return (long) (epochMillis() * 1_000_000.0);
    }

    @Override public long monotonicNanos() {
        return (long) (performanceMillis() * 1_000_000.0);
    }

    @Override public void randomBytes(byte[] bytes) {
        fillRandom(bytes);
    }

    @Override public void sleep(long nanos) {
        beforeSleep.run();
        sleepMillis(nanos / 1_000_000.0);
    }

    @JSBody(script = "return performance.timeOrigin + performance.now();")
    private static native double epochMillis();

    @JSBody(script = "return performance.now();")
    private static native double performanceMillis();

    @JSBody(params = { "bytes" }, script = "for (let i = 0; i < bytes.length; i += " + ENTROPY_CHUNK + ") "
            + "crypto.getRandomValues(bytes.subarray(i, i + " + ENTROPY_CHUNK + "));")
    private static native void fillRandom(@JSByRef byte[] bytes);

    /**
     * Blocks for ms. Workers park on Atomics.wait; the page's main thread may not, so it spins, which is
     * what a synchronous guest asks for there.
     */
    @JSBody(params = { "ms" }, script = "if (ms <= 0) return;"
            + "try { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); return; } catch (e) {}"
            + "const end = performance.now() + ms; while (performance.now() < end) {}")
    private static native void sleepMillis(double ms);
}
