package org.preemptlab.slurmconf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import read but does not model, and what it warns about. Nothing read from a file is
 * dropped silently: every setting without a place in the typed records is listed here with its
 * value and {@code file:line}, e.g. {@code slurm.conf:12: SlurmctldHost=ctl1 — ignored (not modelled)}.
 *
 * <p>One report collects the messages of all files of one import. Ignored settings are listed
 * file by file (in the order the files were first read), by line; warnings in the order they
 * were found.
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

    /** A warning of a step after the reading (e.g. a live import's simplifications). */
    public void addWarning(String message) {
        warnings.add(message);
    }

    public List<Ignored> ignored() {
        Map<String, Integer> fileOrder = new HashMap<>();
        for (Ignored i : ignored) fileOrder.putIfAbsent(file(i.where()), fileOrder.size());
        List<Ignored> sorted = new ArrayList<>(ignored);
        sorted.sort(Comparator.comparingInt((Ignored i) -> fileOrder.get(file(i.where()))).thenComparingInt(i -> line(i.where())));
        return Collections.unmodifiableList(sorted);
    }

    private static String file(String where) {
        int colon = where.lastIndexOf(':');
        return colon < 0 ? where : where.substring(0, colon);
    }

    private static int line(String where) {
        try {
            return Integer.parseInt(where.substring(where.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** The report as text: the ignored settings, then the warnings, one a line. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("Ignored settings (read, not modelled): ").append(ignored.size()).append('\n');
        for (Ignored i : ignored()) sb.append("  ").append(i).append('\n');
        sb.append("Warnings: ").append(warnings.size()).append('\n');
        for (String w : warnings) sb.append("  ").append(w).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
