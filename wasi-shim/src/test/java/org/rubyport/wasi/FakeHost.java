package org.rubyport.wasi;

import java.util.ArrayList;
import java.util.List;

/** A host that never blocks: sleeps are recorded, randomness is a counting pattern. */
public final class FakeHost implements Host {
    public final List<Long> sleeps = new ArrayList<>();
    private byte next = 1;

    @Override public void randomBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = next++;
        }
    }

    @Override public void sleep(long nanos) {
        sleeps.add(nanos);
    }
}
