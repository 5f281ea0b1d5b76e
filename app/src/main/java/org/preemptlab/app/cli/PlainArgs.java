package org.preemptlab.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A one-shot command line read without picocli, for the plain way users type it: known long options,
 * each at most once, as {@code --name value} or {@code --name=value}, flags without a value, and at
 * most a given number of positional arguments. Building picocli's model of a command reflects over its
 * annotations (dynamic proxies, ≈ 170 classes, ≈ 0.1 s CPU of a cold `simulate`, docs/performance.md);
 * a command line that is plain skips all of it.
 *
 * <p>Anything else is declined ({@link #of} returns null) and picocli parses the command line as
 * always, so help, version and every error message stay picocli's: an unknown or repeated option, a
 * missing value, a value that starts with {@code -} or is empty, an argument file ({@code @file}),
 * {@code --}, {@code -h}/{@code --help}/{@code -V}/{@code --version}, too many positional arguments.
 * The commands also decline when a value does not convert (their converters throw), for the same
 * reason: picocli then reports it in its words.
 */
final class PlainArgs {

    private final Map<String, String> values;
    private final List<String> positional;

    private PlainArgs(Map<String, String> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    /**
     * The options and positional arguments of {@code args[from..]}, or null if the line is not plain.
     *
     * @param valued       the options that take a value ({@code --trace})
     * @param flags        the options that take none ({@code --kill-instead})
     * @param maxPositional how many positional arguments the command takes
     */
    static PlainArgs of(String[] args, int from, Set<String> valued, Set<String> flags, int maxPositional) {
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>(maxPositional);
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.isEmpty() || a.charAt(0) == '@') return null;
            if (a.charAt(0) != '-') {
                if (positional.size() == maxPositional) return null;
                positional.add(a);
                continue;
            }
            if (!a.startsWith("--") || a.length() == 2) return null;
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            String value;
            if (flags.contains(name)) {
                if (eq >= 0) return null;
                value = "";
            } else if (valued.contains(name)) {
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else {
                    if (i + 1 == args.length) return null;
                    value = args[++i];
                }
                if (value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') return null;
            } else {
                return null;
            }
            if (values.put(name, value) != null) return null;
        }
        return new PlainArgs(values, positional);
    }

    /** The option's value as typed, or null if not given. */
    String value(String name) {
        return values.get(name);
    }

    /** The option's value as typed, or {@code otherwise} (the option's picocli default) if not given. */
    String value(String name, String otherwise) {
        return values.getOrDefault(name, otherwise);
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    List<String> positional() {
        return positional;
    }
}
