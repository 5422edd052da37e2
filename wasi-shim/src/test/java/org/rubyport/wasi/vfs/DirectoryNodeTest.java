package org.rubyport.wasi.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryNodeTest {
    @Test
    void aLoneDirectoryIsItsOwnParent() {
        DirectoryNode dir = new DirectoryNode(1, 0);
        assertSame(dir, dir.parent());
        assertTrue(dir.isEmpty());
        assertEquals(Filetype.DIRECTORY, dir.filetype());
        assertEquals(4096, dir.size());
    }

    @Test
    void putAndRemoveKeepParentsAndLinkCounts() {
        DirectoryNode parent = new DirectoryNode(1, 0);
        int parentLinks = parent.nlink();
        DirectoryNode child = new DirectoryNode(2, 0);
        FileNode file = new FileNode(3, 0, new FileSpace(FileSpace.DEFAULT_LIMIT));
        parent.put("child", child, 10);
        parent.put("file", file, 11);
        assertSame(parent, child.parent());
        assertEquals(parentLinks + 1, parent.nlink(), "the child's `..` links the parent");
        assertEquals(2, child.nlink(), "a named empty directory: its name and its `.`");
        assertEquals(1, file.nlink());
        assertEquals(11, parent.mtim());

        parent.put("again", file, 12);
        assertEquals(2, file.nlink());
        parent.remove("file", 13);
        assertEquals(1, file.nlink());
        assertEquals(13, file.ctim(), "losing a name changes the inode");
        parent.remove("child", 14);
        assertEquals(parentLinks, parent.nlink());
        assertEquals(List.of("again"), List.copyOf(parent.entries().keySet()));
    }

    @Test
    void entriesAreSortedAndReadOnly() {
        DirectoryNode dir = new DirectoryNode(1, 0);
        for (String name : new String[] {"b", "a", "c", "B"}) {
            dir.put(name, new FileNode(name.hashCode(), 0, new FileSpace(FileSpace.DEFAULT_LIMIT)), 0);
        }
        assertEquals(List.of("B", "a", "b", "c"), List.copyOf(dir.entries().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> dir.entries().clear());
        assertEquals(4, dir.entries().size());
    }

    @Test
    void listingsResumeBySequenceThroughRemovalsAndCompaction() {
        DirectoryNode dir = new DirectoryNode(1, 0);
        for (int i = 0; i < 100; i++) {
            dir.put("f" + i, new FileNode(10 + i, 0, new FileSpace(FileSpace.DEFAULT_LIMIT)), 0);
        }
        int resumeAt = listed(dir, 0).get(50).sequence;
        for (int i = 0; i < 100; i += 3) {
            dir.remove("f" + i, 0); // 34 removals: unlinked links are dropped once they are over half
        }
        for (int i = 1; i < 100; i += 3) {
            dir.remove("f" + i, 0);
        }
        dir.put("late", new FileNode(999, 0, new FileSpace(FileSpace.DEFAULT_LIMIT)), 0);
        List<String> names = listed(dir, resumeAt).stream().map(link -> link.name).toList();
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 50; i < 100; i++) {
            if (i % 3 == 2) {
                expected.add("f" + i);
            }
        }
        expected.add("late");
        assertEquals(expected, names, "the survivors from the resumed place on, then the new name");
        assertEquals(34, listed(dir, 0).size());
        assertEquals(List.of(), listed(dir, Long.MAX_VALUE), "a cookie past the end lists nothing");
    }

    private static List<DirectoryNode.Link> listed(DirectoryNode dir, long from) {
        List<DirectoryNode.Link> links = new java.util.ArrayList<>();
        dir.listingFrom(from).forEach(links::add);
        return links;
    }
}
