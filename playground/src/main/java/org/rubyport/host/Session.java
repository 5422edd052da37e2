package org.rubyport.host;

import java.util.List;
import org.rubyport.wasi.WasiException;
import org.rubyport.wasi.WasiPreview1;
import org.rubyport.wasi.vfs.Vfs;

/** One guest's WASI runtime in the page or worker: its file system, memory and output streams. */
final class Session {
    private final WasiPreview1 wasi;
    private final LineSink stdout;
    private final LineSink stderr;
    private JsGuestMemory memory;

    Session(RuntimeOptions options) {
        BrowserHost host = new BrowserHost();
        Vfs vfs = new Vfs(host);
        try {
            // Ruby's Dir.tmpdir and Tempfile look for /tmp.
            vfs.mkdir(vfs.lookUp(vfs.root(), vfs.root(), "tmp", false));
        } catch (WasiException e) {
            throw new IllegalStateException(e);
        }
        stdout = new LineSink(options.getStdout());
        stderr = new LineSink(options.getStderr());
        wasi = WasiPreview1.builder(vfs)
                .args(List.of(options.getArgs()))
                .env(List.of(options.getEnv()))
                .stdout(stdout)
                .stderr(stderr)
                .clock(host)
                .host(host)
                .preopen("/", vfs.root())
                .build();
    }

    void attach(WasmMemory wasmMemory) {
        memory = new JsGuestMemory(wasmMemory);
        wasi.attach(memory);
    }

    /** The runtime, with memory views brought up to date for a call from the guest. */
    WasiPreview1 enter() {
        memory.refresh();
        return wasi;
    }

    void flush() {
        stdout.flush();
        stderr.flush();
    }
}
