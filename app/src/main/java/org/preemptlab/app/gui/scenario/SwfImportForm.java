package org.preemptlab.app.gui.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.preemptlab.time.Durations;
import org.preemptlab.io.swf.SwfReadOptions;

/**
 * The SWF import form as typed: how many jobs, which job numbers, which submit times. Blank fields
 * mean "no limit". {@link #check} turns the text into reader options or names, per field, what is
 * wrong with it (shown next to the field).
 */
public final class SwfImportForm {

    public static final String MAX_JOBS = "maxJobs";
    public static final String FIRST_JOB = "firstJob";
    public static final String LAST_JOB = "lastJob";
    public static final String SUBMIT_FROM = "submitFrom";
    public static final String SUBMIT_TO = "submitTo";

    /** Reader options, or the problems by field (then no options). */
    public record Result(Optional<SwfReadOptions> options, Map<String, String> problems) {
        public boolean ok() {
            return options.isPresent();
        }
    }

    private SwfImportForm() {}

    public static Result check(String maxJobs, String firstJob, String lastJob, String submitFrom, String submitTo) {
        Map<String, String> problems = new LinkedHashMap<>();
        Long max = whole(MAX_JOBS, maxJobs, problems);
        Long first = whole(FIRST_JOB, firstJob, problems);
        Long last = whole(LAST_JOB, lastJob, problems);
        Long from = time(SUBMIT_FROM, submitFrom, problems);
        Long to = time(SUBMIT_TO, submitTo, problems);
        if (first != null && last != null && first > last) {
            problems.put(LAST_JOB, "last job " + last + " is before first job " + first + "; the range would be empty");
        }
        if (from != null && to != null && from >= to) {
            problems.put(SUBMIT_TO, "must be after submit-from (" + Durations.format(from) + "); the window would be empty");
        }
        if (!problems.isEmpty()) return new Result(Optional.empty(), problems);
        SwfReadOptions d = SwfReadOptions.defaults();
        SwfReadOptions o = d.withJobRange(first == null ? d.firstJob() : first, last == null ? d.lastJob() : last)
                .withSubmitWindow(from == null ? d.submitFrom() : from, to == null ? d.submitTo() : to);
        if (max != null && max > 0) o = o.withMaxJobs(max);
        return new Result(Optional.of(o), Map.of());
    }

    private static Long whole(String field, String text, Map<String, String> problems) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return null;
        try {
            long v = Long.parseLong(t);
            if (v < 0) {
                problems.put(field, v + " is negative; must be ≥ 0 (blank: no limit)");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.put(field, "\"" + t + "\" is not a whole number (blank: no limit)");
            return null;
        }
    }

    private static Long time(String field, String text, Map<String, String> problems) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) return null;
        try {
            long v = Durations.parse(t);
            if (v < 0) {
                problems.put(field, "\"" + t + "\" is negative; submit times are ≥ 0");
                return null;
            }
            return v;
        } catch (IllegalArgumentException e) {
            problems.put(field, "\"" + t + "\" is not a time; " + Durations.FORMS + " (blank: no limit)");
            return null;
        }
    }
}
