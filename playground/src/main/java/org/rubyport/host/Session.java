package org.rubyport.host;

import org.rubyport.wasi.WasiException;
import org.rubyport.wasi.WasiPreview1;
import org.rubyport.wasi.bundle.Bundle;
import org.rubyport.wasi.bundle.BundleException;
import org.rubyport.wasi.bundle.BundleMount;
import org.rubyport.wasi.vfs.FileSpace;
import org.rubyport.wasi.vfs.HostFiles;
import org.rubyport.wasi.vfs.Vfs;

/** One guest's WASI runtime in the page or worker: its file system, memory and output streams. */
final class Session {
    private final WasiPreview1 wasi;
    private final Vfs vfs;
    private final HostFiles files;
    /** The text sinks, which hold back an unfinished line; null with outputBytes. */
    private final LineSink stdout;
    private final LineSink stderr;
    private JsGuestMemory memory;

    Session(RuntimeOptions options) {
        BrowserHost host = new BrowserHost(this::flush);
        double fileSpace = options.getFileSpace();
        vfs = new Vfs(host, new FileSpace(fileSpace < 0 ? FileSpace.DEFAULT_LIMIT : (long) fileSpace));
        files = new HostFiles(vfs);
        boolean bytes = options.getOutputBytes();
        stdout = bytes ? null : new LineSink(options.getStdout(), options.getWriteThrough());
        stderr = bytes ? null : new LineSink(options.getStderr(), options.getWriteThrough());
        if (!bytes) {
            stdout.pairWith(stderr);
        }
        WasiPreview1.Builder builder = WasiPreview1.builder(vfs)
                .args(options.getArgs())
                .env(options.getEnv())
                .stdin(new JsInputSource(options.getStdin(), this::flush))
                .stdout(bytes ? new ByteSink(options.getStdoutBytes()) : stdout)
                .stderr(bytes ? new ByteSink(options.getStderrBytes()) : stderr)
                .host(host);
        try {
            // Ruby's Dir.tmpdir and Tempfile look for /tmp.
            files.makeDirectories("/tmp");
            for (String guestPath : options.getPreopens()) {
                builder.preopen(guestPath, files.makeDirectories(guestPath));
            }
        } catch (WasiException e) {
            throw new IllegalArgumentException("cannot preopen: " + e.errno, e);
        }
        wasi = builder.build();
    }

    void attach(WasmMemory wasmMemory) {
        memory = new JsGuestMemory(wasmMemory);
        wasi.attach(memory);
    }

    /** The runtime, with memory views brought up to date for a call from the guest. */
    WasiPreview1 enter() {
        if (memory == null) {
            throw new IllegalStateException("the module ran before JavaWasi had its memory: "
                    + "run it with start(instance) or initialize(instance), or call attach(instance) first");
        }
        memory.refresh();
        return wasi;
    }

    /** The file system as the host sees it, by absolute path. */
    HostFiles files() {
        return files;
    }

    /** Checks and mounts an app bundle; returns its manifest (JSON). */
    String mountBundle(byte[] bytes) throws BundleException {
        Bundle bundle = Bundle.read(bytes);
        BundleMount.mount(bundle, vfs);
        return bundle.manifestJson();
    }

    void flush() {
        if (stdout != null) {
            stdout.flush();
            stderr.flush();
        }
    }
}
