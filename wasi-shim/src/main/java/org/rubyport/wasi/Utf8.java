package org.rubyport.wasi;

/**
 * UTF-8 by hand: sizes the guest sees are byte counts, and invalid paths are refused rather than mangled.
 * Written out instead of java.nio.charset because under TeaVM the charset classes cost ~25 KiB of
 * runtime and several allocations per path, and every path the guest names passes through here.
 */
public final class Utf8 {
    private static final char REPLACEMENT = '\uFFFD';

    private Utf8() {
    }

    /** The length of s in UTF-8; an unpaired surrogate counts as the three bytes of U+FFFD. */
    public static int encodedLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    public static byte[] encode(String s) {
        byte[] out = new byte[encodedLength(s)];
        encode(s, out, 0);
        return out;
    }

    /** Writes s at out[at], which has room for {@link #encodedLength} bytes; returns where it ends. */
    public static int encode(String s, byte[] out, int at) {
        for (int i = 0; i < s.length(); i++) {
            int c = s.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
                continue;
            }
            if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
            } else {
                if (Character.isHighSurrogate((char) c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    c = Character.toCodePoint((char) c, s.charAt(++i));
                    out[at++] = (byte) (0xF0 | c >> 18);
                    out[at++] = (byte) (0x80 | (c >> 12) & 0x3F);
                } else {
                    if (Character.isSurrogate((char) c)) {
                        c = REPLACEMENT;
                    }
                    out[at++] = (byte) (0xE0 | c >> 12);
                }
                out[at++] = (byte) (0x80 | (c >> 6) & 0x3F);
            }
            out[at++] = (byte) (0x80 | c & 0x3F);
        }
        return at;
    }

    /** Decodes bytes, or throws EILSEQ when they are not well-formed UTF-8. */
    public static String decodeStrict(byte[] b) throws WasiException {
        return decodeStrict(b, 0, b.length);
    }

    /** Decodes b[off, off+len), or throws EILSEQ when it is not well-formed UTF-8. */
    public static String decodeStrict(byte[] b, int off, int len) throws WasiException {
        String s = decode(b, off, len, true);
        if (s == null) {
            throw Errno.ILSEQ.error();
        }
        return s;
    }

    /** Decodes b[off, off+len), each malformed sequence becoming U+FFFD, for text shown to a person. */
    public static String decodeLenient(byte[] b, int off, int len) {
        return decode(b, off, len, false);
    }

    /** The decoded text; null at the first malformed sequence when strict. */
    private static String decode(byte[] b, int off, int len, boolean strict) {
        char[] chars = new char[len];
        int n = 0;
        int end = off + len;
        int i = off;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                chars[n++] = (char) c;
                i++;
                continue;
            }
            int cp = sequenceAt(b, i, end, c);
            if (cp < 0) {
                if (strict) {
                    return null;
                }
                chars[n++] = REPLACEMENT;
                i++;
            } else if (cp >= 0x10000) {
                chars[n++] = Character.highSurrogate(cp);
                chars[n++] = Character.lowSurrogate(cp);
                i += 4;
            } else {
                chars[n++] = (char) cp;
                i += cp < 0x800 ? 2 : 3;
            }
        }
        return new String(chars, 0, n);
    }

    /** The code point of the multi-byte sequence starting with lead at b[i], or -1 when it is malformed. */
    private static int sequenceAt(byte[] b, int i, int end, int lead) {
        int extra;
        int min;
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
            min = 0x80;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            min = 0x800;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + extra >= end) {
            return -1;
        }
        int cp = lead & (0x3F >> extra);
        for (int k = 1; k <= extra; k++) {
            int cc = b[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        return cp;
    }
}
