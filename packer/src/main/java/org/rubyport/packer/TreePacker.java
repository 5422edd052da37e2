package org.rubyport.packer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.rubyport.wasi.bundle.BundleWriter;

/** Adds a directory tree to a bundle under a mount point, in a stable order, parents before children. */
final class TreePacker {
    /** Version-control directories: never part of an app. */
    private static final List<String> SKIPPED = List.of(".git", ".hg", ".svn");

    private final BundleWriter writer;
    int files;
    long bytes;

    TreePacker(BundleWriter writer) {
        this.writer = writer;
    }

    void add(Path root, String mountPoint) throws IOException, UsageException {
        Path base = root.toAbsolutePath().normalize();
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path path : walk.sorted().toList()) {
                if (path.equals(base) || skipped(base, path)) {
                    continue;
                }
                String target = mountPoint + "/" + base.relativize(path).toString().replace('\\', '/');
                if (Files.isSymbolicLink(path)) {
                    writer.symlink(target, linkTarget(base, path));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    writer.directory(target);
                } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] content = Files.readAllBytes(path);
                    writer.file(target, content);
                    files++;
                    bytes += content.length;
                }
            }
        }
    }

    private static boolean skipped(Path base, Path path) {
        for (Path part : base.relativize(path)) {
            if (SKIPPED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The link's target, which must be relative and stay inside the tree (the bundle has nothing else). */
    private static String linkTarget(Path base, Path link) throws IOException, UsageException {
        Path target = Files.readSymbolicLink(link);
        Path resolved = link.getParent().resolve(target).normalize();
        if (target.isAbsolute() || !resolved.startsWith(base)) {
            throw new UsageException("the symlink " + link + " points to " + target + ", outside " + base
                    + "; replace it with the file it points to");
        }
        return target.toString().replace('\\', '/');
    }
}
