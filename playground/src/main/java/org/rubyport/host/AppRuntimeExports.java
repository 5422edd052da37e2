package org.rubyport.host;

import org.rubyport.wasi.bundle.BundleException;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The service worker's build of the runtime (app-runtime.js): the WASI runtime of {@link WasiExports}, whose
 * exports TeaVM puts on the module's WasiExports object, plus mounting app bundles. Pages that only run
 * Ruby load runtime.js, which leaves the bundle reader and its checks out (about 3 KiB gzipped).
 */
public final class AppRuntimeExports extends WasiExports {
    private AppRuntimeExports() {
    }

    /**
     * Checks an app bundle and mounts it into runtime h's files: returns [manifest JSON, null], or
     * [null, a message saying what is wrong with the bundle].
     */
    @JSExport
    public static String[] mountBundle(int h, Int8Array bytes) {
        try {
            return new String[] {runtimes[h].mountBundle(bytes.copyToJavaArray()), null};
        } catch (BundleException e) {
            return new String[] {null, e.getMessage()};
        }
    }
}
