package org.rubyport.wasi.vfs;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A directory: named links to inodes, in name order so that listings are stable. */
public final class DirectoryNode extends Inode {
    private final TreeMap<String, Inode> entries = new TreeMap<>();
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

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    void put(String name, Inode node, long now) {
        entries.put(name, node);
        node.nlink++;
        if (node instanceof DirectoryNode dir) {
            dir.parent = this;
            nlink++;
        }
        touch(now);
    }

    void remove(String name, long now) {
        Inode node = entries.remove(name);
        node.nlink--;
        node.ctim = now;
        if (node instanceof DirectoryNode) {
            nlink--;
        }
        touch(now);
    }
}
