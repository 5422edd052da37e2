package org.rubyport.packer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.rubyport.wasi.bundle.BundleWriter;

/** The packer's command line: an app directory plus gem directories into one bundle file (.rpk). */
public final class Packer {
    private Packer() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Packs as args say (--help: the usage); returns the exit code (0 done, 1 I/O failure, 2 bad command line). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.print(PackOptions.USAGE);
            return 0;
        }
        try {
            PackOptions options = PackOptions.parse(args);
            Summary summary = pack(options);
            out.printf("packed %s: %d files, %d bytes of content, into %s (%d bytes)%n", options.name(), summary.files,
                    summary.contentBytes, options.out(), summary.bundleBytes);
            return 0;
        } catch (UsageException e) {
            err.println("packer: " + e.getMessage());
            err.print(PackOptions.USAGE);
            return 2;
        } catch (IOException e) {
            err.println("packer: " + e);
            return 1;
        }
    }

    record Summary(int files, long contentBytes, long bundleBytes) {
    }

    static Summary pack(PackOptions options) throws IOException, UsageException {
        BundleWriter writer = new BundleWriter(manifest(options));
        TreePacker trees = packTrees(options, writer);
        byte[] bundle = writer.toBytes();
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        Files.write(partial, bundle);
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Summary(trees.files, trees.bytes, bundle.length);
    }

    private static TreePacker packTrees(PackOptions options, BundleWriter writer) throws IOException, UsageException {
        TreePacker trees = new TreePacker(writer);
        writer.mount("/app", true);
        trees.add(options.app(), "/app");
        for (Map.Entry<String, Path> gem : options.gems().entrySet()) {
            writer.mount("/gems/" + gem.getKey(), false);
            trees.add(gem.getValue(), "/gems/" + gem.getKey());
        }
        return trees;
    }

    /** The manifest the browser reads: name, title, where the app is, its rackup file, load path, ENV and preloads. */
    static String manifest(PackOptions options) {
        Json json = new Json();
        json.field("format").number(1).field("name").string(options.name()).field("title").string(options.title())
                .field("root").string("/app").field("entry").string("/app/" + options.entry());
        json.field("loadPath").array(options.loadPath());
        json.field("env").object(options.env());
        json.field("preload").array(options.preload());
        json.field("mounts").raw("[{\"path\":\"/app\",\"writable\":true}");
        for (String gem : options.gems().keySet()) {
            json.raw(",{\"path\":").string("/gems/" + gem).raw(",\"writable\":false}");
        }
        json.raw("]");
        return json.end();
    }
}
