package org.preemptlab.app.gui.site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.preemptlab.slurmconf.SlurmTime;
import org.preemptlab.tres.Tres;

/**
 * How the site editor shows and reads values: times in human units ({@code 1 d 2 h}, read back
 * exactly; Slurm's {@code 1-00:00:00} and {@code 2 h} / {@code 90 min} are read too), counts with
 * {@code UNLIMITED}, name lists, TRES ({@code cpu=4,mem=16G}). Unreadable text is {@link Refused}
 * with the rule it breaks.
 */
final class SiteText {

    /** The unit of a bare number in a time field, as Slurm reads that setting. */
    enum Bare {
        MINUTES(60, "minutes"), SECONDS(1, "seconds");

        final long seconds;
        final String word;

        Bare(long seconds, String word) {
            this.seconds = seconds;
            this.word = word;
        }
    }

    static final String TIME_FORMS = "use e.g. 1-00:00:00, 2:30:00, 2 h, 90 min or 1 d 12 h";

    private static final Pattern UNIT = Pattern.compile(
            "\\s*(\\d+)\\s*(days?|d|hours?|hrs?|h|minutes?|mins?|m|seconds?|secs?|s)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NEGATIVE = Pattern.compile("-\\s*\\d+(\\.\\d+)?");

    private SiteText() {}

    // ---------------------------------------------------------------- times

    /** {@code 0 s}, {@code 45 s}, {@code 1 d 2 h 5 min}; every non-zero unit, so it reads back exactly. -1: {@code none}. */
    static String duration(long seconds, String none) {
        if (seconds < 0 || seconds == SlurmTime.UNLIMITED) return none;
        if (seconds == 0) return "0 s";
        long[] size = {86_400, 3600, 60, 1};
        String[] unit = {"d", "h", "min", "s"};
        List<String> parts = new ArrayList<>();
        long rest = seconds;
        for (int i = 0; i < size.length; i++) {
            long n = rest / size[i];
            rest %= size[i];
            if (n > 0) parts.add(n + " " + unit[i]);
        }
        return String.join(" ", parts);
    }

    /**
     * A time typed by a person, in seconds; {@code none} (case-insensitive), {@code UNLIMITED},
     * {@code INFINITE}, {@code -1} and an empty field are -1 when {@code none} is not null.
     *
     * @param min the least value allowed, s
     */
    static long duration(String text, Bare bare, long min, String none) {
        String rule = "must be ≥ " + duration(min, "0 s") + orNone(none);
        String t = text == null ? "" : text.strip();
        String u = t.toUpperCase(Locale.ROOT);
        if (none != null && (t.isEmpty() || (!none.isEmpty() && u.equals(none.toUpperCase(Locale.ROOT)))
                || u.equals("UNLIMITED") || u.equals("INFINITE") || u.equals("NONE") || t.equals("-1"))) {
            return -1;
        }
        if (t.isEmpty()) throw new Refused("empty; " + TIME_FORMS);
        if (NEGATIVE.matcher(t).matches()) throw new Refused(rule);
        long s;
        if (t.chars().allMatch(Character::isDigit)) {
            try {
                s = Math.multiplyExact(Long.parseLong(t), bare.seconds);
            } catch (ArithmeticException | NumberFormatException e) {
                throw new Refused("too large");
            }
        } else if (t.indexOf(':') >= 0 || t.indexOf('-') >= 0) {
            try {
                s = SlurmTime.parseSeconds(t);
            } catch (IllegalArgumentException e) {
                throw new Refused("not a time; " + TIME_FORMS);
            }
            if (s == SlurmTime.UNLIMITED) throw new Refused(rule);
        } else {
            s = units(t);
        }
        if (s < min) throw new Refused(rule);
        return s;
    }

    private static long units(String t) {
        Matcher m = UNIT.matcher(t);
        int at = 0;
        long total = 0;
        while (at < t.length() && m.find(at) && m.start() == at) {
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            long size = unit.startsWith("d") ? 86_400 : unit.startsWith("h") ? 3600 : unit.startsWith("m") ? 60 : 1;
            try {
                total = Math.addExact(total, Math.multiplyExact(Long.parseLong(m.group(1)), size));
            } catch (ArithmeticException | NumberFormatException e) {
                throw new Refused("too large");
            }
            at = m.end();
        }
        if (at == 0 || !t.substring(at).isBlank()) throw new Refused("not a time; " + TIME_FORMS);
        return total;
    }

    private static String orNone(String none) {
        if (none == null) return "";
        return none.isEmpty() ? " (or empty: not set)" : " (or " + none + ")";
    }

    // ---------------------------------------------------------------- counts

    /** A count; {@code none} (if not null), {@code UNLIMITED}, {@code -1} and an empty field are -1. */
    static long count(String text, long min, String none) {
        String t = text == null ? "" : text.strip();
        String u = t.toUpperCase(Locale.ROOT);
        if (none != null && (t.isEmpty() || (!none.isEmpty() && u.equals(none.toUpperCase(Locale.ROOT)))
                || u.equals("UNLIMITED") || u.equals("NONE") || t.equals("-1"))) {
            return -1;
        }
        String rule = "must be ≥ " + min + orNone(none);
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new Refused(NEGATIVE.matcher(t).matches() ? rule : "not a whole number");
        }
        if (v < min) throw new Refused(rule);
        return v;
    }

    /** A count at most {@code max} (Slurm's uint16/uint32 fields). */
    static long count(String text, long min, long max) {
        String rule = max == Integer.MAX_VALUE ? "must be ≥ " + min : "must be between " + min + " and " + max;
        long v;
        try {
            v = count(text, min, (String) null);
        } catch (Refused r) {
            throw r.getMessage().startsWith("must be") ? new Refused(rule) : r;
        }
        if (v > max) throw new Refused(rule);
        return v;
    }

    static String count(long v, String none) {
        return v < 0 ? none : Long.toString(v);
    }

    // ---------------------------------------------------------------- names

    /** Names separated by commas or spaces; {@code ALL} (when allowed) is the empty list. */
    static List<String> names(String text, boolean allMeansEmpty) {
        String t = text == null ? "" : text.strip();
        if (allMeansEmpty && t.equalsIgnoreCase("ALL")) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : t.split("[,\\s]+")) {
            if (s.isEmpty()) continue;
            if (out.contains(s)) throw new Refused("\"" + s + "\" is given twice");
            out.add(s);
        }
        return out;
    }

    static String names(Collection<String> names, String empty) {
        return names.isEmpty() ? empty : String.join(",", names);
    }

    /** A name of a partition, account, user or QOS: not empty, no spaces, commas or '='. */
    static String name(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new Refused("the name is empty");
        if (!t.matches("[A-Za-z0-9_.@-]+")) throw new Refused("a name may hold only letters, digits, \"_\", \".\", \"@\" and \"-\"");
        return t;
    }

    // ---------------------------------------------------------------- TRES

    /** {@code cpu=4,mem=16G,gres/gpu=2}; empty is no limit. */
    static Tres tres(String text) {
        try {
            return Tres.parse(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
    }

    /** Slurm's form with memory in G when whole ({@code cpu=4,mem=16G}); empty for none. */
    static String tres(Tres t) {
        List<String> parts = new ArrayList<>();
        t.asMap().forEach((k, v) -> parts.add(k + "=" + (k.equals(Tres.MEM) ? mem(v) : Long.toString(v))));
        return String.join(",", parts);
    }

    private static String mem(long mb) {
        if (mb > 0 && mb % (1024L * 1024) == 0) return mb / (1024L * 1024) + "T";
        if (mb > 0 && mb % 1024 == 0) return mb / 1024 + "G";
        return mb + "M";
    }

    /** {@code PriorityWeightTRES}: {@code cpu=2000,gres/gpu=5000}. */
    static Map<String, Double> weights(String text, long max) {
        Map<String, Double> out = new TreeMap<>();
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return out;
        for (String item : t.split(",")) {
            String it = item.strip();
            int eq = it.indexOf('=');
            if (eq <= 0 || eq == it.length() - 1) throw new Refused("\"" + it + "\" is not NAME=WEIGHT");
            String name = it.substring(0, eq).strip();
            String n = name.toLowerCase(Locale.ROOT);
            if (n.startsWith("gres/")) n = "gres/" + name.substring(5);
            if (!Tres.isKnown(n)) throw new Refused("\"" + name + "\" is not a modelled TRES; use cpu, mem, node, billing or gres/NAME");
            double w;
            try {
                w = Double.parseDouble(it.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new Refused("\"" + it + "\": the weight is not a number");
            }
            if (!(w >= 0) || w > max) throw new Refused(n + "=" + it.substring(eq + 1).strip() + " must be between 0 and " + max);
            if (out.put(n, w) != null) throw new Refused(n + " is given twice");
        }
        return out;
    }

    static String weights(Map<String, Double> w) {
        List<String> parts = new ArrayList<>();
        w.forEach((k, v) -> parts.add(k + "=" + number(v)));
        return String.join(",", parts);
    }

    /** A decimal without a needless {@code .0}. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    static double decimal(String text, double min) {
        String t = text == null ? "" : text.strip();
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new Refused("not a number");
        }
        if (!(v >= min) || Double.isInfinite(v)) throw new Refused("must be a number ≥ " + number(min));
        return v;
    }
}
