package org.preemptlab.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.preemptlab.slurmconf.SlurmTime;
import org.preemptlab.slurmconf.TresText;
import org.preemptlab.time.SimTime;

/**
 * Reads {@code sacct -P -X --format=…} output: a header line of field names (any order, any case,
 * extra fields ignored), then one row per job, fields separated by {@code |}. Needs JobID, Submit,
 * Start, End, Elapsed, Timelimit and State; reads JobName, User, Account, Partition, QOS,
 * Eligible, NNodes, NCPUS, ReqMem, ReqTRES, AllocTRES, NodeList and Priority when present. Blank
 * lines are skipped. The first bad value stops the read with {@code file:line: Field: "value": why}.
 */
public final class SacctReader {

    /** The fields {@code replay} asks sacct for, in the order the issue gives. */
    public static final List<String> FIELDS = List.of("JobID", "JobName", "User", "Account", "Partition", "QOS", "Submit",
            "Eligible", "Start", "End", "Elapsed", "Timelimit", "NNodes", "NCPUS", "ReqMem", "ReqTRES", "AllocTRES",
            "NodeList", "State", "Priority");

    /** Positions in {@link #FIELDS}: a row's look-ups are array reads ({@link Row#text}). */
    private static final int JOB_ID = 0, JOB_NAME = 1, USER = 2, ACCOUNT = 3, PARTITION = 4, QOS = 5, SUBMIT = 6, ELIGIBLE = 7, START = 8, END = 9, ELAPSED = 10, TIMELIMIT = 11, NNODES = 12, NCPUS = 13, REQ_MEM = 14, REQ_TRES = 15, ALLOC_TRES = 16, NODE_LIST = 17, STATE = 18, PRIORITY = 19;

    private static final List<String> REQUIRED = List.of("JobID", "Submit", "Start", "End", "Elapsed", "Timelimit", "State");

    /** States of a job sacct lists as not over yet. */
    private static final Set<String> LIVE = Set.of("PENDING", "RUNNING", "SUSPENDED", "REQUEUED", "REQUEUE_FED",
            "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "COMPLETING", "CONFIGURING", "STOPPED", "RESV_DEL_HOLD");

    private SacctReader() {}

    /**
     * Below this many characters a text is read on the calling thread alone; from it on, its second half is read on a
     * second thread while this one reads the first ({@link #read(String, String, int)}).
     */
    static final int SPLIT_CHARS = 1 << 20;

    public static SacctHistory read(Path file) throws IOException, SacctException {
        byte[] bytes = Files.readAllBytes(file);
        if (ascii(bytes)) { // sacct's usual output: each byte one character, no decoding to check
            return read(new String(bytes, StandardCharsets.ISO_8859_1), file.getFileName().toString(), SPLIT_CHARS);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            // not UTF-8 somewhere: read as a stream, as before, so that a bad row before the bad bytes is still the error
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return read(r, file.getFileName().toString());
            } catch (java.nio.charset.MalformedInputException e2) {
                throw new SacctException(file.getFileName() + ": not UTF-8 text");
            }
        }
        return read(text, file.getFileName().toString(), SPLIT_CHARS);
    }

    private static boolean ascii(byte[] b) {
        for (byte x : b) if (x < 0) return false;
        return true;
    }

    public static SacctHistory read(String text, String source) throws SacctException {
        return read(text, source, SPLIT_CHARS);
    }

    /**
     * {@link #read(String, String)}, the rows after the first line break past the middle of a text of at least
     * {@code splitChars} characters read on a second thread (their line numbers counted on from the first half's lines,
     * as {@link BufferedReader#readLine} ends lines): the same history, the same first error (the first half's before the
     * second's), and the second thread ended before this returns or throws.
     */
    static SacctHistory read(String text, String source, int splitChars) throws SacctException {
        int mid = text.length() >= splitChars ? text.indexOf('\n', text.length() / 2) : -1;
        if (mid < 0 || mid + 1 >= text.length()) {
            try {
                return read(new StringReader(text), source);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        String first = text.substring(0, mid + 1);
        String second = text.substring(mid + 1);
        Rows a = new Rows(source, 0);
        BufferedReader in = new BufferedReader(new StringReader(first));
        try {
            if (!a.header(in)) { // no header in the first half: read on, here
                a.rows(new BufferedReader(new StringReader(second)));
                return a.history();
            }
            Rows b = new Rows(source, lineBreaks(first), a);
            org.preemptlab.background.SecondThread<Void> half = org.preemptlab.background.SecondThread.start("preemptlab-sacct-second-half", () -> {
                b.rows(new BufferedReader(new StringReader(second)));
                return null;
            });
            try {
                a.rows(in);
            } catch (SacctException | RuntimeException | Error e) {
                b.stop = true; // the first half's error is the read's: the second half stops at its next row
                half.join();
                throw e;
            }
            half.get(SacctException.class);
            a.append(b);
            return a.history();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringReader does not fail
        }
    }

    /** How many lines {@link BufferedReader#readLine} reads from {@code text}, which ends with a line break. */
    static int lineBreaks(String text) {
        int n = 0;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c == '\n') n++;
            else if (c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n')) n++;
        }
        return n;
    }

    public static SacctHistory read(Reader reader, String source) throws IOException, SacctException {
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        Rows rows = new Rows(source, 0);
        if (rows.header(in)) rows.rows(in);
        return rows.history();
    }

    /** The rows of one stretch of lines: the header's columns (read here, or the first stretch's), the jobs, the rules' counts. */
    private static final class Rows {
        private final String source;
        private int n;
        private Map<String, Integer> column;
        private int columns;
        private int[] at = new int[FIELDS.size()]; // each field's column (−1: none), from the header
        private final List<SacctJob> jobs = new ArrayList<>();
        private final EnumMap<SacctRule, Integer> counts = new EnumMap<>(SacctRule.class);
        private final Shared shared = new Shared();
        /** Set by another thread: stop before the next row (its result is not used). */
        volatile boolean stop;

        /** From line {@code linesBefore} + 1 on. */
        Rows(String source, int linesBefore) {
            this.source = source;
            this.n = linesBefore;
        }

        /** From line {@code linesBefore} + 1 on, with the header {@code of} has read. */
        Rows(String source, int linesBefore, Rows of) {
            this(source, linesBefore);
            this.column = of.column;
            this.columns = of.columns;
            this.at = of.at.clone();
        }

        /** Reads up to the header and reads it; false when the lines end first. */
        boolean header(BufferedReader in) throws IOException, SacctException {
            String line;
            while ((line = in.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1); // a byte-order mark (saved on Windows): "no JobID field" before
                if (line.isBlank()) continue;
                String[] f = line.split("\\|", -1);
                column = SacctReader.header(f, source, n);
                columns = f.length;
                for (int k = 0; k < at.length; k++) at[k] = column.getOrDefault(FIELDS.get(k).toLowerCase(Locale.ROOT), -1);
                return true;
            }
            return false;
        }

        /** Reads the rows after the header to the end of {@code in}. */
        void rows(BufferedReader in) throws IOException, SacctException {
            String line;
            while ((line = in.readLine()) != null) {
                if (stop) throw new java.util.concurrent.CancellationException("the read stopped at an earlier error");
                n++;
                if (line.isBlank()) continue;
                int fields = fields(line);
                if (fields != columns) {
                    throw new SacctException(source + ":" + n + ": " + fields + " fields; the header has " + columns
                            + " (fields are separated by '|': is this sacct -P output?)");
                }
                SacctJob job = new Row(source, n, split(line, fields), at, shared).job();
                counts.merge(job.rule(), 1, Integer::sum);
                jobs.add(job);
            }
        }

        /** The rows of {@code later} (read from where these end) after these. */
        void append(Rows later) {
            jobs.addAll(later.jobs);
            later.counts.forEach((r, c) -> counts.merge(r, c, Integer::sum));
        }

        SacctHistory history() throws SacctException {
            if (column == null) throw new SacctException(source + ": empty; expected a header line (" + String.join("|", FIELDS) + ")");
            return new SacctHistory(source, jobs, counts);
        }
    }

    /** How many '|'-separated fields {@code line} has (as {@code line.split("\\|", -1)} gives them). */
    static int fields(String line) {
        int n = 1;
        for (int i = line.indexOf('|'); i >= 0; i = line.indexOf('|', i + 1)) n++;
        return n;
    }

    /** {@code line.split("\\|", -1)}, its {@code n} fields known: no pattern, no list. */
    static String[] split(String line, int n) {
        String[] f = new String[n];
        int from = 0;
        for (int k = 0; k < n - 1; k++) {
            int bar = line.indexOf('|', from);
            f[k] = line.substring(from, bar);
            from = bar + 1;
        }
        f[n - 1] = line.substring(from);
        return f;
    }

    private static Map<String, Integer> header(String[] f, String source, int line) throws SacctException {
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < f.length; i++) column.putIfAbsent(f[i].strip().toLowerCase(Locale.ROOT), i);
        // the names as this class spells them too: a row's look-ups then need no lower-casing (20 a row)
        for (String name : FIELDS) {
            Integer i = column.get(name.toLowerCase(Locale.ROOT));
            if (i != null) column.putIfAbsent(name, i);
        }
        for (String r : REQUIRED) {
            if (!column.containsKey(r.toLowerCase(Locale.ROOT))) {
                throw new SacctException(source + ":" + line + ": header: no " + r + " field; the header must name the fields, e.g. "
                        + String.join("|", FIELDS) + " (sacct -P --format=…; without --noheader)");
            }
        }
        return column;
    }

    /**
     * {@code YYYY-MM-DDTHH:MM:SS} (sacct's form) as epoch seconds, UTC, without the formatter (four of them a
     * row: most of the reading's time); {@link Long#MIN_VALUE} for anything else, including an impossible date
     * or time, which {@link LocalDateTime#parse} then judges as before.
     */
    static long plainTime(String v) {
        if (v.length() != 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        int year = digits(v, 0, 4), month = digits(v, 5, 2), day = digits(v, 8, 2);
        int hour = digits(v, 11, 2), minute = digits(v, 14, 2), second = digits(v, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        if (day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) return Long.MIN_VALUE;
        return java.time.LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second;
    }

    /**
     * sacct's durations {@code HH:MM:SS} and {@code D-HH:MM:SS} (1 to 4 digits of days: below
     * {@link SimTime#MAX_SECONDS}) in seconds, as {@link SlurmTime#parseSeconds} reads them, without its checks and
     * splits (two a row); −1 for any other form, which {@link SlurmTime#parseSeconds} then reads as before.
     */
    static long plainDuration(String v) {
        int len = v.length();
        if (len < 8 || v.charAt(len - 3) != ':' || v.charAt(len - 6) != ':') return -1;
        int h = digits(v, len - 8, 2), m = digits(v, len - 5, 2), s = digits(v, len - 2, 2);
        if (h < 0 || m < 0 || s < 0) return -1;
        long t = h * 3_600L + m * 60L + s;
        if (len == 8) return t;
        int days = len - 9;
        if (days < 1 || days > 4 || v.charAt(len - 9) != '-') return -1;
        int d = digits(v, 0, days);
        return d < 0 ? -1 : d * 86_400L + t;
    }

    /**
     * What the rows of one read share: equal texts (user, account, partition, …: a few hundred distinct values in
     * 100,000 rows) as one string, and each distinct TRES text read once, as one map — a history's jobs then hold a
     * fraction of the memory (less for the collector to copy). Bounded: past {@link #LIMIT} distinct values a text is
     * kept as read.
     */
    private static final class Shared {
        static final int LIMIT = 1 << 16;
        private final Map<String, String> texts = new HashMap<>();
        private final Map<String, Map<String, Long>> tres = new HashMap<>();

        String text(String v) {
            if (v.isEmpty()) return "";
            String s = texts.get(v);
            if (s != null) return s;
            if (texts.size() < LIMIT) texts.put(v, v);
            return v;
        }

        /** The TRES text read ({@link TresText#parse}), as an unmodifiable map; throws as it does. */
        Map<String, Long> tres(String v) {
            Map<String, Long> m = tres.get(v);
            if (m != null) return m;
            m = Map.copyOf(TresText.parse(v));
            if (tres.size() < LIMIT) tres.put(v, m);
            return m;
        }
    }

    /** The n ASCII digits of s from i as a number, or −1 if one is not a digit. */
    private static int digits(String s, int i, int n) {
        int v = 0;
        for (int k = i; k < i + n; k++) {
            char c = s.charAt(k);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean allDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static boolean stateLetters(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c < 'A' || c > 'Z') && c != '_') return false;
        }
        return true;
    }

    /** One row being read: each accessor names the field when its value is bad. */
    private record Row(String source, int line, String[] f, int[] at, Shared shared) {

        /** The field {@code FIELDS.get(field)}: its column's text, stripped; "" when the header has no such column. */
        String text(int field) {
            int i = at[field];
            return i < 0 ? "" : f[i].strip();
        }

        SacctException bad(int field, String why) {
            String v = text(field);
            if (v.length() > 80) v = v.substring(0, 77) + "...";
            return new SacctException(source + ":" + line + ": " + FIELDS.get(field) + ": \"" + v + "\": " + why);
        }

        /** A date-time, or −1 for Unknown / None / empty. */
        long time(int field) throws SacctException {
            String v = text(field);
            if (v.isEmpty() || v.equalsIgnoreCase("Unknown") || v.equalsIgnoreCase("None")) return -1;
            long fast = plainTime(v);
            if (fast != Long.MIN_VALUE) return fast;
            try {
                return LocalDateTime.parse(v).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw bad(field, "not a time (YYYY-MM-DDTHH:MM:SS, Unknown or None)");
            }
        }

        long duration(int field) throws SacctException {
            String v = text(field);
            if (v.isEmpty()) return -1;
            if (v.equalsIgnoreCase("Partition_Limit")) return SacctJob.PARTITION_LIMIT;
            long plain = plainDuration(v);
            if (plain >= 0) return plain;
            try {
                long s = SlurmTime.parseSeconds(v);
                if (s == SlurmTime.UNLIMITED) return SacctJob.UNLIMITED;
                if (s > SimTime.MAX_SECONDS) {
                    throw bad(field, "longer than " + SimTime.MAX_SECONDS_TEXT + " (" + SimTime.MAX_SECONDS + " s), the longest time a run covers");
                }
                return s;
            } catch (IllegalArgumentException e) {
                throw bad(field, "not a duration ([D-]HH:MM:SS, UNLIMITED or Partition_Limit)");
            }
        }

        long count(int field, long otherwise) throws SacctException {
            String v = text(field);
            if (v.isEmpty()) return otherwise;
            if (v.length() > 18 || !allDigits(v)) throw bad(field, "not a whole number ≥ 0");
            return Long.parseLong(v);
        }

        int smallCount(int field) throws SacctException {
            long v = count(field, 0);
            if (v > Integer.MAX_VALUE) throw bad(field, "too large");
            return (int) v;
        }

        Map<String, Long> tres(int field) throws SacctException {
            try {
                return shared.tres(text(field));
            } catch (IllegalArgumentException e) {
                throw bad(field, e.getMessage());
            }
        }

        SacctJob job() throws SacctException {
            SacctJobId id;
            try {
                id = SacctJobId.parse(text(JOB_ID));
            } catch (IllegalArgumentException e) {
                throw bad(JOB_ID, e.getMessage() + " (forms: 123, 123_4, 123_[5-9], 123+1, 123.batch)");
            }
            long submit = time(SUBMIT);
            long eligible = time(ELIGIBLE);
            long start = time(START);
            long end = time(END);
            long elapsed = duration(ELAPSED);
            if (elapsed == SacctJob.UNLIMITED || elapsed == SacctJob.PARTITION_LIMIT) throw bad(ELAPSED, "not a duration");
            long timelimit = duration(TIMELIMIT);
            String state = text(STATE);
            int sp = state.indexOf(' ');
            if (sp >= 0) state = state.substring(0, sp);
            if (state.endsWith("+")) state = state.substring(0, state.length() - 1);
            state = state.toUpperCase(Locale.ROOT);
            if (state.isEmpty() || !stateLetters(state)) throw bad(STATE, "not a job state");
            state = shared.text(state);
            if (start >= 0 && submit >= 0 && start < submit) throw bad(START, "before Submit");
            if (start >= 0 && end >= 0 && end < start) throw bad(END, "before Start");
            String mem = text(REQ_MEM);
            long memMb = -1;
            boolean perCpu = false;
            if (!mem.isEmpty()) {
                String m = mem;
                char last = Character.toLowerCase(m.charAt(m.length() - 1));
                if (last == 'n' || last == 'c') {
                    perCpu = last == 'c';
                    m = m.substring(0, m.length() - 1);
                }
                try {
                    memMb = shared.tres("mem=" + m).getOrDefault("mem", 0L); // a few distinct texts: each read once
                } catch (IllegalArgumentException e) {
                    throw bad(REQ_MEM, "not an amount of memory (MB, or with K, M, G, T; n or c at the end in old Slurm)");
                }
            }
            SacctRule rule;
            if (id.step() != null) rule = SacctRule.STEP;
            else if (start >= 0 && end >= 0 && submit >= 0 && elapsed >= 0) rule = state.startsWith("REQUEUE") ? SacctRule.REPLAYED_REQUEUED : SacctRule.REPLAYED;
            else if (start < 0 && !LIVE.contains(state)) rule = SacctRule.NEVER_STARTED;
            else rule = SacctRule.UNFINISHED;
            if (rule.replayed() && submit < 0) throw bad(SUBMIT, "unknown for a job that ran");
            long priority = count(PRIORITY, -1);
            return new SacctJob(line, id, shared.text(text(JOB_NAME)), shared.text(text(USER)), shared.text(text(ACCOUNT)),
                    shared.text(text(PARTITION)), shared.text(text(QOS)), submit, eligible, start, end, elapsed, timelimit,
                    smallCount(NNODES), smallCount(NCPUS), memMb, perCpu, tres(REQ_TRES), tres(ALLOC_TRES),
                    shared.text(text(NODE_LIST)), state, priority, rule);
        }
    }
}
