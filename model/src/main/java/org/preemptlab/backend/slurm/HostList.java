package org.preemptlab.backend.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * Slurm host lists: {@code n[1-4]}, {@code n[01-10]} (zero padding kept), {@code n[1-3,7]},
 * {@code rack[1-2]-n[1-2]} (several brackets: every combination), and comma-separated lists of
 * those ({@code n1,gpu[1-2]}).
 */
public final class HostList {

    private HostList() {}

    /** Every host name of the expression, in order. */
    public static List<String> expand(String expression) {
        List<String> hosts = new ArrayList<>();
        if (expression == null) return hosts;
        for (String part : splitTopLevel(expression.trim())) {
            if (!part.isEmpty()) expandOne(part, hosts);
        }
        return hosts;
    }

    /** Splits on commas outside brackets. */
    static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0, from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(s.substring(from, i).trim());
                from = i + 1;
            }
            if (depth < 0) throw new IllegalArgumentException("The host list (" + s + ") has an unmatched ']'.");
        }
        if (depth != 0) throw new IllegalArgumentException("The host list (" + s + ") has an unmatched '['.");
        parts.add(s.substring(from).trim());
        return parts;
    }

    private static void expandOne(String pattern, List<String> out) {
        int open = pattern.indexOf('[');
        if (open < 0) {
            out.add(pattern);
            return;
        }
        int close = pattern.indexOf(']', open);
        String prefix = pattern.substring(0, open);
        String rest = pattern.substring(close + 1);
        for (String range : pattern.substring(open + 1, close).split(",")) {
            range = range.trim();
            int dash = range.indexOf('-');
            if (dash < 0) {
                expandOne(prefix + range + rest, out);
                continue;
            }
            String lo = range.substring(0, dash).trim();
            String hi = range.substring(dash + 1).trim();
            long from, to;
            try {
                from = Long.parseLong(lo);
                to = Long.parseLong(hi);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The host range [" + range + "] in " + pattern + " is not numeric.", e);
            }
            if (to < from) throw new IllegalArgumentException("The host range [" + range + "] in " + pattern + " runs backwards.");
            if (to - from > 100_000) throw new IllegalArgumentException("The host range [" + range + "] in " + pattern + " is too large.");
            int width = lo.length() > 1 && lo.startsWith("0") ? lo.length() : 0;
            for (long n = from; n <= to; n++) {
                String num = width > 0 ? String.format("%0" + width + "d", n) : Long.toString(n);
                expandOne(prefix + num + rest, out);
            }
        }
    }
}
