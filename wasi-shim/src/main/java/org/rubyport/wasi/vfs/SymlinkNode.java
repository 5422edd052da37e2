package org.rubyport.wasi.vfs;

import org.rubyport.wasi.Utf8;

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
        return Utf8.encodedLength(target);
    }
}
