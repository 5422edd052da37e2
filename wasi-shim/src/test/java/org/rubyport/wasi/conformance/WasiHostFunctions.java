package org.rubyport.wasi.conformance;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.rubyport.wasi.WasiPreview1;

/**
 * The 46 imports of wasi_snapshot_preview1 as Chicory host functions, each calling our
 * {@link WasiPreview1}. Signatures are spelled out from the spec ('i' for i32, 'I' for i64), so a Java
 * method whose parameters drifted from the spec shows up as a link error rather than going unnoticed.
 */
final class WasiHostFunctions {
    private static final String MODULE = "wasi_snapshot_preview1";

    private final WasiPreview1 w;
    private final List<HostFunction> functions = new ArrayList<>();

    private WasiHostFunctions(WasiPreview1 wasi) {
        this.w = wasi;
    }

    static HostFunction[] of(WasiPreview1 wasi) {
        return new WasiHostFunctions(wasi).all();
    }

    private static int i(long value) {
        return (int) value;
    }

    /** Adds an import that takes the given parameters and returns an errno (i32). */
    private void add(String name, String params, ToIntFunction<long[]> call) {
        List<ValType> types = new ArrayList<>();
        for (char c : params.toCharArray()) {
            types.add(c == 'I' ? ValType.I64 : ValType.I32);
        }
        functions.add(new HostFunction(MODULE, name, FunctionType.of(types, List.of(ValType.I32)),
                (instance, a) -> new long[] {call.applyAsInt(a)}));
    }

    private HostFunction[] all() {
        add("args_get", "ii", a -> w.argsGet(i(a[0]), i(a[1])));
        add("args_sizes_get", "ii", a -> w.argsSizesGet(i(a[0]), i(a[1])));
        add("environ_get", "ii", a -> w.environGet(i(a[0]), i(a[1])));
        add("environ_sizes_get", "ii", a -> w.environSizesGet(i(a[0]), i(a[1])));
        add("clock_res_get", "ii", a -> w.clockResGet(i(a[0]), i(a[1])));
        add("clock_time_get", "iIi", a -> w.clockTimeGet(i(a[0]), a[1], i(a[2])));
        add("fd_advise", "iIIi", a -> w.fdAdvise(i(a[0]), a[1], a[2], i(a[3])));
        add("fd_allocate", "iII", a -> w.fdAllocate(i(a[0]), a[1], a[2]));
        add("fd_close", "i", a -> w.fdClose(i(a[0])));
        add("fd_datasync", "i", a -> w.fdDatasync(i(a[0])));
        add("fd_fdstat_get", "ii", a -> w.fdFdstatGet(i(a[0]), i(a[1])));
        add("fd_fdstat_set_flags", "ii", a -> w.fdFdstatSetFlags(i(a[0]), i(a[1])));
        add("fd_fdstat_set_rights", "iII", a -> w.fdFdstatSetRights(i(a[0]), a[1], a[2]));
        add("fd_filestat_get", "ii", a -> w.fdFilestatGet(i(a[0]), i(a[1])));
        add("fd_filestat_set_size", "iI", a -> w.fdFilestatSetSize(i(a[0]), a[1]));
        add("fd_filestat_set_times", "iIIi", a -> w.fdFilestatSetTimes(i(a[0]), a[1], a[2], i(a[3])));
        add("fd_pread", "iiiIi", a -> w.fdPread(i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4])));
        add("fd_prestat_get", "ii", a -> w.fdPrestatGet(i(a[0]), i(a[1])));
        add("fd_prestat_dir_name", "iii", a -> w.fdPrestatDirName(i(a[0]), i(a[1]), i(a[2])));
        add("fd_pwrite", "iiiIi", a -> w.fdPwrite(i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4])));
        add("fd_read", "iiii", a -> w.fdRead(i(a[0]), i(a[1]), i(a[2]), i(a[3])));
        add("fd_readdir", "iiiIi", a -> w.fdReaddir(i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4])));
        add("fd_renumber", "ii", a -> w.fdRenumber(i(a[0]), i(a[1])));
        add("fd_seek", "iIii", a -> w.fdSeek(i(a[0]), a[1], i(a[2]), i(a[3])));
        add("fd_sync", "i", a -> w.fdSync(i(a[0])));
        add("fd_tell", "ii", a -> w.fdTell(i(a[0]), i(a[1])));
        add("fd_write", "iiii", a -> w.fdWrite(i(a[0]), i(a[1]), i(a[2]), i(a[3])));
        add("path_create_directory", "iii", a -> w.pathCreateDirectory(i(a[0]), i(a[1]), i(a[2])));
        add("path_filestat_get", "iiiii",
                a -> w.pathFilestatGet(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4])));
        add("path_filestat_set_times", "iiiiIIi",
                a -> w.pathFilestatSetTimes(i(a[0]), i(a[1]), i(a[2]), i(a[3]), a[4], a[5], i(a[6])));
        add("path_link", "iiiiiii",
                a -> w.pathLink(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]), i(a[6])));
        add("path_open", "iiiiiIIii",
                a -> w.pathOpen(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), a[5], a[6], i(a[7]), i(a[8])));
        add("path_readlink", "iiiiii",
                a -> w.pathReadlink(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5])));
        add("path_remove_directory", "iii", a -> w.pathRemoveDirectory(i(a[0]), i(a[1]), i(a[2])));
        add("path_rename", "iiiiii",
                a -> w.pathRename(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5])));
        add("path_symlink", "iiiii", a -> w.pathSymlink(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4])));
        add("path_unlink_file", "iii", a -> w.pathUnlinkFile(i(a[0]), i(a[1]), i(a[2])));
        add("poll_oneoff", "iiii", a -> w.pollOneoff(i(a[0]), i(a[1]), i(a[2]), i(a[3])));
        // proc_exit returns nothing; WasiPreview1.procExit throws ProcExit, which unwinds the guest.
        functions.add(new HostFunction(MODULE, "proc_exit", FunctionType.of(List.of(ValType.I32), List.of()),
                (instance, a) -> {
                    w.procExit(i(a[0]));
                    return null;
                }));
        add("proc_raise", "i", a -> w.procRaise(i(a[0])));
        add("sched_yield", "", a -> w.schedYield());
        add("random_get", "ii", a -> w.randomGet(i(a[0]), i(a[1])));
        add("sock_accept", "iii", a -> w.sockAccept(i(a[0]), i(a[1]), i(a[2])));
        add("sock_recv", "iiiiii", a -> w.sockRecv(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5])));
        add("sock_send", "iiiii", a -> w.sockSend(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4])));
        add("sock_shutdown", "ii", a -> w.sockShutdown(i(a[0]), i(a[1])));
        return functions.toArray(HostFunction[]::new);
    }
}
