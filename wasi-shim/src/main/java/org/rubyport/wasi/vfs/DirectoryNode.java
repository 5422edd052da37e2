package org.rubyport.wasi.vfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rubyport.wasi.Errno;
import org.rubyport.wasi.WasiException;

/**
 * A directory: named links to inodes. Each link also gets a sequence number when it is made; listings
 * follow that order and resume from it, so a reader's position survives entries added or removed
 * meanwhile (fd_readdir cookies). Names are hashed rather than kept sorted: lookups are the hot path
 * and WASI promises no listing order.
 */
public final class DirectoryNode extends Inode {
    /** Sequence numbers 0 and 1 are `.` and `..` in listings. */
    public static final int FIRST_ENTRY_SEQUENCE = 2;

    /** One name in a directory, with its place in listings. */
    public static final class Link {
        public final String name;
        public final Inode node;
        public final int sequence;
        boolean unlinked;

        Link(String name, Inode node, int sequence) {
            this.name = name;
            this.node = node;
            this.sequence = sequence;
        }
    }

    private final HashMap<String, Link> byName = new HashMap<>();
    /** Links in sequence order; unlinked ones stay until {@link #compact} so positions hold meanwhile. */
    private Link[] inOrder = new Link[4];
    private int used;
    private int unlinkedCount;
    /** An int, not a long (a BigInt under TeaVM): 2^31 links made in one directory are out of reach. */
    private int nextSequence = FIRST_ENTRY_SEQUENCE;
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
        Link link = byName.get(name);
        return link == null ? null : link.node;
    }

    /** The entries in name order, as a read-only copy (for the host and tests, not the guest's hot path). */
    public SortedMap<String, Inode> entries() {
        TreeMap<String, Inode> sorted = new TreeMap<>();
        for (Link link : byName.values()) {
            sorted.put(link.name, link.node);
        }
        return Collections.unmodifiableSortedMap(sorted);
    }

    /** The inodes linked here, in no particular order. */
    public List<Inode> children() {
        List<Inode> nodes = new ArrayList<>(byName.size());
        for (Link link : byName.values()) {
            nodes.add(link.node);
        }
        return nodes;
    }

    /** The links whose sequence number is at least sequence, in the order they were made. */
    public Iterable<Link> listingFrom(long sequence) {
        int start = firstIndexFrom(sequence);
        return () -> new Iterator<>() {
            private int next = skipUnlinked(start);

            @Override public boolean hasNext() {
                return next < used;
            }

            @Override public Link next() {
                if (next >= used) {
                    throw new NoSuchElementException();
                }
                Link link = inOrder[next];
                next = skipUnlinked(next + 1);
                return link;
            }
        };
    }

    private int skipUnlinked(int index) {
        while (index < used && inOrder[index].unlinked) {
            index++;
        }
        return index;
    }

    /** The index of the first link with at least this sequence number (binary search: they are in order). */
    private int firstIndexFrom(long sequence) {
        int low = 0;
        int high = used;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (inOrder[mid].sequence < sequence) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * Fails with ENOENT once rmdir, or a rename over it, has taken the directory's name: a descriptor may
     * still hold it, but nothing can be made in it (Linux's rule; it would be unreachable otherwise).
     */
    void requireLinked() throws WasiException {
        if (isRemoved()) {
            throw Errno.NOENT.error();
        }
    }

    /** Whether rmdir, or a rename over it, has taken the directory's last name. */
    public boolean isRemoved() {
        return nlink == 0;
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    void put(String name, Inode node, long now) {
        Link link = new Link(name, node, nextSequence++);
        byName.put(name, link);
        if (used == inOrder.length) {
            compact();
        }
        inOrder[used++] = link;
        node.nlink++;
        if (node instanceof DirectoryNode dir) {
            dir.parent = this;
            nlink++;
        }
        touch(now);
    }

    void remove(String name, long now) {
        Link link = byName.remove(name);
        link.unlinked = true;
        unlinkedCount++;
        Inode node = link.node;
        node.nlink--;
        node.ctim = now;
        if (node.nlink == 0 && node instanceof FileNode file) {
            file.unlinked();
        }
        if (node instanceof DirectoryNode dir) {
            nlink--;
            if (dir.nlink == 1) {
                dir.nlink = 0; // its last name is gone, and its `.` with it, as Linux's fstat shows
            }
        }
        touch(now);
        if (unlinkedCount * 2 > used) {
            compact(); // also lets go of the removed inodes, so their content can be freed
        }
    }

    /** Drops unlinked links, then grows the array if it is still more than half full. */
    private void compact() {
        if (unlinkedCount > 0) {
            int kept = 0;
            for (int i = 0; i < used; i++) {
                if (!inOrder[i].unlinked) {
                    inOrder[kept++] = inOrder[i];
                }
            }
            Arrays.fill(inOrder, kept, used, null);
            used = kept;
            unlinkedCount = 0;
        }
        if (used * 2 > inOrder.length) {
            inOrder = Arrays.copyOf(inOrder, inOrder.length * 2);
        }
    }
}
