package org.rubyport.sw.rack;

import java.util.ArrayList;
import java.util.List;

/** Splitting on one character; String.split would pull the regex engine into the TeaVM build. */
final class Split {
    private Split() {
    }

    /** The pieces of text between separators, empty ones included (like split(sep, -1)). */
    static String[] on(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == separator) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts.toArray(new String[0]);
    }
}
