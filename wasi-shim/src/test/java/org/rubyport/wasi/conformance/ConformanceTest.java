package org.rubyport.wasi.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rubyport.wasi.Clock;
import org.rubyport.wasi.Host;
import org.rubyport.wasi.ProcExit;
import org.rubyport.wasi.WasiPreview1;
import org.rubyport.wasi.vfs.FileSpace;
import org.rubyport.wasi.vfs.HostFiles;
import org.rubyport.wasi.vfs.Vfs;

/**
 * Runs the C programs of conformance/c against {@link WasiPreview1}: each is compiled with clang-14 for
 * wasm32-wasi (into target/conformance), run by the Chicory interpreter with our runtime as its
 * wasi_snapshot_preview1, and its exit code and stdout compared with the expectations in its header:
 *
 * <pre>
 * // expect-exit: 0
 * // expect-stdout: first line
 * // expect-stdout: second line
 * // preopen: /           (optional, repeatable; default a single "/")
 * // file-space: 65536    (optional: the bytes the program's files may take; default FileSpace's)
 * // browser-only: reason (optional: skipped here, run only in Chromium by conformance.spec.mjs)
 * </pre>
 *
 * Each run gets a fresh, empty file system, the real clock, and a host that really sleeps.
 */
class ConformanceTest {
    private static final String CLANG = "clang-14";
    private static final String PACKAGES = "clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern EXIT = Pattern.compile("^//\\s*expect-exit:\\s*(-?\\d+)\\s*$");
    private static final Pattern STDOUT = Pattern.compile("^//\\s*expect-stdout: ?(.*)$");
    private static final Pattern PREOPEN = Pattern.compile("^//\\s*preopen:\\s*(\\S+)\\s*$");
    /** `// readonly: /path content`: the host writes the file, then makes its directory a read-only mount. */
    private static final Pattern READONLY = Pattern.compile("^//\\s*readonly:\\s*(\\S+) (.*)$");
    private static final Pattern FILE_SPACE = Pattern.compile("^//\\s*file-space:\\s*(\\d+)\\s*$");
    private static final Pattern BROWSER_ONLY = Pattern.compile("^//\\s*browser-only:\\s*(.+)$");

    /** The module directory (Surefire runs there and also passes basedir). */
    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path SOURCES = MODULE.resolve("../conformance/c").normalize();
    private static final Path OUTPUT = MODULE.resolve("target/conformance");

    /** What a program's header says it must do. */
    record Expectations(int exit, String stdout, List<String> preopens, List<String[]> readOnlyFiles,
            long fileSpace, String browserOnly) {
        static Expectations of(Path source) throws IOException {
            Integer exit = null;
            StringBuilder stdout = new StringBuilder();
            List<String> preopens = new ArrayList<>();
            List<String[]> readOnlyFiles = new ArrayList<>();
            long fileSpace = FileSpace.DEFAULT_LIMIT;
            String browserOnly = null;
            for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
                Matcher m;
                if ((m = EXIT.matcher(line)).matches()) {
                    exit = Integer.parseInt(m.group(1));
                } else if ((m = STDOUT.matcher(line)).matches()) {
                    stdout.append(m.group(1)).append('\n');
                } else if ((m = PREOPEN.matcher(line)).matches()) {
                    preopens.add(m.group(1));
                } else if ((m = READONLY.matcher(line)).matches()) {
                    readOnlyFiles.add(new String[] {m.group(1), m.group(2)});
                } else if ((m = FILE_SPACE.matcher(line)).matches()) {
                    fileSpace = Long.parseLong(m.group(1));
                } else if ((m = BROWSER_ONLY.matcher(line)).matches()) {
                    browserOnly = m.group(1);
                }
            }
            if (exit == null) {
                fail(source + " has no '// expect-exit: N' line");
            }
            return new Expectations(exit, stdout.toString(), preopens.isEmpty() ? List.of("/") : preopens,
                    readOnlyFiles, fileSpace, browserOnly);
        }
    }

    /** A host whose sleeps take real time (at least the time asked) and whose randomness is secure. */
    static final class RealHost implements Host {
        private final SecureRandom random = new SecureRandom();

        @Override public void randomBytes(byte[] bytes) {
            random.nextBytes(bytes);
        }

        @Override public void sleep(long nanos) {
            long deadline = System.nanoTime() + nanos;
            try {
                for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> programs() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(p -> p.getFileName().toString().endsWith(".c")).sorted()
                    .collect(Collectors.toList());
        }
        assertFalse(sources.isEmpty(), "no conformance programs in " + SOURCES);
        requireClang();
        Files.createDirectories(OUTPUT);
        return sources.stream().map(source -> DynamicTest.dynamicTest(
                source.getFileName().toString(), source.toUri(), () -> check(source)));
    }

    private static void requireClang() {
        try {
            Process p = new ProcessBuilder(CLANG, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() == 0) {
                return;
            }
        } catch (IOException e) {
            // not installed: fall through
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        fail(CLANG + " is needed to build the WASI conformance programs in " + SOURCES
                + "; on Debian/Ubuntu: apt-get install " + PACKAGES);
    }

    private static void check(Path source) throws Exception {
        Expectations expected = Expectations.of(source);
        Path wasm = compile(source); // built even when skipped here: conformance.spec.mjs runs it
        assumeTrue(expected.browserOnly() == null, () -> "browser-only: " + expected.browserOnly());
        assertTimeoutPreemptively(TIMEOUT, () -> {
            Run run = run(wasm, expected);
            assertEquals("exit " + expected.exit() + "\n" + expected.stdout(),
                    "exit " + run.exit() + "\n" + run.stdout(),
                    () -> source.getFileName() + (run.stderr().isEmpty() ? "" : ", stderr:\n" + run.stderr()));
        });
    }

    /** Builds source into target/conformance unless the module there is newer than it and check.h. */
    private static Path compile(Path source) throws IOException, InterruptedException {
        String name = source.getFileName().toString();
        Path wasm = OUTPUT.resolve(name.substring(0, name.length() - 2) + ".wasm");
        if (Files.exists(wasm)) {
            long built = Files.getLastModifiedTime(wasm).toMillis();
            Path header = SOURCES.resolve("check.h");
            if (built > Files.getLastModifiedTime(source).toMillis()
                    && (!Files.exists(header) || built > Files.getLastModifiedTime(header).toMillis())) {
                return wasm;
            }
        }
        List<String> command = new ArrayList<>(List.of(CLANG, "--target=wasm32-wasi", "-O2", "-Wall",
                "-fuse-ld=lld"));
        String sysroot = System.getenv("WASI_SYSROOT");
        if (sysroot != null && !sysroot.isEmpty()) {
            command.add("--sysroot=" + sysroot);
        }
        command.addAll(List.of("-o", wasm.toString(), source.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            Files.deleteIfExists(wasm);
            fail("compiling " + name + " failed (a missing sysroot or linker means some of " + PACKAGES
                    + " is not installed):\n" + String.join(" ", command) + "\n" + output);
        }
        return wasm;
    }

    record Run(int exit, String stdout, String stderr) {
    }

    /** Runs a command module from _start to its end or its proc_exit. */
    static Run run(Path wasm, Expectations setup) throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Vfs vfs = new Vfs(Clock.SYSTEM, new FileSpace(setup.fileSpace()));
        WasiPreview1.Builder builder = WasiPreview1.builder(vfs)
                .args(wasm.getFileName().toString())
                .stdout(stdout::write)
                .stderr(stderr::write)
                .clock(Clock.SYSTEM)
                .host(new RealHost());
        HostFiles files = new HostFiles(vfs);
        for (String name : setup.preopens()) {
            builder.preopen(name, name.equals("/") ? vfs.root() : files.makeDirectories(name));
        }
        for (String[] file : setup.readOnlyFiles()) {
            files.writeFile(file[0], file[1].getBytes(StandardCharsets.UTF_8));
            files.makeReadOnly(file[0].substring(0, file[0].lastIndexOf('/')));
        }
        WasiPreview1 wasi = builder.build();
        Instance instance = Instance.builder(Parser.parse(wasm))
                .withImportValues(ImportValues.builder().addFunction(WasiHostFunctions.of(wasi)).build())
                .withStart(false) // _start is called below, once the runtime sees the memory
                .build();
        wasi.attach(new ChicoryGuestMemory(instance.memory()));
        int exit = 0;
        try {
            instance.export("_start").apply();
        } catch (RuntimeException e) {
            ProcExit exited = procExit(e);
            if (exited == null) {
                throw e;
            }
            exit = exited.code;
        }
        return new Run(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** The ProcExit behind e, however the interpreter wrapped it, or null for a real failure. */
    private static ProcExit procExit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProcExit exited) {
                return exited;
            }
        }
        return null;
    }
}
