package org.preemptlab.slurmconf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an import read but does not model, and what it warns about. Nothing read from a file is
 * dropped silently: every setting without a place in the typed records is listed here with its
 * value and {@code file:line}, e.g. {@code slurm.conf:12: SlurmctldHost=ctl1 — ignored (not modelled)}.
 *
 * <p>One report collects the messages of all files of one import, in reading order.
 */
public final class ImportReport {

    /**
     * A setting that was read but is not modelled. {@code setting} is as written
     * ({@code SlurmctldHost}, {@code PartitionName=gpu Hidden}, {@code SchedulerParameters bf_yield_interval});
     * {@code value} is null for an option without one ({@code SchedulerParameters bf_busy_nodes}).
     */
    public record Ignored(String where, String setting, String value, String why) {
        @Override
        public String toString() {
            return where + ": " + setting + (value == null ? "" : "=" + value) + " — ignored (" + why + ")";
        }
    }

    static final String NOT_MODELLED = "not modelled";

    private final List<Ignored> ignored = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    void ignore(SourceLine at, String setting, String value) {
        ignored.add(new Ignored(at.where(), setting, value, NOT_MODELLED));
    }

    void ignore(SourceLine at, String setting, String value, String why) {
        ignored.add(new Ignored(at.where(), setting, value, why));
    }

    void warn(SourceLine at, String message) {
        warnings.add(at.where() + ": " + message);
    }

    void warn(String message) {
        warnings.add(message);
    }

    public List<Ignored> ignored() {
        return Collections.unmodifiableList(ignored);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The report as text: the ignored settings, then the warnings, one a line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("Ignored settings (read, not modelled): ").append(ignored.size()).append('\n');
        for (Ignored i : ignored) sb.append("  ").append(i).append('\n');
        sb.append("Warnings: ").append(warnings.size()).append('\n');
        for (String w : warnings) sb.append("  ").append(w).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
