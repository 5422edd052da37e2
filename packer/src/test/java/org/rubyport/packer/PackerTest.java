package org.rubyport.packer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rubyport.wasi.bundle.Bundle;
import org.rubyport.wasi.bundle.Entry;
import org.rubyport.wasi.bundle.MountPoint;

class PackerTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Packer.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path app() throws Exception {
        Path app = dir.resolve("app");
        Files.createDirectories(app.resolve("views"));
        Files.createDirectories(app.resolve("public/empty"));
        Files.createDirectories(app.resolve(".git"));
        Files.writeString(app.resolve("config.ru"), "run App");
        Files.writeString(app.resolve("views/ünï.erb"), "<%= 1 %>");
        Files.writeString(app.resolve(".git/HEAD"), "ref");
        Files.createSymbolicLink(app.resolve("rackup"), Path.of("config.ru"));
        Path gem = dir.resolve("rack-2.2/lib");
        Files.createDirectories(gem);
        Files.writeString(gem.resolve("rack.rb"), "module Rack; end");
        return app;
    }

    @Test
    void packsTheAppAndGemsIntoABundleTheReaderAccepts() throws Exception {
        Path app = app();
        Path bundleFile = dir.resolve("out/demo.rpk");
        int code = run("--name", "demo", "--title", "The \"demo\"", "--app", app.toString(), "--gem",
                "rack=" + dir.resolve("rack-2.2"), "--load-path", "/gems/rack/lib", "--env", "RACK_ENV=production",
                "--preload", "rack", "--preload", "rack/builder", "--out", bundleFile.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("packed demo: 3 files"), out.toString());
        Bundle bundle = Bundle.read(Files.readAllBytes(bundleFile));
        assertEquals("{\"format\":1,\"name\":\"demo\",\"title\":\"The \\\"demo\\\"\",\"root\":\"/app\","
                + "\"entry\":\"/app/config.ru\",\"loadPath\":[\"/gems/rack/lib\"],\"env\":{\"RACK_ENV\":\"production\"},"
                + "\"preload\":[\"rack\",\"rack/builder\"],\"mounts\":[{\"path\":\"/app\",\"writable\":true},{\"path\":\"/gems/rack\",\"writable\":false}]}",
                bundle.manifestJson());
        assertEquals(List.of(new MountPoint("/app", true), new MountPoint("/gems/rack", false)), bundle.mounts());
        List<String> paths = bundle.entries().stream().map(Entry::path).toList();
        assertEquals(List.of("/app/config.ru", "/app/public", "/app/public/empty", "/app/rackup", "/app/views",
                "/app/views/ünï.erb", "/gems/rack/lib", "/gems/rack/lib/rack.rb"), paths);
        assertEquals("config.ru", bundle.entries().get(3).target());
        assertFalse(Files.exists(dir.resolve("out/demo.rpk.partial")));
    }

    @Test
    void symlinksLeavingTheTreeAreRefused() throws Exception {
        Path app = app();
        Files.createSymbolicLink(app.resolve("secret"), Path.of("../../etc/passwd"));
        assertEquals(2, run("--name", "demo", "--app", app.toString(), "--out", dir.resolve("x.rpk").toString()));
        assertTrue(err.toString().contains("outside"), err.toString());
        assertFalse(Files.exists(dir.resolve("x.rpk")));
    }

    @Test
    void badCommandLinesExitWith2AndSayWhatToChange() throws Exception {
        Path app = app();
        String target = dir.resolve("x.rpk").toString();
        String[][] cases = {
            {},
            {"--name", "Demo", "--app", app.toString(), "--out", target},
            {"--name", "demo", "--app", dir.resolve("missing").toString(), "--out", target},
            {"--name", "demo", "--app", app.toString(), "--out", target, "--entry", "nope.ru"},
            {"--name", "demo", "--app", app.toString(), "--out", target, "--gem", "rack"},
            {"--name", "demo", "--app", app.toString(), "--out", target, "--frobnicate", "x"},
            {"--name"},
        };
        String[] expected = {"required", "lower-case", "not a directory", "not a file", "NAME=VALUE", "unknown option",
            "needs a value"};
        for (int i = 0; i < cases.length; i++) {
            err.reset();
            assertEquals(2, run(cases[i]), String.join(" ", cases[i]));
            assertTrue(err.toString().contains(expected[i]), err.toString());
            assertTrue(err.toString().contains("usage: java -jar packer.jar"));
        }
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().startsWith("usage: java -jar packer.jar"), out.toString());
        assertEquals("", err.toString());
    }
}
