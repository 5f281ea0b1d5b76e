package org.preemptlab.backend.local;

import java.util.Locale;

/**
 * How the local backend suspends and resumes a job (and holds it during the engine's modelled
 * checkpoint I/O).
 * <ul>
 *   <li>{@link #FREEZER_V1}: the cgroup v1 freezer ({@code freezer.state} FROZEN / THAWED);</li>
 *   <li>{@link #FREEZER_V2}: cgroup v2 {@code cgroup.freeze} (1 / 0);</li>
 *   <li>{@link #SIGNALS}: SIGSTOP / SIGCONT to the job's process group.</li>
 * </ul>
 * A freezer catches every process of the job, also those that left its process group, and the job
 * cannot notice or undo it (a SIGCONT from elsewhere does not wake a frozen job). In a
 * {@link LocalBackendConfig} two more values ask for a method: {@link #AUTO} (the default: a
 * writable freezer if there is one, v1 first, signals otherwise) and {@link #FREEZER} (either
 * freezer, failing if none is writable). {@link LocalProcessBackend#suspendMethod()} reports
 * the one in use: {@code FREEZER_V1}, {@code FREEZER_V2} or {@code SIGNALS}.
 */
public enum SuspendMethod {
    AUTO, FREEZER, FREEZER_V1, FREEZER_V2, SIGNALS;

    /** True for the methods that use a cgroup freezer. */
    public boolean isFreezer() {
        return this == FREEZER || this == FREEZER_V1 || this == FREEZER_V2;
    }

    /** {@code auto}, {@code freezer}, {@code freezer-v1}, {@code freezer-v2} or {@code signals} (case-insensitive, '_' or '-'). */
    public static SuspendMethod parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SuspendMethod m : values()) if (m.name().equals(t)) return m;
        throw new IllegalArgumentException("The suspend method (" + text + ") is unknown.\n"
                + "Maybe use one of auto, freezer, freezer-v1, freezer-v2, signals.");
    }

    /** The lower-case name used in properties and logs ({@code freezer-v1} …). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
