package org.preemptlab.slurmconf;

import java.util.Locale;

/**
 * Slurm's time strings, read as Slurm's {@code time_str2secs} does: {@code minutes},
 * {@code minutes:seconds}, {@code hours:minutes:seconds}, {@code days-hours},
 * {@code days-hours:minutes}, {@code days-hours:minutes:seconds}; {@code UNLIMITED},
 * {@code INFINITE} and {@code -1} mean no limit ({@link #UNLIMITED}). Fields are not range-checked
 * ({@code 90} minutes and {@code 0:90:00} are both 5400 s), as in Slurm.
 */
public final class SlurmTime {

    /** No limit, in seconds. Compares above every real limit. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** What the error messages say a time is. */
    public static final String FORMAT = "days-hours:minutes:seconds";

    private SlurmTime() {}

    /**
     * The time in seconds, or {@link #UNLIMITED}.
     *
     * @throws IllegalArgumentException when the text is not a Slurm time
     */
    public static long parseSeconds(String text) {
        String s = text == null ? "" : text.strip();
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.equals("UNLIMITED") || upper.equals("INFINITE") || s.equals("-1")) return UNLIMITED;
        if (!validSpec(s)) throw new IllegalArgumentException("not a Slurm time (" + FORMAT + ")");
        try {
            int dash = s.indexOf('-');
            if (dash >= 0) {
                long d = number(s.substring(0, dash));
                String[] hms = s.substring(dash + 1).split(":", -1);
                long h = hms.length > 0 ? number(hms[0]) : 0;
                long m = hms.length > 1 ? number(hms[1]) : 0;
                long sec = hms.length > 2 ? number(hms[2]) : 0;
                return Math.addExact(Math.addExact(Math.multiplyExact(d, 86_400), Math.multiplyExact(h, 3600)),
                        Math.addExact(Math.multiplyExact(m, 60), sec));
            }
            String[] p = s.split(":", -1);
            if (p.length == 3) {
                return Math.addExact(Math.multiplyExact(number(p[0]), 3600), Math.addExact(Math.multiplyExact(number(p[1]), 60), number(p[2])));
            }
            long minutes = number(p[0]);
            long seconds = p.length > 1 ? number(p[1]) : 0;
            return Math.addExact(Math.multiplyExact(minutes, 60), seconds);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("not a Slurm time (" + FORMAT + "): too large", e);
        }
    }

    /**
     * As {@link #parseSeconds}, rounded up to whole minutes as Slurm's {@code time_str2mins} does
     * for partition and QOS time limits ({@code 1:30} is 2 minutes: 120 s).
     */
    public static long parseMinutesRoundedUp(String text) {
        long s = parseSeconds(text);
        if (s == UNLIMITED) return UNLIMITED;
        return Math.multiplyExact((s + 59) / 60, 60L);
    }

    /** {@code UNLIMITED}, or Slurm's display form: {@code [days-]hh:mm:ss}. */
    public static String format(long seconds) {
        if (seconds == UNLIMITED) return "UNLIMITED";
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        String hms = String.format(Locale.ROOT, "%02d:%02d:%02d", h, m, s);
        return d > 0 ? d + "-" + hms : hms;
    }

    /** Slurm's {@code _is_valid_timespec}: digits, at most one dash before at most two colons, no empty field. */
    private static boolean validSpec(String s) {
        int digitGroups = 0, dash = 0, colon = 0;
        boolean inDigits = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (!inDigits) digitGroups++;
                inDigits = true;
            } else if (c == '-') {
                inDigits = false;
                dash++;
                if (colon > 0) return false;
            } else if (c == ':') {
                inDigits = false;
                colon++;
            } else {
                return false;
            }
        }
        if (digitGroups == 0 || dash > 1 || colon > 2) return false;
        if (dash == 1 && !Character.isDigit(s.charAt(0))) return false; // a leading '-' would be a negative day count
        int needed = dash + colon + 1;
        // Slurm accepts trailing empty fields after a dash ("2-") but not empty fields between separators.
        if (dash == 1 && colon == 0) return true;
        return digitGroups >= needed;
    }

    private static long number(String s) {
        if (s.isEmpty()) return 0;
        return Long.parseLong(s);
    }
}
