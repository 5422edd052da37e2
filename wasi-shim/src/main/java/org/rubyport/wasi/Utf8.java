package org.rubyport.wasi;

import java.nio.charset.StandardCharsets;

/** UTF-8 helpers: sizes the guest sees are byte counts, and invalid paths are refused rather than mangled. */
public final class Utf8 {
    private Utf8() {
    }

    public static byte[] encode(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes bytes, or throws EILSEQ when they are not well-formed UTF-8. */
    public static String decodeStrict(byte[] b) throws WasiException {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int extra;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                throw new WasiException(Errno.ILSEQ);
            }
            if (i + extra >= b.length) {
                throw new WasiException(Errno.ILSEQ);
            }
            int cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    throw new WasiException(Errno.ILSEQ);
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw new WasiException(Errno.ILSEQ);
            }
            i += extra + 1;
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
