package org.rubyport.wasi.vfs;

import java.nio.charset.StandardCharsets;

/** A symbolic link; its target is resolved on each use. */
public final class SymlinkNode extends Inode {
    public final String target;

    SymlinkNode(long ino, long now, String target) {
        super(ino, now);
        this.target = target;
    }

    @Override public byte filetype() {
        return Filetype.SYMBOLIC_LINK;
    }

    @Override public long size() {
        return target.getBytes(StandardCharsets.UTF_8).length;
    }
}
