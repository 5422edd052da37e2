package org.rubyport.packer;

import java.util.List;
import java.util.Map;

/** Just enough of a JSON writer for the manifest: one object, its fields in order. */
final class Json {
    private final StringBuilder out = new StringBuilder("{");

    Json field(String name) {
        if (out.length() > 1) {
            out.append(',');
        }
        return string(name).raw(":");
    }

    Json raw(String text) {
        out.append(text);
        return this;
    }

    Json number(long value) {
        return raw(Long.toString(value));
    }

    Json string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
        return this;
    }

    Json array(List<String> items) {
        raw("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                raw(",");
            }
            string(items.get(i));
        }
        return raw("]");
    }

    Json object(Map<String, String> fields) {
        raw("{");
        boolean first = true;
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (!first) {
                raw(",");
            }
            first = false;
            string(e.getKey()).raw(":").string(e.getValue());
        }
        return raw("}");
    }

    String end() {
        return out + "}";
    }
}
