package org.preemptlab.slurmconf;

import java.util.Locale;

/**
 * A partition's {@code OverSubscribe=} (formerly {@code Shared=}), read as Slurm does:
 * {@code NO} (the default), {@code YES[:N]} (jobs that ask may share, {@code N} jobs per resource,
 * default 4), {@code FORCE[:N]} (all jobs share, default 4), {@code EXCLUSIVE} (whole nodes; today
 * written {@code Exclusive=NODE}).
 *
 * @param maxJobs jobs per resource: 1 for {@link Mode#NO} and {@link Mode#EXCLUSIVE}
 */
public record OverSubscribe(Mode mode, int maxJobs) {

    public enum Mode { NO, YES, FORCE, EXCLUSIVE }

    public static final OverSubscribe NO = new OverSubscribe(Mode.NO, 1);
    public static final OverSubscribe EXCLUSIVE = new OverSubscribe(Mode.EXCLUSIVE, 1);

    @Override
    public String toString() {
        return switch (mode) {
            case NO, EXCLUSIVE -> mode.name();
            case YES, FORCE -> mode.name() + ":" + maxJobs;
        };
    }

    static OverSubscribe parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.equals("NO")) return NO;
        if (t.equals("EXCLUSIVE")) return EXCLUSIVE;
        if (t.equals("YES")) return new OverSubscribe(Mode.YES, 4);
        if (t.equals("FORCE")) return new OverSubscribe(Mode.FORCE, 4);
        for (Mode m : new Mode[] {Mode.YES, Mode.FORCE}) {
            String prefix = m.name() + ":";
            if (t.startsWith(prefix)) {
                int n;
                try {
                    n = Integer.parseInt(t.substring(prefix.length()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not NO, YES[:N], FORCE[:N] or EXCLUSIVE", e);
                }
                int min = m == Mode.YES ? 2 : 1;
                if (n < min) throw new IllegalArgumentException(m.name() + ":" + n + ": N must be at least " + min);
                return new OverSubscribe(m, n);
            }
        }
        throw new IllegalArgumentException("not NO, YES[:N], FORCE[:N] or EXCLUSIVE");
    }
}
