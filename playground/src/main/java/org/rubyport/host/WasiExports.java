package org.rubyport.host;

import java.util.Arrays;
import org.rubyport.wasi.WasiException;
import org.rubyport.wasi.WasiPreview1;
import org.rubyport.wasi.vfs.HostFiles;
import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * The ES module TeaVM builds (runtime.js), and the base of {@link AppRuntimeExports} (app-runtime.js).
 * Each WASI function is a static export taking the runtime's handle first: exported statics cost a few ns
 * per call, instance methods ~200 ns (see DESIGN.md), and every guest syscall crosses here. java-wasi.js
 * binds the handle to build the guest's import object.
 */
public class WasiExports {
    static Session[] runtimes = new Session[4];
    private static int count;

    WasiExports() {
    }

    /** Creates a runtime over a fresh file system with the given preopens; returns its handle. */
    @JSExport
    public static int create(RuntimeOptions options) {
        Session runtime = new Session(options);
        if (count == runtimes.length) {
            runtimes = Arrays.copyOf(runtimes, count * 2);
        }
        runtimes[count] = runtime;
        return count++;
    }

    /**
     * Lets runtime h go, its files and memory with it. Handles are not reused, so a module still calling
     * with h gets a clear error rather than another runtime's files.
     */
    @JSExport
    public static void dispose(int h) {
        runtimes[h] = null;
    }

    /** Gives runtime h the guest's WebAssembly.Memory, once the module is instantiated. */
    @JSExport
    public static void attachMemory(int h, WasmMemory memory) {
        runtimes[h].attach(memory);
    }

    /** Passes on output still held back waiting for a newline. */
    @JSExport
    public static void flush(int h) {
        runtimes[h].flush();
    }

    /** A change the host makes to the file system. */
    @FunctionalInterface
    private interface FileChange {
        void apply(HostFiles files) throws WasiException;
    }

    /** Applies change to runtime h's files; returns an errno code, 0 on success. */
    private static int change(int h, FileChange change) {
        try {
            change.apply(runtimes[h].files());
            return 0;
        } catch (WasiException e) {
            return e.errno.code;
        }
    }

    /** Writes a whole file at an absolute VFS path, creating parents; returns an errno code. */
    @JSExport
    public static int writeFile(int h, String path, Int8Array data) {
        return change(h, files -> files.writeFile(path, data.copyToJavaArray()));
    }

    /** Creates a directory and its parents at an absolute VFS path; returns an errno code. */
    @JSExport
    public static int makeDirectories(int h, String path) {
        return change(h, files -> files.makeDirectories(path));
    }

    /** Makes an absolute VFS path and all below it read-only to the guest, as a mount; returns an errno code. */
    @JSExport
    public static int makeReadOnly(int h, String path) {
        return change(h, files -> files.makeReadOnly(path));
    }

    /** The content of the file at an absolute VFS path, or null when there is none. */
    @JSExport
    public static Int8Array readFile(int h, String path) {
        try {
            return Int8Array.fromJavaArray(runtimes[h].files().readFile(path));
        } catch (WasiException e) {
            return null;
        }
    }

    private static WasiPreview1 enter(int h) {
        Session runtime = runtimes[h];
        if (runtime == null) {
            throw new IllegalStateException("the module called a JavaWasi that was disposed");
        }
        return runtime.enter();
    }

    @JSExport
    public static int argsGet(int h, int argvPtr, int bufPtr) {
        return enter(h).argsGet(argvPtr, bufPtr);
    }

    @JSExport
    public static int argsSizesGet(int h, int countPtr, int sizePtr) {
        return enter(h).argsSizesGet(countPtr, sizePtr);
    }

    @JSExport
    public static int environGet(int h, int environPtr, int bufPtr) {
        return enter(h).environGet(environPtr, bufPtr);
    }

    @JSExport
    public static int environSizesGet(int h, int countPtr, int sizePtr) {
        return enter(h).environSizesGet(countPtr, sizePtr);
    }

    @JSExport
    public static int clockResGet(int h, int clockId, int resolutionPtr) {
        return enter(h).clockResGet(clockId, resolutionPtr);
    }

    @JSExport
    public static int clockTimeGet(int h, int clockId, long precision, int timePtr) {
        return enter(h).clockTimeGet(clockId, precision, timePtr);
    }

    @JSExport
    public static int randomGet(int h, int bufPtr, int len) {
        return enter(h).randomGet(bufPtr, len);
    }

    @JSExport
    public static int fdAdvise(int h, int fd, long offset, long len, int advice) {
        return enter(h).fdAdvise(fd, offset, len, advice);
    }

    @JSExport
    public static int fdAllocate(int h, int fd, long offset, long len) {
        return enter(h).fdAllocate(fd, offset, len);
    }

    @JSExport
    public static int fdClose(int h, int fd) {
        return enter(h).fdClose(fd);
    }

    @JSExport
    public static int fdDatasync(int h, int fd) {
        return enter(h).fdDatasync(fd);
    }

    @JSExport
    public static int fdSync(int h, int fd) {
        return enter(h).fdSync(fd);
    }

    @JSExport
    public static int fdFdstatGet(int h, int fd, int statPtr) {
        return enter(h).fdFdstatGet(fd, statPtr);
    }

    @JSExport
    public static int fdFdstatSetFlags(int h, int fd, int flags) {
        return enter(h).fdFdstatSetFlags(fd, flags);
    }

    @JSExport
    public static int fdFdstatSetRights(int h, int fd, long rightsBase, long rightsInheriting) {
        return enter(h).fdFdstatSetRights(fd, rightsBase, rightsInheriting);
    }

    @JSExport
    public static int fdFilestatGet(int h, int fd, int statPtr) {
        return enter(h).fdFilestatGet(fd, statPtr);
    }

    @JSExport
    public static int fdFilestatSetSize(int h, int fd, long size) {
        return enter(h).fdFilestatSetSize(fd, size);
    }

    @JSExport
    public static int fdFilestatSetTimes(int h, int fd, long atim, long mtim, int fstFlags) {
        return enter(h).fdFilestatSetTimes(fd, atim, mtim, fstFlags);
    }

    @JSExport
    public static int fdPread(int h, int fd, int iovsPtr, int iovsLen, long offset, int nreadPtr) {
        return enter(h).fdPread(fd, iovsPtr, iovsLen, offset, nreadPtr);
    }

    @JSExport
    public static int fdPwrite(int h, int fd, int iovsPtr, int iovsLen, long offset, int nwrittenPtr) {
        return enter(h).fdPwrite(fd, iovsPtr, iovsLen, offset, nwrittenPtr);
    }

    @JSExport
    public static int fdRead(int h, int fd, int iovsPtr, int iovsLen, int nreadPtr) {
        return enter(h).fdRead(fd, iovsPtr, iovsLen, nreadPtr);
    }

    @JSExport
    public static int fdWrite(int h, int fd, int iovsPtr, int iovsLen, int nwrittenPtr) {
        return enter(h).fdWrite(fd, iovsPtr, iovsLen, nwrittenPtr);
    }

    @JSExport
    public static int fdPrestatGet(int h, int fd, int prestatPtr) {
        return enter(h).fdPrestatGet(fd, prestatPtr);
    }

    @JSExport
    public static int fdPrestatDirName(int h, int fd, int pathPtr, int pathLen) {
        return enter(h).fdPrestatDirName(fd, pathPtr, pathLen);
    }

    @JSExport
    public static int fdReaddir(int h, int fd, int bufPtr, int bufLen, long cookie, int bufusedPtr) {
        return enter(h).fdReaddir(fd, bufPtr, bufLen, cookie, bufusedPtr);
    }

    @JSExport
    public static int fdRenumber(int h, int from, int to) {
        return enter(h).fdRenumber(from, to);
    }

    @JSExport
    public static int fdSeek(int h, int fd, long offset, int whence, int newOffsetPtr) {
        return enter(h).fdSeek(fd, offset, whence, newOffsetPtr);
    }

    @JSExport
    public static int fdTell(int h, int fd, int offsetPtr) {
        return enter(h).fdTell(fd, offsetPtr);
    }

    @JSExport
    public static int pathCreateDirectory(int h, int fd, int pathPtr, int pathLen) {
        return enter(h).pathCreateDirectory(fd, pathPtr, pathLen);
    }

    @JSExport
    public static int pathFilestatGet(int h, int fd, int flags, int pathPtr, int pathLen, int statPtr) {
        return enter(h).pathFilestatGet(fd, flags, pathPtr, pathLen, statPtr);
    }

    @JSExport
    public static int pathFilestatSetTimes(int h, int fd, int flags, int pathPtr, int pathLen, long atim, long mtim, int fstFlags) {
        return enter(h).pathFilestatSetTimes(fd, flags, pathPtr, pathLen, atim, mtim, fstFlags);
    }

    @JSExport
    public static int pathLink(int h, int oldFd, int oldFlags, int oldPathPtr, int oldPathLen, int newFd, int newPathPtr, int newPathLen) {
        return enter(h).pathLink(oldFd, oldFlags, oldPathPtr, oldPathLen, newFd, newPathPtr, newPathLen);
    }

    @JSExport
    public static int pathOpen(int h, int fd, int dirFlags, int pathPtr, int pathLen, int oflags, long rightsBase, long rightsInheriting, int fdFlags, int openedFdPtr) {
        return enter(h).pathOpen(fd, dirFlags, pathPtr, pathLen, oflags, rightsBase, rightsInheriting, fdFlags, openedFdPtr);
    }

    @JSExport
    public static int pathReadlink(int h, int fd, int pathPtr, int pathLen, int bufPtr, int bufLen, int bufusedPtr) {
        return enter(h).pathReadlink(fd, pathPtr, pathLen, bufPtr, bufLen, bufusedPtr);
    }

    @JSExport
    public static int pathRemoveDirectory(int h, int fd, int pathPtr, int pathLen) {
        return enter(h).pathRemoveDirectory(fd, pathPtr, pathLen);
    }

    @JSExport
    public static int pathRename(int h, int fd, int oldPathPtr, int oldPathLen, int newFd, int newPathPtr, int newPathLen) {
        return enter(h).pathRename(fd, oldPathPtr, oldPathLen, newFd, newPathPtr, newPathLen);
    }

    @JSExport
    public static int pathSymlink(int h, int oldPathPtr, int oldPathLen, int fd, int newPathPtr, int newPathLen) {
        return enter(h).pathSymlink(oldPathPtr, oldPathLen, fd, newPathPtr, newPathLen);
    }

    @JSExport
    public static int pathUnlinkFile(int h, int fd, int pathPtr, int pathLen) {
        return enter(h).pathUnlinkFile(fd, pathPtr, pathLen);
    }

    @JSExport
    public static int pollOneoff(int h, int inPtr, int outPtr, int nsubscriptions, int neventsPtr) {
        return enter(h).pollOneoff(inPtr, outPtr, nsubscriptions, neventsPtr);
    }

    @JSExport
    public static int procRaise(int h, int signal) {
        return enter(h).procRaise(signal);
    }

    @JSExport
    public static int schedYield(int h) {
        return enter(h).schedYield();
    }

    @JSExport
    public static int sockAccept(int h, int fd, int flags, int fdPtr) {
        return enter(h).sockAccept(fd, flags, fdPtr);
    }

    @JSExport
    public static int sockRecv(int h, int fd, int riDataPtr, int riDataLen, int riFlags, int roDataLenPtr, int roFlagsPtr) {
        return enter(h).sockRecv(fd, riDataPtr, riDataLen, riFlags, roDataLenPtr, roFlagsPtr);
    }

    @JSExport
    public static int sockSend(int h, int fd, int siDataPtr, int siDataLen, int siFlags, int soDataLenPtr) {
        return enter(h).sockSend(fd, siDataPtr, siDataLen, siFlags, soDataLenPtr);
    }

    @JSExport
    public static int sockShutdown(int h, int fd, int how) {
        return enter(h).sockShutdown(fd, how);
    }
}
