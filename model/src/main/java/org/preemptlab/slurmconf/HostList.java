package org.preemptlab.slurmconf;

import java.util.ArrayList;
import java.util.List;

/**
 * Slurm host lists, expanded as Slurm's {@code hostlist.c} does: names separated by commas (or
 * blanks) outside brackets; in each name, brackets hold comma-separated numbers and
 * {@code lo-hi} ranges ({@code node[01-16,20]}). The digits of {@code lo} fix the width, so leading
 * zeros pad ({@code [01-10]} gives {@code 01 … 10}, {@code [1-10]} gives {@code 1 … 10}). A name
 * may carry several brackets ({@code rack[1-2]-n[01-04]}) and text after the last one
 * ({@code n[1-2]-ib}). Only numbers go in brackets, as in Slurm ({@code gpu[1-4]-[a,b]} is refused).
 *
 * <p>Bad input never hangs: a range over {@value #MAX_HOSTS} hosts, or an expression that would
 * expand to more than that ({@code node[1-999999999]}), is refused before anything is built.
 */
public final class HostList {

    /** Most hosts one range or one expression may expand to: Slurm's own limits ({@code MAX_RANGE}, {@code MAX_SLURM_NODES}). */
    public static final int MAX_HOSTS = 65_536;

    private HostList() {}

    /**
     * Every host name of the expression, in Slurm's order.
     *
     * @throws IllegalArgumentException naming the expression and what is wrong with it
     */
    public static List<String> expand(String expression) {
        List<String> hosts = new ArrayList<>();
        if (expression == null) return hosts;
        for (String token : tokens(expression)) {
            expandToken(expression, token, hosts);
        }
        return hosts;
    }

    /** Splits on commas and blanks outside brackets. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') depth++;
            if (c == ']') {
                depth--;
                if (depth < 0) throw new IllegalArgumentException("host list " + s + ": a ']' without '['");
            }
            if (depth == 0 && (c == ',' || Character.isWhitespace(c))) {
                if (!cur.isEmpty()) out.add(cur.toString());
                cur.setLength(0);
            } else {
                if (depth > 1) throw new IllegalArgumentException("host list " + s + ": brackets inside brackets");
                cur.append(c);
            }
        }
        if (depth != 0) throw new IllegalArgumentException("host list " + s + ": a '[' without ']'");
        if (!cur.isEmpty()) out.add(cur.toString());
        return out;
    }

    /** One bracket group: its numbers. */
    private record Range(long lo, long hi, int width) {
        long count() {
            return hi - lo + 1;
        }
    }

    private record Group(String before, List<Range> ranges) {
        long count() {
            long n = 0;
            for (Range r : ranges) n += r.count();
            return n;
        }
    }

    private static void expandToken(String expression, String token, List<String> hosts) {
        // Split the token into literal text and bracket groups: text0 [g1] text1 [g2] text2 ...
        List<Group> groups = new ArrayList<>();
        int from = 0;
        int open;
        while ((open = token.indexOf('[', from)) >= 0) {
            int close = token.indexOf(']', open);
            groups.add(new Group(token.substring(from, open), ranges(expression, token.substring(open + 1, close))));
            from = close + 1;
        }
        String tail = token.substring(from);
        long total = 1;
        for (Group g : groups) {
            total *= g.count(); // each count ≤ MAX_HOSTS, checked per group below
            if (g.count() > MAX_HOSTS || total > MAX_HOSTS || hosts.size() + total > MAX_HOSTS) {
                throw new IllegalArgumentException("host list " + expression + ": " + token + " would expand to "
                        + (g.count() > MAX_HOSTS ? "over " + MAX_HOSTS : "more than " + MAX_HOSTS)
                        + " hosts; at most " + MAX_HOSTS + " are expanded (Slurm's limit)");
            }
        }
        if (groups.isEmpty()) {
            if (hosts.size() + 1 > MAX_HOSTS) {
                throw new IllegalArgumentException("host list " + expression + ": more than " + MAX_HOSTS + " hosts; at most "
                        + MAX_HOSTS + " are expanded (Slurm's limit)");
            }
            hosts.add(token);
            return;
        }
        // Slurm's order: the last bracket varies fastest; earlier brackets are expanded from the
        // second-to-last backwards (hostlist.c _push_range_list recursion).
        int last = groups.size() - 1;
        long[] current = new long[groups.size()];
        int[] widths = new int[groups.size()];
        emitPrefix(groups, last - 1, current, widths, tail, hosts);
    }

    private static void emitPrefix(List<Group> groups, int index, long[] value, int[] width, String tail, List<String> hosts) {
        if (index < 0) {
            Group lastGroup = groups.get(groups.size() - 1);
            for (Range r : lastGroup.ranges()) {
                for (long n = r.lo(); n <= r.hi(); n++) {
                    StringBuilder sb = new StringBuilder();
                    for (int g = 0; g < groups.size() - 1; g++) {
                        sb.append(groups.get(g).before()).append(pad(value[g], width[g]));
                    }
                    sb.append(lastGroup.before()).append(pad(n, r.width())).append(tail);
                    hosts.add(sb.toString());
                }
            }
            return;
        }
        for (Range r : groups.get(index).ranges()) {
            for (long n = r.lo(); n <= r.hi(); n++) {
                value[index] = n;
                width[index] = r.width();
                emitPrefix(groups, index - 1, value, width, tail, hosts);
            }
        }
    }

    private static String pad(long n, int width) {
        String s = Long.toString(n);
        if (s.length() >= width) return s;
        return "0".repeat(width - s.length()) + s;
    }

    private static List<Range> ranges(String expression, String inside) {
        List<Range> out = new ArrayList<>();
        for (String part : inside.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-');
            String lo = dash < 0 ? p : p.substring(0, dash);
            String hi = dash < 0 ? p : p.substring(dash + 1);
            if (!digits(lo) || !digits(hi)) {
                throw new IllegalArgumentException("host list " + expression + ": [" + inside + "] holds " + (p.isEmpty() ? "an empty entry" : p)
                        + ", not a number or lo-hi range (Slurm's host lists take only numbers in brackets)");
            }
            long from = Long.parseLong(lo);
            long to = Long.parseLong(hi);
            if (from > to) throw new IllegalArgumentException("host list " + expression + ": range " + p + " runs backwards");
            if (to - from + 1 > MAX_HOSTS) {
                throw new IllegalArgumentException("host list " + expression + ": range " + p + " has " + (to - from + 1)
                        + " hosts; at most " + MAX_HOSTS + " are expanded (Slurm's limit)");
            }
            out.add(new Range(from, to, lo.length()));
        }
        return out;
    }

    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 18) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }
}
