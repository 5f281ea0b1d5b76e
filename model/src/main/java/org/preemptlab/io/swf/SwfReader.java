package org.preemptlab.io.swf;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.job.JobSpec;

/**
 * Reads Standard Workload Format traces (plain or gzip-compressed) into {@link JobSpec}s.
 *
 * <p>Compression is detected from the first bytes (the gzip magic {@code 1f 8b}), not from the
 * file name. Lines are parsed by hand from a byte buffer (no regular expressions, no per-field
 * strings), so a 200,000-job trace reads in a fraction of a second; the per-job allocations are
 * the {@code JobSpec} and its {@code swf} array (its name, the job number as text, is made only when
 * shown).
 *
 * <p>Every job line goes through the {@link SwfAnomaly} rules in their declared order; what they
 * drop or change is counted in the {@link AnomalyReport}. Jobs become
 * {@code JobSpec(id = job number, name = job number as text, submit, nodes = processors,
 * coresPerNode = 1, estimate, runtime, qos "normal", rerunnable, checkpointable, swf = the 18
 * fields)}; {@code swf} holds the values as read (time and measured fields rounded to integers).
 *
 * <p>The machine size is the {@link SwfReadOptions#procs()} override, else the header's
 * {@code MaxProcs}, else {@code MaxNodes} (values ≤ 0 count as absent), else the largest job's
 * processors ({@link MachineSizeSource#INFERRED}); it is fixed when the first job line is read, so
 * header lines after the first job are kept in the header but do not change it.
 *
 * <p>Format errors throw {@link SwfFormatException} with the file's display name, line and field.
 */
public final class SwfReader {

    private static final int BUFFER = 1 << 16;
    private static final int MAX_LINE = 1 << 20;
    private static final int BITSET_LIMIT = 1 << 26;

    /** The order of {@link SwfTrace#jobs()}: submit time, then job number (stable). */
    public static final Comparator<JobSpec> SUBMIT_ORDER = new SubmitOrder();

    /**
     * Submit time, then job number. Written out, not {@code comparingLong(…).thenComparingInt(…)}: no lambda for
     * a one-shot command to link (the JDK's own comparator lambdas are spun at run time, outside the class-data
     * archive), and one call a comparison under C1 instead of four.
     */
    private static final class SubmitOrder implements Comparator<JobSpec> {
        @Override
        public int compare(JobSpec a, JobSpec b) {
            return before(b, a) ? 1 : before(a, b) ? -1 : 0;
        }
    }

    /** {@code a} comes strictly before {@code b} in {@link #SUBMIT_ORDER}. */
    static boolean before(JobSpec a, JobSpec b) {
        return a.submit() < b.submit() || (a.submit() == b.submit() && a.id() < b.id());
    }

    private static final SwfField.Kind[] KINDS = new SwfField.Kind[SwfField.COUNT];
    /** Bit k set: field index k is of that kind. */
    private static final int INTEGER_MASK;
    private static final int TIME_MASK;
    private static final int MEASURE_MASK;

    static {
        int integer = 0;
        int time = 0;
        int measure = 0;
        for (SwfField f : SwfField.values()) {
            KINDS[f.index()] = f.kind();
            switch (f.kind()) {
                case INTEGER -> integer |= 1 << f.index();
                case TIME -> time |= 1 << f.index();
                default -> measure |= 1 << f.index();
            }
        }
        INTEGER_MASK = integer;
        TIME_MASK = time;
        MEASURE_MASK = measure;
    }

    private SwfReader() {
    }

    /** Reads the whole trace with {@link SwfReadOptions#defaults()}. */
    public static SwfTrace read(Path file) throws IOException {
        return read(file, SwfReadOptions.defaults());
    }

    /**
     * Reads the whole trace; jobs are sorted by (submit, job number).
     *
     * @throws SwfFormatException when the file is missing or malformed or leaves no job
     * @throws IOException        on other read errors
     */
    public static SwfTrace read(Path file, SwfReadOptions options) throws IOException {
        String name = displayName(file);
        try (InputStream in = open(file, name)) {
            return read(in, name, options);
        }
    }

    /**
     * Reads a whole trace from a stream (plain or gzip), which is not closed.
     *
     * @param displayName the name used in messages, e.g. the file name
     */
    public static SwfTrace read(InputStream in, String displayName, SwfReadOptions options) throws IOException {
        List<JobSpec> jobs = new ArrayList<>(1024);
        Parser parser = parse(in, displayName, options, jobs::add);
        if (parser.report.count(SwfAnomaly.UNSORTED_SUBMIT) > 0) {
            jobs.sort(SUBMIT_ORDER);
        }
        return new SwfTrace(parser.header(), Collections.unmodifiableList(jobs), parser.report.build(),
                parser.report.machineProcs);
    }

    /**
     * Reads a trace job by job, handing each kept job to {@code sink} as soon as its line is read,
     * in file order. It cannot reorder: when {@link AnomalyReport#count} of
     * {@link SwfAnomaly#UNSORTED_SUBMIT} is not 0 the sink saw jobs out of submit order (use
     * {@link #read} for such traces). When the machine size is inferred it is only known at the end.
     */
    public static SwfSummary stream(Path file, SwfReadOptions options, Consumer<? super JobSpec> sink)
            throws IOException {
        String name = displayName(file);
        try (InputStream in = open(file, name)) {
            return stream(in, name, options, sink);
        }
    }

    /** As {@link #stream(Path, SwfReadOptions, Consumer)}, from a stream that is not closed. */
    public static SwfSummary stream(InputStream in, String displayName, SwfReadOptions options,
            Consumer<? super JobSpec> sink) throws IOException {
        Parser parser = parse(in, displayName, options, sink);
        return new SwfSummary(parser.header(), parser.report.build(), parser.report.machineProcs,
                parser.report.jobsKept);
    }

    private static Parser parse(InputStream raw, String displayName, SwfReadOptions options,
            Consumer<? super JobSpec> sink) throws IOException {
        return parse(raw, displayName, options, sink, null);
    }

    /**
     * As {@link #stream}, telling {@code onMachine} the machine size as soon as it is fixed (when the first
     * job line is read, or at the end): the processors, or 0 when they are inferred from the jobs and
     * known at the end only. For {@link SwfFeed}.
     */
    static Parser parse(InputStream raw, String displayName, SwfReadOptions options,
            Consumer<? super JobSpec> sink, IntConsumer onMachine) throws IOException {
        Objects.requireNonNull(raw, "in");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(sink, "sink");
        // the caller's stream stays open; our gzip decoder (and its native Inflater) is released
        try (InputStream in = decode(new NonClosing(raw), displayName)) {
            Parser parser = new Parser(in, displayName, options, sink);
            parser.onMachine = onMachine;
            parser.run();
            return parser;
        }
    }

    static String displayName(Path file) {
        Path name = file.getFileName();
        // a device or pipe (/dev/null, /dev/stdin) is named by its path: "null" alone says nothing
        boolean special = Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
        return name == null || special ? file.toString() : name.toString();
    }

    static InputStream open(Path file, String name) throws IOException {
        if (Files.isDirectory(file)) {
            throw new SwfFormatException(name, name + ": is a directory (" + file.toAbsolutePath() + ")", null);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new SwfFormatException(name, name + ": file not found (" + file.toAbsolutePath() + ")", e);
        }
    }

    private static InputStream decode(InputStream in, String name) throws IOException {
        BufferedInputStream bin = new BufferedInputStream(in, BUFFER);
        bin.mark(4);
        byte[] magic = new byte[4];
        int n = bin.readNBytes(magic, 0, 4);
        bin.reset();
        int b0 = n > 0 ? magic[0] & 0xff : -1;
        int b1 = n > 1 ? magic[1] & 0xff : -1;
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new GZIPInputStream(bin, BUFFER);
            } catch (EOFException e) {
                throw new SwfFormatException(name, name + ": truncated gzip stream after line 0", e);
            } catch (ZipException e) {
                throw new SwfFormatException(name, name + ": corrupt gzip stream after line 0 (" + e.getMessage() + ")",
                        e);
            }
        }
        String other = otherCompression(magic, n);
        if (other != null) {
            throw new SwfFormatException(name, name + ": " + other
                    + " compression is not supported; decompress the file or recompress it with gzip", null);
        }
        return bin;
    }

    private static String otherCompression(byte[] m, int n) {
        if (n >= 3 && m[0] == 'B' && m[1] == 'Z' && m[2] == 'h') {
            return "bzip2";
        }
        if (n >= 4 && (m[0] & 0xff) == 0xfd && m[1] == '7' && m[2] == 'z' && m[3] == 'X') {
            return "xz";
        }
        if (n >= 4 && (m[0] & 0xff) == 0x28 && (m[1] & 0xff) == 0xb5 && (m[2] & 0xff) == 0x2f
                && (m[3] & 0xff) == 0xfd) {
            return "zstd";
        }
        if (n >= 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4) {
            return "zip";
        }
        return null;
    }

    /** Shields the caller's stream from close(). */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the stream
        }
    }

    /** State of one read: the byte buffer, the current line, the header and the rule bookkeeping. */
    static final class Parser {
        private final InputStream in;
        private final String name;
        private final SwfReadOptions opt;
        private final Consumer<? super JobSpec> sink;
        final AnomalyReport.Builder report;
        /** Told the machine size when it is fixed (0: inferred at the end), or null. */
        private IntConsumer onMachine;

        private byte[] buf = new byte[BUFFER];
        private int pos;
        private int lim;
        private int scan;
        private boolean eof;
        private long lineNo;
        private int lineStart;
        private int lineEnd;
        private boolean stop;
        private boolean limitReached;

        private final int[] tokStart = new int[SwfField.COUNT];
        private final int[] tokEnd = new int[SwfField.COUNT];
        private final long[] fields = new long[SwfField.COUNT];
        private boolean lastFraction;

        // header: keys and values kept mutable for continuation lines
        private final List<String> keys = new ArrayList<>();
        private final List<String> values = new ArrayList<>();
        private boolean continuable;

        private boolean machineFixed;
        private int machine;
        private long machineLimit;
        private int maxProcsSeen;

        private final BitSet seenLow = new BitSet();
        private final Set<Integer> seenHigh = new HashSet<>();
        private final Map<Long, Long> partials = new LinkedHashMap<>();
        private boolean anyKept;
        private long prevSubmit;
        private long prevJob;

        Parser(InputStream in, String name, SwfReadOptions opt, Consumer<? super JobSpec> sink) {
            this.in = in;
            this.name = name;
            this.opt = opt;
            this.sink = sink;
            this.report = new AnomalyReport.Builder(name);
        }

        void run() throws IOException {
            while (!stop && nextLine()) {
                processLine(lineStart, lineEnd);
            }
            finish();
        }

        SwfHeader header() {
            List<SwfHeader.Entry> entries = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                entries.add(new SwfHeader.Entry(keys.get(i), values.get(i)));
            }
            return SwfHeader.of(entries);
        }

        // ---------------------------------------------------------------- lines

        private boolean nextLine() throws IOException {
            while (true) {
                byte[] b = buf;
                for (int i = scan; i < lim; i++) {
                    if (b[i] == '\n') {
                        lineStart = pos;
                        lineEnd = i;
                        pos = i + 1;
                        scan = pos;
                        lineNo++;
                        return true;
                    }
                }
                scan = lim;
                if (eof) {
                    if (pos < lim) {
                        lineStart = pos;
                        lineEnd = lim;
                        pos = lim;
                        lineNo++;
                        return true;
                    }
                    return false;
                }
                fill();
            }
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                scan -= pos;
                pos = 0;
            }
            if (lim == buf.length) {
                if (buf.length >= MAX_LINE) {
                    throw new SwfFormatException(name, lineNo + 1, 0, name + ":" + (lineNo + 1)
                            + ": line is longer than " + MAX_LINE + " bytes; this is not an SWF file", null);
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n;
            try {
                n = in.read(buf, lim, buf.length - lim);
            } catch (EOFException e) {
                throw new SwfFormatException(name, lineNo, 0, name + ": truncated gzip stream after line " + lineNo, e);
            } catch (ZipException e) {
                throw new SwfFormatException(name, lineNo, 0,
                        name + ": corrupt gzip stream after line " + lineNo + " (" + e.getMessage() + ")", e);
            }
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }

        /** Field separator: space, tab, CR and the other ASCII control bytes (SWF is ASCII text). */
        private static boolean isSpace(byte c) {
            return c <= ' ' && c >= 0;
        }

        private void processLine(int s, int e) throws IOException {
            byte[] b = buf;
            if (lineNo == 1 && e - s >= 3 && b[s] == (byte) 0xEF && b[s + 1] == (byte) 0xBB && b[s + 2] == (byte) 0xBF) {
                s += 3; // a UTF-8 byte-order mark (a file saved by a Windows editor): the header after it is read
            }
            while (s < e && isSpace(b[s])) {
                s++;
            }
            while (e > s && isSpace(b[e - 1])) {
                e--;
            }
            if (s == e) {
                return;
            }
            if (b[s] == ';') {
                headerLine(new String(b, s + 1, e - s - 1, StandardCharsets.UTF_8));
            } else {
                jobLine(s, e);
            }
        }

        // ---------------------------------------------------------------- header

        private void headerLine(String text) throws SwfFormatException {
            int i = 0;
            int n = text.length();
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                keys.add("");
                values.add("");
                continuable = false;
                return;
            }
            if (i <= 3) {
                int j = i;
                while (j < n && SwfHeader.isKeyChar(text.charAt(j))) {
                    j++;
                }
                if (j > i && j < n && text.charAt(j) == ':' && (j + 1 == n || Character.isWhitespace(text.charAt(j + 1)))) {
                    String key = text.substring(i, j);
                    String value = text.substring(j + 1).strip();
                    String rule = SwfHeader.checkNumeric(key, value);
                    if (rule != null) {
                        throw new SwfFormatException(name, lineNo, 0,
                                name + ":" + lineNo + ": header " + key + " is \"" + value + "\"; " + rule, null);
                    }
                    keys.add(key);
                    values.add(value);
                    continuable = true;
                    return;
                }
            }
            if (continuable && i >= 2) {
                int last = values.size() - 1;
                values.set(last, values.get(last) + "\n" + text);
                return;
            }
            keys.add("");
            values.add(text);
            continuable = false;
        }

        private void fixMachine() {
            machineFixed = true;
            SwfHeader h = header();
            if (opt.procs() > 0) {
                machine = opt.procs();
                report.machineSizeSource = MachineSizeSource.OPTION;
            } else if (h.maxProcs() > 0) {
                machine = h.maxProcs();
                report.machineSizeSource = MachineSizeSource.MAX_PROCS;
            } else if (h.maxNodes() > 0) {
                machine = h.maxNodes();
                report.machineSizeSource = MachineSizeSource.MAX_NODES;
            } else {
                machine = 0;
                report.machineSizeSource = MachineSizeSource.INFERRED;
            }
            machineLimit = machine > 0 ? machine : Cluster.MAX_PROCESSORS; // inferring: a larger job is OVERSIZED
            if (onMachine != null) {
                onMachine.accept(machine);
            }
        }

        // ---------------------------------------------------------------- jobs

        private void jobLine(int s, int e) throws IOException {
            if (limitReached) {
                report.stoppedAtMaxJobs = true;
                stop = true;
                return;
            }
            // one pass: split into tokens and parse each as [+-]digits[.digits], rounded like Math.round
            byte[] b = buf;
            long[] f = fields;
            int n = 0;
            int badMask = 0;
            int fractionMask = 0;
            int i = s;
            while (true) {
                byte c = 0;
                while (i < e && isSpace(c = b[i])) {
                    i++;
                }
                if (i >= e) {
                    break;
                }
                int start = i;
                boolean neg = false;
                if (c == '-' || c == '+') {
                    neg = c == '-';
                    i++;
                }
                long v = 0;
                int digits = 0;
                while (i < e && (c = b[i]) >= '0' && c <= '9') {
                    v = v * 10 + (c - '0');
                    digits++;
                    i++;
                }
                boolean fraction = false;
                boolean roundAway = false;
                int fractionDigits = 0;
                if (i < e && b[i] == '.') {
                    i++;
                    int first = -1;
                    boolean restNonZero = false;
                    while (i < e && (c = b[i]) >= '0' && c <= '9') {
                        int d = c - '0';
                        if (first < 0) {
                            first = d;
                        } else if (d != 0) {
                            restNonZero = true;
                        }
                        fractionDigits++;
                        i++;
                    }
                    fraction = first > 0 || restNonZero;
                    roundAway = neg ? first > 5 || (first == 5 && restNonZero) : first >= 5;
                }
                boolean ok = digits <= 18 && digits + fractionDigits > 0 && (i == e || isSpace(b[i]));
                if (!ok) {
                    while (i < e && !isSpace(b[i])) {
                        i++;
                    }
                }
                if (n < SwfField.COUNT) {
                    tokStart[n] = start;
                    tokEnd[n] = i;
                    if (roundAway) {
                        v++;
                    }
                    f[n] = neg ? -v : v;
                    if (!ok) {
                        badMask |= 1 << n;
                    }
                    if (fraction) {
                        fractionMask |= 1 << n;
                    }
                }
                n++;
            }
            if (n != SwfField.COUNT) {
                throw fieldCount(n); // the message in a method of its own: C1 compiles this hot method without it
            }
            int integerErrors = badMask | (fractionMask & INTEGER_MASK);
            if (integerErrors != 0) {
                int k = Integer.numberOfTrailingZeros(integerErrors);
                parseField(k); // throws the message for a malformed token
                throw fieldError(k, "must be an integer");
            }
            if (!machineFixed) {
                fixMachine();
            }
            boolean timeFraction = (fractionMask & TIME_MASK) != 0;
            int measureFractions = Integer.bitCount(fractionMask & MEASURE_MASK);
            report.jobLines++;

            long jobNumber = f[0];
            if (jobNumber < 0 || jobNumber > Integer.MAX_VALUE) {
                throw fieldError(0, "must be an integer from 0 to " + Integer.MAX_VALUE);
            }
            if (jobNumber < opt.firstJob() || jobNumber > opt.lastJob()) {
                report.outsideJobRange++;
                return;
            }
            long submit = f[1];
            if (submit < opt.submitFrom() || submit >= opt.submitTo()) {
                report.outsideSubmitWindow++;
                return;
            }
            report.roundedMeasurements += measureFractions;
            long status = f[10];
            if (status == 2 || status == 3 || status == 4) {
                report.fire(SwfAnomaly.PARTIAL_EXECUTION_RECORD, jobNumber, lineNo);
                partials.putIfAbsent(jobNumber, lineNo);
                return;
            }
            int id = (int) jobNumber;
            if (!markSeen(id)) {
                report.fire(SwfAnomaly.DUPLICATE_JOB_NUMBER, jobNumber, lineNo);
                return;
            }
            if (timeFraction) {
                report.fire(SwfAnomaly.FRACTIONAL_TIME, jobNumber, lineNo);
            }
            if (submit < 0) {
                report.fire(SwfAnomaly.NEGATIVE_SUBMIT, jobNumber, lineNo);
                return;
            }
            long run = f[3];
            if (run <= 0) {
                report.fire(SwfAnomaly.ZERO_OR_MISSING_RUNTIME, jobNumber, lineNo);
                return;
            }
            long procs = f[7] > 0 ? f[7] : f[4];
            if (procs <= 0) {
                report.fire(SwfAnomaly.MISSING_PROCESSORS, jobNumber, lineNo);
                return;
            }
            if (procs > machineLimit) {
                report.fire(SwfAnomaly.OVERSIZED_PROCESSORS, jobNumber, lineNo);
                return;
            }
            long estimate = f[8];
            if (estimate <= 0) {
                report.fire(SwfAnomaly.MISSING_ESTIMATE, jobNumber, lineNo);
                estimate = run;
            } else if (run > estimate) {
                report.fire(SwfAnomaly.RUN_EXCEEDS_ESTIMATE, jobNumber, lineNo);
                estimate = run;
            }
            if (anyKept && (submit < prevSubmit || (submit == prevSubmit && jobNumber < prevJob))) {
                report.fire(SwfAnomaly.UNSORTED_SUBMIT, jobNumber, lineNo);
            }
            anyKept = true;
            prevSubmit = submit;
            prevJob = jobNumber;
            int p = (int) procs;
            if (p > maxProcsSeen) {
                maxProcsSeen = p;
            }
            sink.accept(JobSpec.ofTrace(id, submit, p, estimate, run, opt.keepFields() ? f.clone() : null));
            if (++report.jobsKept >= opt.maxJobs()) {
                limitReached = true;
            }
        }

        private SwfFormatException fieldCount(int n) {
            return new SwfFormatException(name, lineNo, 0,
                    name + ":" + lineNo + ": line has " + n + " fields; SWF needs " + SwfField.COUNT, null);
        }

        private boolean markSeen(int id) {
            if (id < BITSET_LIMIT) {
                if (seenLow.get(id)) {
                    return false;
                }
                seenLow.set(id);
                return true;
            }
            return seenHigh.add(id);
        }

        private boolean isSeen(long id) {
            return id < BITSET_LIMIT ? seenLow.get((int) id) : seenHigh.contains((int) id);
        }

        /**
         * Parses token {@code k} alone, as {@link #jobLine} does inline: {@code [+-]digits[.digits]},
         * rounded like {@link Math#round(double)}; sets {@link #lastFraction} when the fraction was not
         * zero. Used to produce the exact message for a malformed token.
         */
        private long parseField(int k) throws SwfFormatException {
            byte[] b = buf;
            int i = tokStart[k];
            int end = tokEnd[k];
            boolean neg = false;
            byte c = b[i];
            if (c == '-' || c == '+') {
                neg = c == '-';
                i++;
            }
            long v = 0;
            int digits = 0;
            while (i < end && (c = b[i]) >= '0' && c <= '9') {
                if (++digits > 18) {
                    throw fieldError(k, "must have at most 18 digits");
                }
                v = v * 10 + (c - '0');
                i++;
            }
            boolean fraction = false;
            boolean roundAway = false;
            int fractionDigits = 0;
            if (i < end && b[i] == '.') {
                i++;
                int first = -1;
                boolean restNonZero = false;
                while (i < end && (c = b[i]) >= '0' && c <= '9') {
                    int d = c - '0';
                    if (first < 0) {
                        first = d;
                    } else if (d != 0) {
                        restNonZero = true;
                    }
                    fractionDigits++;
                    i++;
                }
                fraction = first > 0 || restNonZero;
                // Math.round: x.5 goes up, so positive halves grow and negative halves shrink
                roundAway = neg ? first > 5 || (first == 5 && restNonZero) : first >= 5;
            }
            if (i != end || digits + fractionDigits == 0) {
                throw fieldError(k, KINDS[k] == SwfField.Kind.INTEGER ? "must be an integer" : "must be a number");
            }
            if (roundAway) {
                v++;
            }
            lastFraction = fraction;
            return neg ? -v : v;
        }

        private SwfFormatException fieldError(int k, String rule) {
            int len = tokEnd[k] - tokStart[k];
            String value = new String(buf, tokStart[k], Math.min(len, 60), StandardCharsets.UTF_8);
            if (len > 60) {
                value += "...";
            }
            SwfField field = SwfField.ofIndex(k);
            return new SwfFormatException(name, lineNo, field.number(), name + ":" + lineNo + ": field "
                    + field.number() + " (" + field.label() + ") is \"" + value + "\"; " + rule, null);
        }

        // ---------------------------------------------------------------- end

        private void finish() throws SwfFormatException {
            if (!machineFixed) {
                fixMachine();
            }
            for (Map.Entry<Long, Long> e : partials.entrySet()) {
                if (!isSeen(e.getKey())) {
                    report.fire(SwfAnomaly.ORPHAN_PARTIAL_EXECUTION, e.getKey(), e.getValue());
                }
            }
            report.machineProcs = machine > 0 ? machine : maxProcsSeen;
            if (report.jobsKept == 0) {
                throw new SwfFormatException(name, noJobsMessage(), null);
            }
        }

        private String noJobsMessage() {
            StringBuilder m = new StringBuilder(name).append(": no jobs to simulate: ");
            if (report.jobLines == 0) {
                return m.append("the file has no job lines").toString();
            }
            m.append(report.jobLines).append(report.jobLines == 1 ? " job line read" : " job lines read");
            long removed = 0;
            StringBuilder why = new StringBuilder();
            for (SwfAnomaly rule : SwfAnomaly.values()) {
                long c = report.count(rule);
                if (c > 0 && rule.removesJob() && rule != SwfAnomaly.ORPHAN_PARTIAL_EXECUTION) {
                    removed += c;
                    why.append(why.length() == 0 ? "" : ", ").append(c).append(' ').append(rule.name());
                }
            }
            if (removed > 0) {
                m.append(", ").append(removed).append(" dropped (").append(why).append(')');
            }
            if (report.outsideJobRange > 0) {
                m.append(", ").append(report.outsideJobRange).append(" outside the job range ")
                        .append(opt.firstJob()).append("..").append(opt.lastJob());
            }
            if (report.outsideSubmitWindow > 0) {
                m.append(", ").append(report.outsideSubmitWindow).append(" outside the submit window [")
                        .append(opt.submitFrom()).append(", ").append(opt.submitTo()).append(')');
            }
            if (report.count(SwfAnomaly.OVERSIZED_PROCESSORS) > 0 && machine == 0) {
                m.append("; jobs of more than ").append(Cluster.MAX_PROCESSORS)
                        .append(" processors (the largest machine simulated) are dropped");
            } else if (report.count(SwfAnomaly.OVERSIZED_PROCESSORS) > 0) {
                m.append("\nMaybe the machine size ").append(machine).append(" (")
                        .append(report.machineSizeSource.description()).append(") is too small: set --procs.");
            }
            return m.toString();
        }
    }
}
