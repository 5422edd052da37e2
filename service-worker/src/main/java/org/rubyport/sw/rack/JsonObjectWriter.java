package org.rubyport.sw.rack;

/** Writes a flat JSON object of string values, which is all the Rack environment needs. */
final class JsonObjectWriter {
    private final StringBuilder out = new StringBuilder("{");

    JsonObjectWriter put(String key, String value) {
        if (out.length() > 1) {
            out.append(',');
        }
        quote(key);
        out.append(':');
        quote(value);
        return this;
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // Other control characters, and lone surrogates that would not survive UTF-8, as escapes.
                    if (c < 0x20 || Character.isSurrogate(c) && !validPair(text, i)) {
                        out.append("\\u").append(hex4(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static String hex4(char c) {
        String hex = Integer.toHexString(c);
        return "0000".substring(hex.length()) + hex;
    }

    @Override public String toString() {
        return out + "}";
    }
}
