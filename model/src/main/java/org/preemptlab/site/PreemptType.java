package org.preemptlab.site;

/** {@code PreemptType}: who may preempt whom. */
public enum PreemptType {
    /** {@code preempt/none}. */
    NONE("none"),
    /** {@code preempt/qos}: a job whose QOS lists another's QOS in its {@code Preempt} list may preempt it. */
    QOS("qos"),
    /** {@code preempt/partition_prio}: a job of a partition of higher {@code PriorityTier} may preempt jobs of lower tiers. */
    PARTITION_PRIO("partition_prio");

    private final String label;

    PreemptType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code qos}, {@code preempt/partition_prio}, …; null if not one of them. */
    public static PreemptType parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("preempt/")) t = t.substring(8);
        for (PreemptType p : values()) if (p.label.equals(t)) return p;
        return null;
    }
}
