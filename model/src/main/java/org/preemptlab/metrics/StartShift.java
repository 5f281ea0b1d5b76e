package org.preemptlab.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one job's start moved from run A to run B of the same workload (the difference Gantt): a
 * negative shift is an earlier start in B.
 */
public record StartShift(int index, String name, long submit, long startA, long startB, long endA, long endB) {

    /** One job as a run left it; start −1 when it never started. */
    public record JobTimes(int index, String name, long submit, long start, long end) {}

    /** B's start minus A's, s. */
    public long shift() {
        return startB - startA;
    }

    /** How runs A and B differ, job by job; jobs that did not start in both are counted apart. */
    public record Comparison(List<StartShift> shifts, int notStartedInBoth) {
        public long earlier() {
            return shifts.stream().filter(s -> s.shift() < 0).count();
        }

        public long later() {
            return shifts.stream().filter(s -> s.shift() > 0).count();
        }

        public long unchanged() {
            return shifts.stream().filter(s -> s.shift() == 0).count();
        }

        /** Mean shift over the jobs that started in both, s. */
        public double meanShift() {
            return shifts.stream().mapToLong(StartShift::shift).average().orElse(0);
        }

        /** The {@code n} largest moves either way, largest first (ties: by job index). */
        public List<StartShift> largest(int n) {
            return shifts.stream().sorted(BY_SIZE).limit(n).toList();
        }
    }

    /** Largest move first, ties by job index. */
    public static final Comparator<StartShift> BY_SIZE = Comparator.comparingLong((StartShift s) -> -Math.abs(s.shift()))
            .thenComparingInt(StartShift::index);
    /** By start in run A, ties by job index. */
    public static final Comparator<StartShift> BY_START_A = Comparator.comparingLong(StartShift::startA)
            .thenComparingInt(StartShift::index);
    /** Earliest-moved first (most negative shift), ties by job index. */
    public static final Comparator<StartShift> BY_SHIFT = Comparator.comparingLong(StartShift::shift)
            .thenComparingInt(StartShift::index);

    /**
     * Job-by-job comparison of two runs of the same workload (jobs matched by index).
     *
     * @throws IllegalArgumentException when the runs have different jobs (their number or names differ)
     */
    public static Comparison compare(List<JobTimes> a, List<JobTimes> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("runs A and B have " + a.size() + " and " + b.size() + " jobs; a difference Gantt needs the same workload");
        }
        List<StartShift> out = new ArrayList<>(a.size());
        int missing = 0;
        for (int i = 0; i < a.size(); i++) {
            JobTimes x = a.get(i), y = b.get(i);
            if (!x.name().equals(y.name())) {
                throw new IllegalArgumentException("job " + i + " is " + x.name() + " in run A and " + y.name() + " in run B; a difference Gantt needs the same workload");
            }
            if (x.start() < 0 || y.start() < 0) {
                missing++;
                continue;
            }
            out.add(new StartShift(x.index(), x.name(), x.submit(), x.start(), y.start(), x.end(), y.end()));
        }
        return new Comparison(List.copyOf(out), missing);
    }
}
