package org.preemptlab.slurmconf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code SchedulerParameters}: its comma-separated options, in order (value {@code ""} for
 * options without one), with typed accessors and Slurm's defaults for the backfill options the
 * model knows ({@link #MODELLED}); the others are listed in the import report as ignored.
 */
public record SchedulerParameters(Map<String, String> options) {

    /** The options read into the model (lower case). */
    public static final Set<String> MODELLED = Set.of("bf_window", "bf_resolution", "bf_interval", "bf_max_job_test", "bf_continue",
            "bf_max_job_start", "bf_max_job_user", "bf_max_job_part", "bf_max_job_user_part", "bf_max_job_assoc",
            "bf_min_age_reserve", "bf_min_prio_reserve", "default_queue_depth", "sched_interval", "batch_sched_delay");

    public static final SchedulerParameters NONE = new SchedulerParameters(Map.of());

    public SchedulerParameters {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /**
     * The value of a {@code SchedulerParameters=} line ({@code bf_interval=30,bf_continue}); blank: none.
     *
     * @throws IllegalArgumentException naming an entry with an empty name
     */
    public static SchedulerParameters parse(String line) {
        Map<String, String> options = new LinkedHashMap<>();
        if (line == null || line.isBlank()) return NONE;
        for (String entry : line.strip().split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) continue;
            int eq = e.indexOf('=');
            String key = (eq < 0 ? e : e.substring(0, eq)).strip();
            if (key.isEmpty()) throw new IllegalArgumentException("SchedulerParameters \"" + line + "\": entry \"" + e + "\" has no name");
            options.put(key, eq < 0 ? "" : e.substring(eq + 1).strip());
        }
        return new SchedulerParameters(options);
    }

    /** The line again, {@code name=value} or {@code name}, comma-separated, in order. */
    public String text() {
        StringBuilder b = new StringBuilder();
        options.forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append(v.isEmpty() ? "" : "=" + v));
        return b.toString();
    }

    /** {@code bf_window} (minutes in the file), seconds; default 1440 minutes. */
    public long bfWindowSeconds() {
        return number("bf_window", 1440) * 60;
    }

    /** {@code bf_resolution}, seconds; default 60. */
    public long bfResolutionSeconds() {
        return number("bf_resolution", 60);
    }

    /** {@code bf_interval}, seconds; default 30. */
    public long bfIntervalSeconds() {
        return number("bf_interval", 30);
    }

    /** {@code bf_max_job_test}; default 500. */
    public long bfMaxJobTest() {
        return number("bf_max_job_test", 500);
    }

    /** {@code bf_max_job_user}; default 0 (no limit). */
    public long bfMaxJobUser() {
        return number("bf_max_job_user", 0);
    }

    /** {@code bf_max_job_part}; default 0 (no limit). */
    public long bfMaxJobPart() {
        return number("bf_max_job_part", 0);
    }

    /** {@code bf_max_job_start}; default 0 (no limit). */
    public long bfMaxJobStart() {
        return number("bf_max_job_start", 0);
    }

    /** {@code bf_min_age_reserve}, seconds; default 0. */
    public long bfMinAgeReserveSeconds() {
        return number("bf_min_age_reserve", 0);
    }

    public boolean bfContinue() {
        return options.containsKey("bf_continue");
    }

    /** {@code default_queue_depth}; default 100. */
    public long defaultQueueDepth() {
        return number("default_queue_depth", 100);
    }

    /** {@code sched_interval}, seconds; default 60. */
    public long schedIntervalSeconds() {
        return number("sched_interval", 60);
    }

    public long number(String option, long otherwise) {
        String v = options.get(option);
        if (v == null || v.isEmpty()) return otherwise;
        return Long.parseLong(v);
    }
}
