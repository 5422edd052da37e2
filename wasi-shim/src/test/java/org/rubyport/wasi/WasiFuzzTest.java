package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rubyport.wasi.vfs.DirectoryNode;
import org.rubyport.wasi.vfs.FileNode;
import org.rubyport.wasi.vfs.Inode;
import org.rubyport.wasi.vfs.Lookup;
import org.rubyport.wasi.vfs.Vfs;

/**
 * Hostile guest: every public WASI function, called with random arguments (bad pointers, negative and
 * huge lengths, bad descriptors, malformed paths) from a fixed seed. No exception may escape (apart
 * from ProcExit from proc_exit), every result must be an errno, and afterwards the VFS must still be a
 * well-formed tree with nothing outside the preopen touched.
 *
 * <p>Reproduce a failure with {@code mvn -pl wasi-shim test -Dtest=WasiFuzzTest -Dwasi.fuzz.seed=N}.
 */
class WasiFuzzTest {
    private static final long SEED = Long.getLong("wasi.fuzz.seed", 0x5EEDL);
    private static final int CALLS = 200_000;
    /** Each epoch starts a fresh runtime (fresh descriptors) over the same, accumulating VFS. */
    private static final int EPOCH = 1_000;
    private static final int MEMORY = 1 << 16;

    /**
     * One letter per parameter: f fd, g fd that is rarely the preopen (for close, renumber and set-rights,
     * which would otherwise leave little to work with), F flags, p/n path pointer and its length, i/c iovec array and its
     * count, b/l buffer and its length, o out-pointer, S subscriptions (count in the following c), E event
     * buffer, L offset or size, R rights, w whence or advice, C clock id, x any int.
     */
    private static final Map<String, String> SHAPES = Map.ofEntries(
            Map.entry("argsGet", "oo"), Map.entry("argsSizesGet", "oo"),
            Map.entry("environGet", "oo"), Map.entry("environSizesGet", "oo"),
            Map.entry("clockResGet", "Co"), Map.entry("clockTimeGet", "CLo"),
            Map.entry("randomGet", "bl"),
            Map.entry("fdAdvise", "fLLw"), Map.entry("fdAllocate", "fLL"), Map.entry("fdClose", "g"),
            Map.entry("fdDatasync", "f"), Map.entry("fdSync", "f"),
            Map.entry("fdFdstatGet", "fo"), Map.entry("fdFdstatSetFlags", "fF"),
            Map.entry("fdFdstatSetRights", "gRR"), Map.entry("fdFilestatGet", "fo"),
            Map.entry("fdFilestatSetSize", "fL"), Map.entry("fdFilestatSetTimes", "fLLF"),
            Map.entry("fdPread", "ficLo"), Map.entry("fdPwrite", "ficLo"),
            Map.entry("fdRead", "fico"), Map.entry("fdWrite", "fico"),
            Map.entry("fdPrestatGet", "fo"), Map.entry("fdPrestatDirName", "fbl"),
            Map.entry("fdReaddir", "fblLo"), Map.entry("fdRenumber", "gg"),
            Map.entry("fdSeek", "fLwo"), Map.entry("fdTell", "fo"),
            Map.entry("pathCreateDirectory", "fpn"), Map.entry("pathFilestatGet", "fFpno"),
            Map.entry("pathFilestatSetTimes", "fFpnLLF"), Map.entry("pathLink", "fFpnfpn"),
            Map.entry("pathOpen", "fFpnFRRFo"), Map.entry("pathReadlink", "fpnblo"),
            Map.entry("pathRemoveDirectory", "fpn"), Map.entry("pathRename", "fpnfpn"),
            Map.entry("pathSymlink", "pnfpn"), Map.entry("pathUnlinkFile", "fpn"),
            Map.entry("pollOneoff", "SEco"),
            Map.entry("procExit", "x"), Map.entry("procRaise", "x"), Map.entry("schedYield", ""),
            Map.entry("sockAccept", "fFo"), Map.entry("sockRecv", "ficFoo"),
            Map.entry("sockSend", "ficFo"), Map.entry("sockShutdown", "fx"));

    /** Path components; those from ESCAPING on lead out of the preopen or are empty. */
    private static final String[] NAMES = {"a", "b", "c", "a/b", "file.txt", "file.txt", "a/f", "f", "new", "ü", "日本",
        ".", "link", "abs", "loop", "dangling", "dlink", "outside.txt", "sandbox", "..", "esc", "up", ""};
    private static final int ESCAPING = 19;
    private static final byte[][] BAD_BYTES = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0,
        (byte) 0x80}, {(byte) 0xE6, (byte) 0x97}, {0}, {'a', 0, 'b'}};
    /**
     * Offsets and sizes. Sizes between 16 MiB and FileNode.MAX_SIZE are left out on purpose: they are
     * legal, so the shim would really allocate up to 2 GiB per call (see the report on memory limits).
     */
    private static final long[] LONGS = {0, 1, 2, 7, 100, 4096, 65_535, 1 << 20, -1, -4096, Long.MIN_VALUE,
        Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - 4095, Integer.MAX_VALUE, FileNode.MAX_SIZE + 1,
        1L << 32, 1L << 62, -(1L << 62)};
    private static final long[] RIGHTS = {0, -1, Rights.REGULAR_FILE, Rights.DIRECTORY, Rights.DIRECTORY_INHERITING,
        Rights.FD_READ, Rights.FD_WRITE, Rights.FD_READ | Rights.FD_WRITE, Rights.PATH_OPEN};

    private final Random random = new Random(SEED);
    private final FakeClock clock = new FakeClock();
    private final FakeHost host = new FakeHost();
    private final Vfs vfs = new Vfs(clock);
    private final ByteArrayGuestMemory memory = new ByteArrayGuestMemory(MEMORY);
    private DirectoryNode sandbox;
    private DirectoryNode outsideDir;
    private FileNode outsideFile;
    private long rootMtim;
    private WasiPreview1 wasi;
    /** Whether this call's arguments are all well-formed (lengths match, pointers in range, paths inside). */
    private boolean clean;
    /** Descriptors that path_open returned in this epoch. */
    private final List<Integer> opened = new ArrayList<>();
    /** Length or count that a following n, c or l parameter repeats. */
    private int pending;

    @Test
    void randomCallsNeverEscapeNorBreakTheTree() throws Exception {
        System.out.println("WasiFuzzTest seed=" + SEED + " (rerun with -Dwasi.fuzz.seed=" + SEED + ")");
        populate();
        List<Method> methods = wasiMethods();
        int[] calls = new int[methods.size()];
        int[] successes = new int[methods.size()];
        for (int call = 0; call < CALLS; call++) {
            if (call % EPOCH == 0) {
                wasi = newRuntime();
                opened.clear();
            }
            int which = random.nextInt(methods.size());
            Method method = methods.get(which);
            // 40% well-formed calls, so that state builds up; 50% sloppy; 10% with half the arguments garbage
            int mode = random.nextInt(10);
            clean = mode < 4;
            Object[] args = arguments(SHAPES.get(method.getName()), method.getParameterTypes(), mode == 9);
            int errno = invoke(method, args, call);
            calls[which]++;
            if (errno == 0) {
                successes[which]++;
                if (method.getName().equals("pathOpen") && opened.size() < 32) {
                    opened.add(memory.getInt((Integer) args[8]));
                }
            }
            clock.advance(random.nextInt(1000));
            if (call % 500 == 499) {
                checkInvariants("after call " + call);
            }
        }
        checkInvariants("at the end");

        Map<String, String> summary = new TreeMap<>();
        for (int i = 0; i < methods.size(); i++) {
            summary.put(methods.get(i).getName(), successes[i] + "/" + calls[i]);
            assertTrue(calls[i] > 1000, methods.get(i).getName() + " called only " + calls[i] + " times");
        }
        System.out.println("WasiFuzzTest successes/calls: " + summary);
        // The fuzz must get past argument checking often enough to exercise the real work.
        for (String name : List.of("pathOpen", "fdWrite", "fdRead", "fdPwrite", "fdPread", "fdSeek",
                "fdFilestatSetSize", "pathCreateDirectory", "pathRename", "pathLink", "pathSymlink", "pathReadlink",
                "pathUnlinkFile", "pathRemoveDirectory", "fdReaddir", "fdRenumber", "pollOneoff")) {
            int i = indexOf(methods, name);
            assertTrue(successes[i] >= 10, name + " succeeded only " + successes[i] + " times");
        }
    }

    // ---- set-up ----

    private void populate() throws WasiException {
        DirectoryNode root = vfs.root();
        sandbox = vfs.mkdir(vfs.lookUp(root, root, "sandbox", false));
        outsideDir = vfs.mkdir(vfs.lookUp(root, root, "outside", false));
        vfs.createFile(vfs.lookUp(root, outsideDir, "keep", false));
        outsideFile = vfs.createFile(vfs.lookUp(root, root, "outside.txt", false));
        outsideFile.setContent("do not touch".getBytes(StandardCharsets.UTF_8), vfs.now());
        vfs.mkdir(lookUp("a"));
        vfs.mkdir(lookUp("a/b"));
        vfs.createFile(lookUp("file.txt")).setContent("content".getBytes(StandardCharsets.UTF_8), vfs.now());
        vfs.createFile(lookUp("a/f"));
        String[][] links = {{"link", "file.txt"}, {"esc", "../.."}, {"abs", "/outside.txt"},
            {"up", "../outside.txt"}, {"loop", "loop"}, {"dangling", "nowhere"}, {"dlink", "a"}};
        for (String[] link : links) {
            vfs.symlink(link[1], lookUp(link[0]));
        }
        rootMtim = root.mtim();
    }

    private Lookup lookUp(String path) throws WasiException {
        return vfs.lookUp(sandbox, sandbox, path, false);
    }

    private WasiPreview1 newRuntime() {
        return WasiPreview1.builder(vfs).host(host).clock(clock).memory(memory)
                .args("fuzz", "ärg").env("K=välue")
                .preopen("/sandbox", sandbox).build();
    }

    private static List<Method> wasiMethods() {
        List<Method> methods = new ArrayList<>();
        for (Method m : WasiPreview1.class.getDeclaredMethods()) {
            if (m.getReturnType() == int.class && Modifier.isPublic(m.getModifiers())
                    && !Modifier.isStatic(m.getModifiers())) {
                methods.add(m);
            }
        }
        methods.sort((x, y) -> x.getName().compareTo(y.getName()));
        assertEquals(46, methods.size(), "the 46 functions of wasi_snapshot_preview1");
        for (Method m : methods) {
            String shape = SHAPES.get(m.getName());
            assertTrue(shape != null, "no argument shape for " + m.getName());
            Class<?>[] types = m.getParameterTypes();
            assertEquals(types.length, shape.length(), m.getName());
            for (int i = 0; i < types.length; i++) {
                boolean wide = shape.charAt(i) == 'L' || shape.charAt(i) == 'R';
                assertEquals(wide ? long.class : int.class, types[i], m.getName() + " parameter " + i);
            }
        }
        return methods;
    }

    private static int indexOf(List<Method> methods, String name) {
        for (int i = 0; i < methods.size(); i++) {
            if (methods.get(i).getName().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name);
    }

    // ---- calling ----

    private int invoke(Method method, Object[] args, int call) throws IllegalAccessException {
        String where = "call " + call + " (seed " + SEED + "): " + method.getName() + Arrays.toString(args);
        try {
            Object result = method.invoke(wasi, args);
            if (method.getName().equals("procExit")) {
                fail(where + " returned instead of throwing ProcExit");
            }
            int errno = (Integer) result;
            if (errno < 0 || errno > Errno.NOTCAPABLE.code) {
                fail(where + " returned " + errno + ", not an errno");
            }
            // EIO is what guard() turns an unexpected RuntimeException into: a bug in the shim.
            if (errno == Errno.IO.code) {
                fail(where + " hit an internal error (EIO)");
            }
            return errno;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProcExit exit && method.getName().equals("procExit")) {
                assertEquals(args[0], exit.code);
                return 0;
            }
            throw new AssertionError(where + " threw " + cause, cause);
        }
    }

    private Object[] arguments(String shape, Class<?>[] types, boolean hostile) {
        Object[] args = new Object[types.length];
        pending = 0;
        for (int i = 0; i < types.length; i++) {
            char kind = shape.charAt(i);
            if (hostile && random.nextBoolean()) {
                args[i] = types[i] == long.class ? (Object) hostileLong() : (Object) hostileInt();
            } else if (types[i] == long.class) {
                args[i] = kind == 'R' ? pick(RIGHTS) : offset();
            } else {
                args[i] = intArgument(kind);
            }
        }
        return args;
    }

    private long pick(long[] values) {
        return corrupt(5) ? random.nextLong() : values[random.nextInt(values.length)];
    }

    private long offset() {
        return random.nextBoolean() ? random.nextInt(1 << 16) : pick(LONGS);
    }

    private int intArgument(char kind) {
        switch (kind) {
            case 'f':
                // the preopen (3) often, else one that path_open returned, else any small number
                int r = random.nextInt(20);
                if (r < (clean ? 14 : 7)) {
                    return 3;
                }
                if (r < 14 && !opened.isEmpty()) {
                    return opened.get(random.nextInt(opened.size()));
                }
                return clean ? 3 : r < 18 ? random.nextInt(12) : random.nextInt(40);
            case 'g':
                return random.nextInt(200) == 0 ? 3 : random.nextInt(10) == 0 ? random.nextInt(40) : 4 + random.nextInt(10);
            case 'F':
                return corrupt(8) ? random.nextInt() : random.nextInt(16);
            case 'w':
                return random.nextInt(7) - 1;
            case 'C':
                return random.nextInt(6) - 1;
            case 'o':
                return corrupt(8) ? MEMORY - random.nextInt(8) : random.nextInt(MEMORY - 64) & ~3;
            case 'p':
                return path();
            case 'i':
                return iovecs();
            case 'b':
                pending = random.nextInt(4) == 0 ? random.nextInt(16) : random.nextInt(4096);
                return 32_768 + random.nextInt(24_000);
            case 'S':
                return subscriptions();
            case 'E':
                return 4096 + random.nextInt(1024);
            case 'n':
            case 'c':
            case 'l':
                // usually the matching length, sometimes one off or garbage
                int q = clean ? 0 : random.nextInt(20);
                return q < 16 ? pending : q < 18 ? pending + random.nextInt(3) - 1 : hostileInt();
            default:
                return random.nextBoolean() ? random.nextInt(8) : random.nextInt();
        }
    }

    /** True one time in n, unless this call is clean. */
    private boolean corrupt(int n) {
        return !clean && random.nextInt(n) == 0;
    }

    private int hostileInt() {
        int[] values = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, MEMORY, MEMORY - 1, MEMORY - 4, MEMORY + 1,
            -8, 4096};
        return random.nextInt(3) == 0 ? random.nextInt() : values[random.nextInt(values.length)];
    }

    private long hostileLong() {
        return random.nextBoolean() ? random.nextLong() : LONGS[random.nextInt(LONGS.length)];
    }

    /** Writes a random path at a random address in [8 KiB, 16 KiB); pending becomes its length. */
    private int path() {
        StringBuilder sb = new StringBuilder();
        if (corrupt(12)) {
            sb.append('/');
        }
        int parts = random.nextInt(3) == 0 ? 2 + random.nextInt(2) : 1;
        for (int i = 0; i < parts; i++) {
            sb.append(i > 0 ? "/" : "").append(NAMES[random.nextInt(clean ? ESCAPING : NAMES.length)]);
        }
        if (random.nextInt(10) == 0) {
            sb.append('/');
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (corrupt(15)) {
            byte[] bad = BAD_BYTES[random.nextInt(BAD_BYTES.length)];
            int at = random.nextInt(bytes.length + 1);
            byte[] spliced = new byte[bytes.length + bad.length];
            System.arraycopy(bytes, 0, spliced, 0, at);
            System.arraycopy(bad, 0, spliced, at, bad.length);
            System.arraycopy(bytes, at, spliced, at + bad.length, bytes.length - at);
            bytes = spliced;
        }
        int ptr = 8192 + random.nextInt(8192 - bytes.length);
        memory.write(ptr, bytes, 0, bytes.length);
        pending = bytes.length;
        return ptr;
    }

    /** Writes up to four iovecs at [16 KiB, 16 KiB + 32), buffers in [32 KiB, 64 KiB); pending is the count. */
    private int iovecs() {
        int ptr = 16_384 + 8 * random.nextInt(4);
        int count = random.nextInt(5);
        for (int i = 0; i < count; i++) {
            int buf = 32_768 + random.nextInt(24_000);
            int len = random.nextInt(3) == 0 ? 0 : random.nextInt(4096);
            if (corrupt(20)) {
                buf = hostileInt();
            }
            if (corrupt(20)) {
                len = hostileInt();
            }
            memory.setInt(ptr + 8 * i, buf);
            memory.setInt(ptr + 8 * i + 4, len);
        }
        pending = count;
        return ptr;
    }

    /** Writes up to three subscriptions at [20 KiB, 20 KiB + 144); pending is the count. */
    private int subscriptions() {
        int ptr = 20_480;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int sub = ptr + 48 * i;
            memory.setLong(sub, random.nextLong());
            memory.setByte(sub + 8, (byte) (random.nextInt(10) == 0 ? random.nextInt() : random.nextInt(3)));
            memory.setInt(sub + 16, random.nextInt(6) - 1); // clock id or fd
            memory.setLong(sub + 24, random.nextBoolean() ? random.nextInt(1_000_000) : random.nextLong());
            memory.setLong(sub + 32, 0);
            memory.setShort(sub + 40, (short) random.nextInt(3));
        }
        pending = count;
        return ptr;
    }

    // ---- invariants ----

    private void checkInvariants(String when) {
        Map<Inode, Integer> names = new IdentityHashMap<>();
        walk(vfs.root(), names, new IdentityHashMap<>(), "/", when);
        names.forEach((node, count) -> assertEquals(count.intValue(), node.nlink(),
                when + ": nlink of inode " + node.ino + " vs the names that link it"));

        DirectoryNode root = vfs.root();
        assertEquals(List.of("outside", "outside.txt", "sandbox"), List.copyOf(root.entries().keySet()), when);
        assertEquals(rootMtim, root.mtim(), when + ": the root was modified");
        assertEquals(root, sandbox.parent(), when);
        assertEquals(sandbox, root.get("sandbox"), when);
        assertEquals("do not touch", new String(outsideFile.content(), StandardCharsets.UTF_8), when);
        assertEquals(1, outsideFile.nlink(), when);
        assertEquals(List.of("keep"), List.copyOf(outsideDir.entries().keySet()), when);
        assertEquals(outsideDir, root.get("outside"), when);
    }

    private void walk(DirectoryNode dir, Map<Inode, Integer> names, Map<DirectoryNode, Boolean> seen, String path,
            String when) {
        assertTrue(seen.put(dir, true) == null, when + ": directory " + path + " is reachable twice");
        int childDirs = 0;
        for (Map.Entry<String, Inode> e : dir.entries().entrySet()) {
            String name = e.getKey();
            assertTrue(!name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                    && name.indexOf('\0') < 0, when + ": bad name " + path + name);
            if (e.getValue() instanceof DirectoryNode child) {
                assertEquals(dir, child.parent(), when + ": parent of " + path + name);
                childDirs++;
                walk(child, names, seen, path + name + "/", when);
            } else {
                names.merge(e.getValue(), 1, Integer::sum);
            }
        }
        assertEquals(2 + childDirs, dir.nlink(), when + ": nlink of directory " + path);
    }
}
