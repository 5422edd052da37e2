package org.rubyport.wasi.vfs;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory: named links to inodes. Each link also gets a sequence number when it is made; listings
 * follow that order and resume from it, so a reader's position survives entries added or removed
 * meanwhile (fd_readdir cookies).
 */
public final class DirectoryNode extends Inode {
    /** Sequence numbers 0 and 1 are `.` and `..` in listings. */
    public static final long FIRST_ENTRY_SEQUENCE = 2;

    private final TreeMap<String, Inode> entries = new TreeMap<>();
    private final TreeMap<Long, String> namesBySequence = new TreeMap<>();
    private final Map<String, Long> sequenceOfName = new HashMap<>();
    private long nextSequence = FIRST_ENTRY_SEQUENCE;
    DirectoryNode parent;

    DirectoryNode(long ino, long now) {
        super(ino, now);
        this.parent = this;
        // Its own `.`; the name that links it (or, for the root, its `..`) adds the second.
        this.nlink = 1;
    }

    @Override public byte filetype() {
        return Filetype.DIRECTORY;
    }

    @Override public long size() {
        return 4096;
    }

    /** The directory that `..` names; the root is its own parent. */
    public DirectoryNode parent() {
        return parent;
    }

    public Inode get(String name) {
        return entries.get(name);
    }

    /** The entries, read-only, in name order. */
    public Map<String, Inode> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** Names by sequence number, from sequence on, in the order they were linked; read-only. */
    public Map<Long, String> listingFrom(long sequence) {
        return Collections.unmodifiableMap(namesBySequence.tailMap(sequence, true));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    void put(String name, Inode node, long now) {
        entries.put(name, node);
        long sequence = nextSequence++;
        namesBySequence.put(sequence, name);
        sequenceOfName.put(name, sequence);
        node.nlink++;
        if (node instanceof DirectoryNode dir) {
            dir.parent = this;
            nlink++;
        }
        touch(now);
    }

    void remove(String name, long now) {
        Inode node = entries.remove(name);
        namesBySequence.remove(sequenceOfName.remove(name));
        node.nlink--;
        node.ctim = now;
        if (node instanceof DirectoryNode) {
            nlink--;
        }
        touch(now);
    }
}
