package org.preemptlab.io.swf;

import org.preemptlab.units.Units;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the SWF reader changed or dropped while reading one trace: a count per
 * {@link SwfAnomaly} rule, the first {@value #MAX_EXAMPLES} examples of each, and the totals of
 * lines read, jobs kept and lines left out by the caller's selection. Immutable.
 */
public final class AnomalyReport {

    /** Examples kept per rule. */
    public static final int MAX_EXAMPLES = 10;

    /**
     * One line a rule fired on.
     *
     * @param jobNumber the line's job number (field 1)
     * @param line      1-based line number in the file
     */
    public record Example(long jobNumber, long line) {
        @Override
        public String toString() {
            return "job " + jobNumber + " (line " + line + ")";
        }
    }

    private final String source;
    private final long[] counts;
    private final List<List<Example>> examples;
    private final long jobLines;
    private final long jobsKept;
    private final long outsideJobRange;
    private final long outsideSubmitWindow;
    private final boolean stoppedAtMaxJobs;
    private final long roundedMeasurements;
    private final int machineProcs;
    private final MachineSizeSource machineSizeSource;

    private AnomalyReport(Builder b) {
        this.source = b.source;
        this.counts = b.counts.clone();
        List<List<Example>> ex = new ArrayList<>(b.examples.size());
        for (List<Example> list : b.examples) {
            ex.add(List.copyOf(list));
        }
        this.examples = Collections.unmodifiableList(ex);
        this.jobLines = b.jobLines;
        this.jobsKept = b.jobsKept;
        this.outsideJobRange = b.outsideJobRange;
        this.outsideSubmitWindow = b.outsideSubmitWindow;
        this.stoppedAtMaxJobs = b.stoppedAtMaxJobs;
        this.roundedMeasurements = b.roundedMeasurements;
        this.machineProcs = b.machineProcs;
        this.machineSizeSource = Objects.requireNonNull(b.machineSizeSource, "machineSizeSource");
    }

    /** The display name of the trace (file name or the name given with the stream). */
    public String source() {
        return source;
    }

    /** How often the rule fired. */
    public long count(SwfAnomaly rule) {
        return counts[rule.ordinal()];
    }

    /** The first {@value #MAX_EXAMPLES} lines the rule fired on, in file order. */
    public List<Example> examples(SwfAnomaly rule) {
        return examples.get(rule.ordinal());
    }

    /** Counts of every rule (zeros included), in rule order. */
    public Map<SwfAnomaly, Long> counts() {
        Map<SwfAnomaly, Long> map = new EnumMap<>(SwfAnomaly.class);
        for (SwfAnomaly rule : SwfAnomaly.values()) {
            map.put(rule, counts[rule.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** The rules that fired at least once. */
    public Set<SwfAnomaly> fired() {
        Set<SwfAnomaly> set = EnumSet.noneOf(SwfAnomaly.class);
        for (SwfAnomaly rule : SwfAnomaly.values()) {
            if (counts[rule.ordinal()] > 0) {
                set.add(rule);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /** True when no rule fired (the trace was already clean). */
    public boolean isClean() {
        return fired().isEmpty();
    }

    /** Job lines read (comment and blank lines not included) — kept, dropped or outside the selection. */
    public long jobLines() {
        return jobLines;
    }

    /** Jobs delivered to the simulation. */
    public long jobsKept() {
        return jobsKept;
    }

    /**
     * Job lines removed by a dropping or skipping rule. {@link SwfAnomaly#ORPHAN_PARTIAL_EXECUTION}
     * is not added: its lines are already counted under {@link SwfAnomaly#PARTIAL_EXECUTION_RECORD}.
     * Always {@code jobLines = jobsKept + linesRemoved + outsideJobRange + outsideSubmitWindow}.
     */
    public long linesRemoved() {
        long n = 0;
        for (SwfAnomaly rule : SwfAnomaly.values()) {
            if (rule.removesJob() && rule != SwfAnomaly.ORPHAN_PARTIAL_EXECUTION) {
                n += counts[rule.ordinal()];
            }
        }
        return n;
    }

    /** Job lines outside the selected job-number range ({@link SwfReadOptions#withJobRange}). */
    public long outsideJobRange() {
        return outsideJobRange;
    }

    /** Job lines outside the selected submit window ({@link SwfReadOptions#withSubmitWindow}). */
    public long outsideSubmitWindow() {
        return outsideSubmitWindow;
    }

    /** True when reading stopped early because {@link SwfReadOptions#maxJobs()} jobs were kept. */
    public boolean stoppedAtMaxJobs() {
        return stoppedAtMaxJobs;
    }

    /**
     * Values of the measured fields 6, 7, 10 and 18 (CPU time, memory, think time) that had a
     * fraction and were rounded to the nearest integer for {@code JobSpec.swf()}. Information only:
     * these fields do not influence the simulation, and this is not an anomaly rule.
     */
    public long roundedMeasurements() {
        return roundedMeasurements;
    }

    /** The machine size (processors) used for the oversize rule and for the simulation. */
    public int machineProcs() {
        return machineProcs;
    }

    /** Where {@link #machineProcs()} came from; {@link MachineSizeSource#INFERRED} deserves a warning. */
    public MachineSizeSource machineSizeSource() {
        return machineSizeSource;
    }

    /**
     * A multi-line report for users: totals, the machine size and its source, then one line per
     * rule that fired with its count, description and first examples.
     */
    /**
     * A warning when the machine size was assumed, or null: with no {@code --procs}, {@code MaxProcs} or
     * {@code MaxNodes} the size is the largest job's, which is rarely the machine's (commands print it on stderr).
     */
    public String machineSizeWarning() {
        if (machineSizeSource != MachineSizeSource.INFERRED) return null;
        return "warning: " + source + ": no machine size given (--procs, a scenario's cluster.processors or trace.procs)"
                + " and none in the header (MaxProcs, MaxNodes): assumed " + machineProcs + " processors, the largest job's";
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(source).append(": ").append(Units.count(jobLines, "job line")).append(", ").append(Units.count(jobsKept, "job"))
                .append(" kept");
        long removed = linesRemoved();
        if (removed > 0) {
            sb.append(", ").append(Units.count(removed, "line")).append(" dropped by anomaly rules");
        }
        if (outsideJobRange > 0) {
            sb.append(", ").append(Units.group(outsideJobRange)).append(" outside the job range");
        }
        if (outsideSubmitWindow > 0) {
            sb.append(", ").append(Units.group(outsideSubmitWindow)).append(" outside the submit window");
        }
        if (stoppedAtMaxJobs) {
            sb.append(", stopped at the maximum job count");
        }
        sb.append('\n');
        sb.append("machine: ").append(Units.count(machineProcs, "processor")).append(" (").append(machineSizeSource.description())
                .append(")\n");
        if (isClean()) {
            sb.append("no anomaly rule fired\n");
        }
        for (SwfAnomaly rule : fired()) {
            // as String.format("%-26s %9s  %s; e.g. %s%n", …), without Formatter (a one-shot run loads ≈ 80 classes for it)
            String name = rule.name();
            String n = Units.group(count(rule));
            sb.append(name).append(" ".repeat(Math.max(0, 26 - name.length()))).append(' ')
                    .append(" ".repeat(Math.max(0, 9 - n.length()))).append(n).append("  ").append(rule.description())
                    .append("; e.g. ").append(examples(rule)).append(System.lineSeparator());
        }
        if (roundedMeasurements > 0) {
            sb.append(Units.group(roundedMeasurements))
                    .append(" fractional values in fields 6/7/10/18 rounded to integers (information only)\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Mutable collector used by the reader. */
    static final class Builder {
        private final String source;
        private final long[] counts = new long[SwfAnomaly.values().length];
        private final List<List<Example>> examples = new ArrayList<>();
        long jobLines;
        long jobsKept;
        long outsideJobRange;
        long outsideSubmitWindow;
        boolean stoppedAtMaxJobs;
        long roundedMeasurements;
        int machineProcs;
        MachineSizeSource machineSizeSource;

        Builder(String source) {
            this.source = source;
            for (int i = 0; i < counts.length; i++) {
                examples.add(new ArrayList<>(2));
            }
        }

        void fire(SwfAnomaly rule, long jobNumber, long line) {
            int i = rule.ordinal();
            counts[i]++;
            List<Example> list = examples.get(i);
            if (list.size() < MAX_EXAMPLES) {
                list.add(new Example(jobNumber, line));
            }
        }

        long count(SwfAnomaly rule) {
            return counts[rule.ordinal()];
        }

        AnomalyReport build() {
            return new AnomalyReport(this);
        }
    }
}
