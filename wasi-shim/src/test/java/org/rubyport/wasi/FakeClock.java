package org.rubyport.wasi;

/** A clock that only moves when a test moves it. */
public final class FakeClock implements Clock {
    public long realtime = 1_700_000_000_000_000_000L;
    public long monotonic = 5_000L;

    @Override public long realtimeNanos() {
        return realtime;
    }

    @Override public long monotonicNanos() {
        return monotonic;
    }

    /** Moves both clocks forward. */
    public void advance(long nanos) {
        realtime += nanos;
        monotonic += nanos;
    }
}
