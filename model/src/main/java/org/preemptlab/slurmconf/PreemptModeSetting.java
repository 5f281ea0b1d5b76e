package org.preemptlab.slurmconf;

import java.util.Locale;

/**
 * A {@code PreemptMode} (cluster, partition or QOS): the mechanism {@link Kind#OFF},
 * {@link Kind#CANCEL}, {@link Kind#REQUEUE} or {@link Kind#SUSPEND}, plus the options {@code GANG}
 * (cluster only), {@code WITHIN} (QOS: preempt within the same QOS) and {@code PRIORITY} (only a
 * higher job priority may preempt). Written comma-separated: {@code SUSPEND,GANG}.
 */
public record PreemptModeSetting(Kind kind, boolean gang, boolean within, boolean priority) {

    public enum Kind { OFF, CANCEL, REQUEUE, SUSPEND }

    public static final PreemptModeSetting OFF = new PreemptModeSetting(Kind.OFF, false, false, false);

    @Override
    public String toString() {
        return kind.name() + (gang ? ",GANG" : "") + (within ? ",WITHIN" : "") + (priority ? ",PRIORITY" : "");
    }

    static PreemptModeSetting parse(String text) {
        Kind kind = null;
        boolean gang = false, within = false, priority = false;
        for (String raw : text.split(",")) {
            String p = raw.strip().toUpperCase(Locale.ROOT);
            switch (p) {
                case "GANG" -> gang = true;
                case "WITHIN" -> within = true;
                case "PRIORITY" -> priority = true;
                case "OFF", "CANCEL", "REQUEUE", "SUSPEND" -> {
                    if (kind != null) throw new IllegalArgumentException("two mechanisms (" + kind + ", " + p + ")");
                    kind = Kind.valueOf(p);
                }
                case "CHECKPOINT" -> throw new IllegalArgumentException("CHECKPOINT was removed from Slurm (20.02); use REQUEUE");
                default -> throw new IllegalArgumentException("not a preempt mode (OFF, CANCEL, REQUEUE, SUSPEND, with GANG, WITHIN, PRIORITY)");
            }
        }
        return new PreemptModeSetting(kind == null ? Kind.OFF : kind, gang, within, priority);
    }
}
