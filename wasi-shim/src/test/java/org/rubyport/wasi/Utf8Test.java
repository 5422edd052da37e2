package org.rubyport.wasi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Utf8Test {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void wellFormedTextDecodes() throws WasiException {
        for (String s : new String[] {"", "plain", "é", "日本語", "🎉", "a\u007Fz", "\u0080\u07FF\u0800\uFFFF", "\uD7FF\uE000",
                "\uDBFF\uDFFF"}) {
            assertEquals(s, Utf8.decodeStrict(Utf8.encode(s)));
        }
        assertArrayEquals(bytes(0xF0, 0x9F, 0x8E, 0x89), Utf8.encode("🎉"));
    }

    @Test
    void malformedBytesAreIllegalSequences() {
        int[][] bad = {
            {0x80}, // a lone continuation byte
            {0xC3}, // truncated at the end
            {0xE6, 0x97}, // truncated three-byte sequence
            {0xC3, 0x41}, // a non-continuation where one belongs
            {0xC0, 0xAF}, {0xC1, 0xBF}, // overlong two-byte forms
            {0xE0, 0x80, 0xAF}, // overlong three-byte form
            {0xF0, 0x80, 0x80, 0xAF}, // overlong four-byte form
            {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF}, // UTF-16 surrogates
            {0xF4, 0x90, 0x80, 0x80}, // above U+10FFFF
            {0xF5, 0x80, 0x80, 0x80}, {0xFF}, {0xFE},
            {'o', 'k', 0xE2, 0x82}, // valid prefix, truncated tail
        };
        for (int[] b : bad) {
            WasiException e = assertThrows(WasiException.class, () -> Utf8.decodeStrict(bytes(b)));
            assertEquals(Errno.ILSEQ, e.errno);
        }
    }

    @Test
    void lengthsAndEncodingAgreeWithTheJdk() {
        for (String s : new String[] {"", "plain", "é", "日本語", "🎉x", "\u0080\u07FF\u0800\uFFFF", "\uDBFF\uDFFF"}) {
            byte[] jdk = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertArrayEquals(jdk, Utf8.encode(s), s);
            assertEquals(jdk.length, Utf8.encodedLength(s), s);
        }
        // A lone surrogate cannot be encoded: it becomes U+FFFD (the JDK writes '?' instead).
        assertArrayEquals(bytes('a', 0xEF, 0xBF, 0xBD, 'b'), Utf8.encode("a\uD800b"));
        assertEquals(5, Utf8.encodedLength("a\uD800b"));
    }

    @Test
    void aSliceDecodesAloneAndLenientDecodingReplacesWhatIsMalformed() throws WasiException {
        byte[] b = bytes('x', 0xC3, 0xA9, 'y', 0xFF, 'z');
        assertEquals("\u00E9y", Utf8.decodeStrict(b, 1, 3));
        assertThrows(WasiException.class, () -> Utf8.decodeStrict(b, 1, 1), "a sequence cut by the slice's end");
        assertEquals("x\u00E9y\uFFFDz", Utf8.decodeLenient(b, 0, b.length));
        assertEquals("\uFFFD\uFFFD", Utf8.decodeLenient(bytes(0xE6, 0x97), 0, 2), "each byte of a truncated sequence");
        assertEquals("\uD83C\uDF89", Utf8.decodeLenient(bytes(0xF0, 0x9F, 0x8E, 0x89), 0, 4));
    }
}
