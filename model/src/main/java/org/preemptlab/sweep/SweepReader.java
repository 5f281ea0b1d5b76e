package org.preemptlab.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.scenario.JsonFields;
import org.preemptlab.io.scenario.JsonFields.Problems;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.scenario.TraceReference;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.sim.FailureModel;

/**
 * Reads sweep files (JSON, {@code "formatVersion": 1}) and the inputs they name.
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "name": "kth-policies",
 *   "inputs": [
 *     {"trace": "../traces/KTH-SP2-slice.swf.gz", "procs": 100, "maxJobs": 2000},
 *     {"scenario": "../owner-pools.json", "name": "owners"}
 *   ],
 *   "axes": {
 *     "policy": ["fcfs", "easy", "conservative", "aggressive-checkpoint"],
 *     "mechanism": ["suspend", "checkpoint", "requeue", "kill"],
 *     "bandwidth": [100, 1000],
 *     "alpha": ["original", 1, 0.5],
 *     "maintenanceStart": ["2h", 14400],
 *     "p": [0.1, 0.2]
 *   }
 * }
 * }</pre>
 *
 * <p>Inputs: {@code scenario} (a scenario file) or {@code trace} (an SWF file, plain or gzip, with
 * the {@code simulate} command's options: {@code procs}, {@code firstJob}, {@code lastJob},
 * {@code fromSubmit}, {@code toSubmit}, {@code maxJobs}, {@code checkpointSeconds} (default 215),
 * {@code restartSeconds} (default = checkpointSeconds)); paths are relative to the sweep file;
 * {@code name} defaults to the file name without its extension. A trace runs EASY unless the
 * policy axis says otherwise. Axes: see {@link SweepAxes}, {@link VariantScenario}; each is a
 * non-empty list without repeats. An axis must make sense for every input: mechanism needs
 * preemption rules, bandwidth the image checkpoint model, maintenanceStart a maintenance window,
 * p an aggressive-checkpoint variant. Every problem is reported at once, naming the file and the
 * field: {@code sweep.json: axes.bandwidth[2]: -5; must be > 0}.
 */
public final class SweepReader {

    public static final int FORMAT_VERSION = 1;

    static final List<String> ROOT_FIELDS = List.of("formatVersion", "name", "description", "inputs", "axes");
    static final List<String> SCENARIO_FIELDS = List.of("scenario", "name");
    static final List<String> TRACE_FIELDS = List.of("trace", "name", "procs", "firstJob", "lastJob", "fromSubmit",
            "toSubmit", "maxJobs", "checkpointSeconds", "restartSeconds");
    static final List<String> AXES_FIELDS = List.of("policy", "mechanism", "bandwidth", "alpha", "maintenanceStart", "p");
    static final List<String> MECHANISMS = List.of("suspend", "checkpoint", "requeue", "kill");
    /** Niu et al.'s T_chk, the {@code simulate} command's default. */
    public static final long DEFAULT_CHECKPOINT_SECONDS = 215;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SweepReader() {}

    /** Reads a sweep file and every input it names. */
    public static SweepSpec read(Path file) throws SweepException {
        Path fileName = file.getFileName();
        String display = fileName == null ? file.toString() : fileName.toString();
        String json;
        try {
            if (Files.isDirectory(file)) throw SweepException.of(display, "", "is a directory (" + file.toAbsolutePath() + ")");
            json = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw SweepException.of(display, "", "file not found (" + file.toAbsolutePath() + ")");
        } catch (CharacterCodingException e) {
            throw SweepException.of(display, "", "not UTF-8 text; save the sweep file as UTF-8");
        } catch (SweepException e) {
            throw e;
        } catch (IOException e) {
            throw SweepException.of(display, "", "cannot read (" + e.getMessage() + ")");
        }
        return read(json, display, file.toAbsolutePath().normalize());
    }

    /**
     * Reads a sweep from text.
     *
     * @param display the name used in messages
     * @param file    the sweep file's absolute path: input paths are relative to its directory
     */
    public static SweepSpec read(String json, String display, Path file) throws SweepException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw SweepException.of(display + JsonFields.syntaxLocation(e), "", JsonFields.syntaxError(e));
        }
        if (root == null || root.isMissingNode()) throw SweepException.of(display, "", "empty file; a sweep is a JSON object {…}");
        Problems problems = new Problems();
        SweepSpec spec = new Parse(problems, file).sweep(root, display);
        if (problems.count() > 0 || spec == null) throw new SweepException(display, problems.list());
        return spec;
    }

    private static final class Parse {
        private final Problems problems;
        private final Path file;
        private final Path dir;

        Parse(Problems problems, Path file) {
            this.problems = problems;
            this.file = file;
            this.dir = file.getParent() == null ? Path.of("").toAbsolutePath() : file.getParent();
        }

        SweepSpec sweep(JsonNode root, String display) {
            if (!root.isObject()) {
                problems.add("", JsonFields.show(root) + "; a sweep is a JSON object {…}");
                return null;
            }
            JsonNode v = root.get("formatVersion");
            if (v == null || v.isNull()) {
                problems.add("formatVersion", "missing; this PreemptLab reads sweep files of version " + FORMAT_VERSION);
            } else if (!v.isIntegralNumber() || v.asLong() != FORMAT_VERSION) {
                problems.add("formatVersion", JsonFields.show(v) + "; this PreemptLab reads sweep files of version "
                        + FORMAT_VERSION);
                return null;
            }
            JsonFields f = JsonFields.open(root, "", problems, ROOT_FIELDS);
            String defaultName = display.endsWith(".json") ? display.substring(0, display.length() - 5) : display;
            String name = f.string("name", defaultName, true);
            String description = f.string("description", "", false);
            List<SweepInput> inputs = f.has("inputs") ? inputs(f.get("inputs")) : null;
            if (!f.has("inputs")) problems.add("inputs", "missing; a sweep needs a list of inputs, e.g. [{\"scenario\": \"a.json\"}]");
            SweepAxes axes = f.has("axes") ? axes(f.get("axes")) : SweepAxes.NONE;
            if (problems.count() > 0 || inputs == null || axes == null) return null;
            SweepSpec spec = new SweepSpec(name, description, file, inputs, axes);
            crossCheck(spec);
            return spec;
        }

        // ------------------------------------------------------------------ inputs

        private List<SweepInput> inputs(JsonNode node) {
            if (!node.isArray() || node.isEmpty()) {
                problems.add("inputs", JsonFields.show(node) + "; must be a non-empty list of inputs [{…}, …]");
                return null;
            }
            List<SweepInput> out = new ArrayList<>();
            Map<String, Integer> names = new HashMap<>();
            for (int i = 0; i < node.size(); i++) {
                String path = JsonFields.element("inputs", i);
                JsonNode e = node.get(i);
                if (!e.isObject()) {
                    problems.add(path, JsonFields.show(e) + "; must be an object {\"scenario\": …} or {\"trace\": …}");
                    continue;
                }
                boolean scenario = e.hasNonNull("scenario");
                boolean trace = e.hasNonNull("trace");
                if (scenario == trace) {
                    problems.add(path, (scenario ? "has both \"scenario\" and \"trace\"" : "has neither \"scenario\" nor \"trace\"")
                            + "; give one of them");
                    continue;
                }
                SweepInput in = scenario ? scenarioInput(e, path) : traceInput(e, path);
                if (in == null) continue;
                Integer seen = names.putIfAbsent(in.name(), i);
                if (seen != null) {
                    problems.add(path + ".name", "\"" + in.name() + "\" is already the name of inputs[" + seen
                            + "]; give each input its own \"name\"");
                    continue;
                }
                out.add(in);
            }
            return out.size() == node.size() ? out : null;
        }

        private SweepInput scenarioInput(JsonNode node, String path) {
            JsonFields f = JsonFields.open(node, path, problems, SCENARIO_FIELDS);
            int before = problems.count();
            String text = f.string("scenario", null, true);
            String name = f.string("name", "", true);
            if (problems.count() > before) return null;
            Path source = dir.resolve(text).normalize();
            Scenario s;
            try {
                s = ScenarioReader.read(source);
            } catch (ScenarioException e) {
                problems.add(f.at("scenario"), e.getMessage().replace("\n", "; "));
                return null;
            }
            return new SweepInput(name.isEmpty() ? stem(source) : name, source, s);
        }

        private SweepInput traceInput(JsonNode node, String path) {
            JsonFields f = JsonFields.open(node, path, problems, TRACE_FIELDS);
            int before = problems.count();
            SwfReadOptions d = SwfReadOptions.defaults();
            String text = f.string("trace", null, true);
            String name = f.string("name", "", true);
            Long procs = f.integer("procs", 0L, 1, Integer.MAX_VALUE);
            Long firstJob = f.integer("firstJob", d.firstJob(), 0, Long.MAX_VALUE);
            Long lastJob = f.integer("lastJob", d.lastJob(), 0, Long.MAX_VALUE);
            if (firstJob != null && lastJob != null && lastJob < firstJob) f.problem("lastJob", "must be ≥ firstJob (" + firstJob + ")");
            Long from = f.duration("fromSubmit", d.submitFrom(), Long.MIN_VALUE);
            Long to = f.duration("toSubmit", d.submitTo(), Long.MIN_VALUE);
            if (from != null && to != null && to <= from) f.problem("toSubmit", "must be later than fromSubmit (" + from + ")");
            Long maxJobs = f.integer("maxJobs", d.maxJobs(), 1, Long.MAX_VALUE);
            Long chk = f.duration("checkpointSeconds", DEFAULT_CHECKPOINT_SECONDS, 0);
            Long restart = f.duration("restartSeconds", chk == null ? DEFAULT_CHECKPOINT_SECONDS : chk, 0);
            if (problems.count() > before) return null;
            Path source = dir.resolve(text).normalize();
            if (!Files.isRegularFile(source)) {
                f.problem("trace", "file not found (" + source + ")");
                return null;
            }
            TraceReference ref = new TraceReference(source, firstJob, lastJob, from, to, maxJobs, procs.intValue());
            SwfTrace t;
            try {
                t = SwfReader.read(source, ref.toReadOptions());
            } catch (IOException e) {
                f.problem("trace", e.getMessage().replace("\n", "; "));
                return null;
            }
            if (t.jobs().isEmpty()) {
                f.problem("trace", "no job is left after the selection and the anomaly rules");
                return null;
            }
            String inputName = name.isEmpty() ? stem(source) : name;
            PreemptionSettings settings = PreemptionSettings.defaults().withCost(CheckpointCost.fixed(chk, restart));
            Scenario s = new Scenario(inputName, "SWF trace " + source.getFileName(), Scenario.DEFAULT_SEED,
                    new ProcessorMachine(t.machineProcs()), t.jobs(), SchedulerSpec.of(SchedulerKind.EASY),
                    PreemptionRules.NONE, settings, List.of(), FailureModel.NONE, null, ref, t.report());
            return new SweepInput(inputName, source, s);
        }

        private static String stem(Path p) {
            String n = p.getFileName().toString();
            for (String ext : List.of(".gz", ".swf", ".json")) if (n.endsWith(ext)) n = n.substring(0, n.length() - ext.length());
            return n;
        }

        // ------------------------------------------------------------------ axes

        private SweepAxes axes(JsonNode node) {
            JsonFields f = JsonFields.open(node, "axes", problems, AXES_FIELDS);
            if (f == null) return null;
            int before = problems.count();
            List<String> policies = axis(f, "policy", (e, at) -> {
                if (!e.isTextual()) return fail(at, e, "must be a scheduler name \"…\"");
                if (!SchedulerKind.ids().contains(e.asText())) return fail(at, e, JsonFields.notOneOf(e.asText(), SchedulerKind.ids(), "scheduler"));
                return e.asText();
            });
            List<PreemptMechanism> mechanisms = axis(f, "mechanism", (e, at) -> {
                if (!e.isTextual() || !MECHANISMS.contains(e.asText())) {
                    return fail(at, e, e.isTextual() ? JsonFields.notOneOf(e.asText(), MECHANISMS, "mechanism")
                            : "must be one of " + String.join(", ", MECHANISMS));
                }
                return PreemptMechanism.parse(e.asText());
            });
            List<Double> bandwidths = axis(f, "bandwidth", (e, at) -> {
                if (!e.isNumber()) return fail(at, e, "must be a number (MB/s)");
                double x = e.asDouble();
                if (!(x > 0) || Double.isInfinite(x)) return fail(at, e, "must be positive (MB/s)");
                return x;
            });
            List<EstimateAccuracy> alphas = axis(f, "alpha", (e, at) -> {
                if (e.isTextual() && e.asText().equals("original")) return EstimateAccuracy.ORIGINAL;
                if (!e.isNumber()) return fail(at, e, "must be a number in (0, 1] or \"original\"");
                double x = e.asDouble();
                if (!(x > 0 && x <= 1)) return fail(at, e, "must be > 0 and ≤ 1 (runtime / estimate)");
                return EstimateAccuracy.of(x);
            });
            List<Long> starts = axis(f, "maintenanceStart", (e, at) -> {
                Long s = JsonFields.durationValue(e, at, 0, problems);
                return s == null ? failed() : s;
            });
            List<Double> ps = axis(f, "p", (e, at) -> {
                if (!e.isNumber()) return fail(at, e, "must be a number in (0, 1]");
                double x = e.asDouble();
                if (!(x > 0 && x <= 1)) return fail(at, e, "must be > 0 and ≤ 1");
                return x;
            });
            if (problems.count() > before) return null;
            return new SweepAxes(policies, mechanisms, bandwidths, alphas, starts, ps);
        }

        private interface ValueReader<T> {
            /** The value, or {@link #FAILED} after recording a problem. */
            Object read(JsonNode e, String at);
        }

        private static final Object FAILED = new Object();

        private Object fail(String at, JsonNode e, String message) {
            problems.add(at, JsonFields.show(e) + "; " + message);
            return FAILED;
        }

        private static Object failed() {
            return FAILED;
        }

        @SuppressWarnings("unchecked")
        private <T> List<T> axis(JsonFields f, String key, ValueReader<T> reader) {
            if (!f.has(key)) return List.of();
            JsonNode list = f.get(key);
            if (!list.isArray() || list.isEmpty()) {
                f.problem(key, "must be a non-empty list of values [… , …]");
                return List.of();
            }
            List<T> out = new ArrayList<>();
            Map<Object, Integer> seen = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                String at = JsonFields.element(f.at(key), i);
                Object value = reader.read(list.get(i), at);
                if (value == FAILED) continue;
                Integer first = seen.putIfAbsent(value, i);
                if (first != null) {
                    problems.add(at, JsonFields.show(list.get(i)) + "; repeats " + JsonFields.element(f.at(key), first));
                    continue;
                }
                out.add((T) value);
            }
            return out;
        }

        // ------------------------------------------------------------------ axes × inputs

        private void crossCheck(SweepSpec spec) {
            SweepAxes a = spec.axes();
            List<SweepInput> in = spec.inputs();
            for (int i = 0; i < in.size(); i++) {
                Scenario s = in.get(i).scenario();
                String which = "inputs[" + i + "] (" + in.get(i).name() + ")";
                if (!a.mechanisms().isEmpty() && !s.rules().enabled()) {
                    problems.add("axes.mechanism", which + " has no preemption rules (\"preemption\" with owner or qos "
                            + "preemption); the mechanism axis changes the rules' escalation chains");
                }
                if (!a.bandwidthsMBps().isEmpty() && !s.settings().cost().imageModel()) {
                    problems.add("axes.bandwidth", which + " uses fixed checkpoint and restart times; the bandwidth "
                            + "only matters with the image model (\"checkpoint\": {\"model\": \"image\"})");
                }
                if (!a.maintenanceStarts().isEmpty() && s.maintenance().isEmpty()) {
                    problems.add("axes.maintenanceStart", which + " has no maintenance window to move");
                }
            }
            if (!a.ps().isEmpty() && spec.variants().stream().noneMatch(v -> v.p() != null)) {
                problems.add("axes.p", "no variant uses aggressive-checkpoint, the only scheduler with p; add it to axes.policy");
            }
        }
    }
}
