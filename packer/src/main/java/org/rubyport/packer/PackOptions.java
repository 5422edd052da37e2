package org.rubyport.packer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What to pack, from the command line. */
record PackOptions(String name, String title, Path app, String entry, Map<String, Path> gems, List<String> loadPath,
        Map<String, String> env, List<String> preload, Path out) {
    static final String USAGE = """
            usage: java -jar packer.jar --name NAME --app DIR --out FILE.rpk [options]
              --name NAME          the app's name in URLs (/apps/NAME/): lower-case letters, digits and dashes
              --app DIR            the app's directory, mounted (writable) at /app
              --out FILE           the bundle to write
              --title TEXT         a human-readable title (default: the name)
              --entry FILE         the rackup file, relative to the app (default: config.ru)
              --gem NAME=DIR       a gem's directory, mounted read-only at /gems/NAME (repeatable)
              --load-path PATH     a directory added to Ruby's $LOAD_PATH, e.g. /gems/rack/lib (repeatable)
              --env NAME=VALUE     an environment variable for the app (repeatable)
              --preload FEATURE    a library required before the rackup file, one after another from the top
                                   level, e.g. active_record (repeatable; keeps Rails' nested requires within
                                   the browser's stack)
            """;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    static PackOptions parse(String[] args) throws UsageException {
        String name = null;
        String title = null;
        Path app = null;
        Path out = null;
        String entry = "config.ru";
        Map<String, Path> gems = new LinkedHashMap<>();
        List<String> loadPath = new ArrayList<>();
        Map<String, String> env = new LinkedHashMap<>();
        List<String> preload = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--name" -> name = value;
                case "--title" -> title = value;
                case "--app" -> app = Path.of(value);
                case "--out" -> out = Path.of(value);
                case "--entry" -> entry = value;
                case "--gem" -> {
                    String[] pair = pair(option, value);
                    if (!NAME.matcher(pair[0].replace('_', '-')).matches() || gems.put(pair[0], Path.of(pair[1])) != null) {
                        throw new UsageException("--gem " + value + ": the gem name must be unique and made of letters, "
                                + "digits, dashes or underscores");
                    }
                }
                case "--load-path" -> loadPath.add(value);
                case "--preload" -> preload.add(value);
                case "--env" -> {
                    String[] pair = pair(option, value);
                    env.put(pair[0], pair[1]);
                }
                default -> throw new UsageException("unknown option " + option);
            }
        }
        if (name == null || app == null || out == null) {
            throw new UsageException("--name, --app and --out are required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new UsageException("--name " + name + ": use lower-case letters, digits and dashes, starting with a "
                    + "letter or digit (it becomes the URL /apps/" + name + "/)");
        }
        if (!Files.isDirectory(app)) {
            throw new UsageException("--app " + app + " is not a directory");
        }
        if (entry.startsWith("/") || entry.contains("..") || !Files.isRegularFile(app.resolve(entry))) {
            throw new UsageException("the entry " + entry + " is not a file inside " + app);
        }
        for (Map.Entry<String, Path> gem : gems.entrySet()) {
            if (!Files.isDirectory(gem.getValue())) {
                throw new UsageException("--gem " + gem.getKey() + "=" + gem.getValue() + " is not a directory");
            }
        }
        return new PackOptions(name, title != null ? title : name, app, entry, gems, loadPath, env, preload, out);
    }

    private static String[] pair(String option, String value) throws UsageException {
        int eq = value.indexOf('=');
        if (eq <= 0) {
            throw new UsageException(option + " " + value + ": expected NAME=VALUE");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }
}
