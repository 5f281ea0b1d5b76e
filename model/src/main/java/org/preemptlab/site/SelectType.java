package org.preemptlab.site;

/** {@code SelectType}: how jobs get nodes. */
public enum SelectType {
    /** {@code select/cons_tres} with {@code CR_Core_Memory}: jobs share a node while its cores, memory and GRES fit. */
    CONS_TRES("cons_tres"),
    /** {@code select/linear}: every job gets whole nodes. */
    LINEAR("linear");

    private final String label;

    SelectType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code cons_tres}, {@code select/linear}, …; {@code cons_res} is read as cons_tres; null if neither. */
    public static SelectType parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("select/")) t = t.substring(7);
        if (t.equals("cons_tres") || t.equals("cons_res")) return CONS_TRES;
        if (t.equals("linear")) return LINEAR;
        return null;
    }
}
