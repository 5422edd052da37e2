package org.rubyport.wasi;

/** Time source for the guest's clocks and for file timestamps, injected so tests control it. */
public interface Clock {
    /** Nanoseconds since the Unix epoch. */
    long realtimeNanos();

    /** Nanoseconds from an arbitrary origin, never decreasing. */
    long monotonicNanos();

    /** The host clock of the JVM. */
    Clock SYSTEM = new Clock() {
        @Override public long realtimeNanos() {
            return System.currentTimeMillis() * 1_000_000L;
        }

        @Override public long monotonicNanos() {
            return System.nanoTime();
        }
    };
}
