package org.preemptlab.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When slurmctld's schedulers ran, read from its log (needs {@code SlurmctldDebug=debug} for the main
 * scheduler's passes and {@code DebugFlags=Backfill} for the backfill cycles): the timers' phase and
 * slurmctld's own latency, which a sacct history does not record. Times are epoch milliseconds of the
 * log's local time read as UTC, as {@link SacctReader} reads sacct's times, so both share one clock.
 *
 * @param fullPasses  the main scheduler's periodic passes over the whole queue ({@code sched_interval}):
 *                    {@code sched: Running job scheduler for full queue.}
 * @param eventPasses the main scheduler's passes after a submit or an end ({@code batch_sched_delay}):
 *                    {@code sched: Running job scheduler for default depth.}
 * @param backfillCycles the backfill cycles: {@code _attempt_backfill: beginning}
 * @param startedBy   per JobId (as sacct names it: {@code 13_0} for the log's {@code 13_0(14)}), which scheduler started it: {@code main} ({@code sched: Allocate JobId=…})
 *                    or {@code backfill} ({@code _start_job: Started JobId=…})
 * @param startedAt   per JobId, the millisecond of that start
 * @param priorityStart when the multifactor plugin started ({@code Priority MULTIFACTOR plugin loaded}): its decay
 *                    thread recomputes fair-share and priorities at this instant + k·PriorityCalcPeriod; null if absent
 * @param calcTicks   the instants of the decay thread's recomputations the log shows ({@code _apply_priority_fs: PRIO:}, written
 *                    by the Fair Tree algorithm at each PriorityCalcPeriod tick); empty when it writes none (classic fair-share)
 * @param submittedAt per JobId as logged (an array's: its own id, {@code 13}), when slurmctld accepted the submission
 *                    ({@code _slurm_rpc_submit_batch_job: JobId=…}, at {@code info})
 * @param endedAt     per JobId as sacct names it ({@code 13_0} for the log's {@code 13_0(14)}), when slurmctld ended the job:
 *                    its first {@code _job_complete: JobId=…} line, or {@code Time limit exhausted for JobId=…} for a timeout
 *
 * <p>Lines of one millisecond keep the log's order: a submit or an end written after a pass's or a cycle's line of
 * the same millisecond is taken 1 ms later, so that the pass, which ran first (it holds the job lock the RPC waits for),
 * stays before it; one written before such a line keeps its millisecond (a pass recorded at the same millisecond as an
 * event runs after it).
 */
public record SlurmctldLog(List<Long> fullPasses, List<Long> eventPasses, List<Long> backfillCycles,
        Map<String, String> startedBy, Map<String, Long> startedAt, Long priorityStart, List<Long> calcTicks,
        Map<String, Long> submittedAt, Map<String, Long> endedAt) {

    private static final Pattern STAMP = Pattern.compile("^\\[(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d{1,3})?)\\] (.*)$");
    private static final Pattern ALLOCATE = Pattern.compile("sched: Allocate JobId=([^\\s(]+)");
    private static final Pattern BF_START = Pattern.compile("_start_job: Started JobId=([^\\s(]+)");
    private static final Pattern SUBMIT = Pattern.compile("_slurm_rpc_submit_batch_job: JobId=(\\S+) ");
    private static final Pattern END = Pattern.compile("(?:_job_complete: |Time limit exhausted for )JobId=([^\\s(]+)");

    public SlurmctldLog {
        fullPasses = List.copyOf(fullPasses);
        eventPasses = List.copyOf(eventPasses);
        backfillCycles = List.copyOf(backfillCycles);
        calcTicks = List.copyOf(calcTicks);
        startedBy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startedBy));
        startedAt = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(startedAt));
        submittedAt = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(submittedAt));
        endedAt = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endedAt));
    }

    /** A log read without the submits' and ends' lines. */
    public SlurmctldLog(List<Long> fullPasses, List<Long> eventPasses, List<Long> backfillCycles, Map<String, String> startedBy,
            Map<String, Long> startedAt, Long priorityStart, List<Long> calcTicks) {
        this(fullPasses, eventPasses, backfillCycles, startedBy, startedAt, priorityStart, calcTicks, Map.of(), Map.of());
    }

    /** @throws UncheckedIOException naming the file when it cannot be read */
    public static SlurmctldLog read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("slurmctld log " + file + ": " + e.getMessage(), e);
        }
    }

    /** Lines without a {@code [time]} stamp or that name no pass or start are skipped. */
    public static SlurmctldLog parse(List<String> lines) {
        List<Long> full = new ArrayList<>(), event = new ArrayList<>(), bf = new ArrayList<>(), ticks = new ArrayList<>();
        Map<String, String> by = new LinkedHashMap<>();
        Map<String, Long> at = new LinkedHashMap<>(), submits = new LinkedHashMap<>(), ends = new LinkedHashMap<>();
        Long prio = null;
        long lastPass = Long.MIN_VALUE; // the millisecond of the last pass or cycle line read
        for (String line : lines) {
            Matcher m = STAMP.matcher(line);
            if (!m.matches()) continue;
            String text = m.group(2);
            boolean pass = text.contains("Running job scheduler for");
            boolean cycle = text.endsWith("_attempt_backfill: beginning");
            Matcher alloc = ALLOCATE.matcher(text);
            Matcher bfStart = BF_START.matcher(text);
            boolean a = alloc.find(), b = !a && bfStart.find();
            boolean plugin = text.endsWith("Priority MULTIFACTOR plugin loaded");
            boolean tick = text.contains("_apply_priority_fs: PRIO:");
            Matcher submit = SUBMIT.matcher(text);
            Matcher end = END.matcher(text);
            boolean sub = !a && !b && submit.find(), ended = !a && !b && !sub && end.find();
            if (!pass && !cycle && !a && !b && !plugin && !tick && !sub && !ended) continue;
            long ms;
            try {
                ms = LocalDateTime.parse(m.group(1)).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                continue;
            }
            if (plugin) {
                if (prio == null) prio = ms;
            } else if (tick) ticks.add(ms);
            else if (sub) submits.putIfAbsent(submit.group(1), ms == lastPass ? ms + 1 : ms);
            else if (ended) ends.putIfAbsent(end.group(1), ms == lastPass ? ms + 1 : ms);
            else if (pass) {
                (text.contains("full queue") ? full : event).add(ms);
                lastPass = ms;
            } else if (cycle) {
                bf.add(ms);
                lastPass = ms;
            }
            else {
                String id = a ? alloc.group(1) : bfStart.group(1);
                by.put(id, a ? "main" : "backfill");
                at.put(id, ms);
            }
        }
        return new SlurmctldLog(full, event, bf, by, at, prio, ticks, submits, ends);
    }

    public boolean isEmpty() {
        return fullPasses.isEmpty() && eventPasses.isEmpty() && backfillCycles.isEmpty();
    }
}
