package org.preemptlab.history;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The rows of one sacct table, in file order, and how many fell under each rule. */
public record SacctHistory(String source, List<SacctJob> jobs, Map<SacctRule, Integer> counts) {

    public SacctHistory {
        jobs = List.copyOf(jobs);
        EnumMap<SacctRule, Integer> c = new EnumMap<>(SacctRule.class);
        for (SacctRule r : SacctRule.values()) c.put(r, counts.getOrDefault(r, 0));
        counts = Collections.unmodifiableMap(c);
    }

    /** The rows a replay runs (rules {@link SacctRule#REPLAYED} and {@link SacctRule#REPLAYED_REQUEUED}). */
    public List<SacctJob> replayed() {
        return jobs.stream().filter(j -> j.rule().replayed()).toList();
    }

    /** The earliest Submit of the replayed rows (the zero of replay times), or 0 if none. */
    public long origin() {
        return replayed().stream().mapToLong(SacctJob::submit).filter(t -> t >= 0).min().orElse(0);
    }

    public int count(SacctRule rule) {
        return counts.get(rule);
    }
}
