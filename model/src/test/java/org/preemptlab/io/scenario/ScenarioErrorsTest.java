package org.preemptlab.io.scenario;

import org.preemptlab.time.Durations;
import org.preemptlab.scenario.ScenarioProblem;

import org.preemptlab.scenario.ScenarioException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.preemptlab.io.scenario.ScenarioTestSupport.ONE_JOB;
import static org.preemptlab.io.scenario.ScenarioTestSupport.pools;
import static org.preemptlab.io.scenario.ScenarioTestSupport.problems;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error form, with its exact text: the path, the value, the rule. */
class ScenarioErrorsTest {

    @Test
    void poolValuesOutOfRangeNameTheirPathAndAllAreReported() {
        String json = """
                {"formatVersion": 1, "name": "t", "policy": {"scheduler": "easy"},
                 "cluster": {"pools": [{"name": "a", "nodes": 2, "coresPerNode": 8},
                                       {"name": "b", "nodes": -2, "coresPerNode": 0, "checkpointBandwidthMBps": -100}]},
                 "jobs": [{"name": "A", "submit": 0, "nodes": 1, "estimate": 60, "runtime": 60}]}
                """;
        assertThat(problems(json)).containsExactly(
                "cluster.pools[1].nodes: -2; must be ≥ 1",
                "cluster.pools[1].coresPerNode: 0; must be ≥ 1",
                "cluster.pools[1].checkpointBandwidthMBps: -100; must be > 0");
    }

    /** Two nodes of 2,147,483,647 cores ran, and the schedule's SWF export failed on "header MaxProcs is \"4294967326\"". */
    @Test
    void morePoolCoresInAllThanTheMachineMayHaveAreRefusedAtThePoolThatGoesOver() {
        String json = """
                {"formatVersion": 1, "name": "t", "policy": {"scheduler": "easy"},
                 "cluster": {"pools": [{"name": "a", "nodes": 2, "coresPerNode": 8},
                                       {"name": "b", "nodes": 2, "coresPerNode": 2147483647}]},
                 "jobs": [{"name": "A", "submit": 0, "nodes": 1, "estimate": 60, "runtime": 60}]}
                """;
        assertThat(problems(json)).containsExactly(
                "cluster.pools[1].coresPerNode: 2147483647; the pools have more than 2147483647 cores in all (4294967310"
                        + " with this pool's 2 nodes)");
    }

    /** A byte-order mark (a file saved on Windows): refused as "unexpected character ('﻿' (code 65279 / 0xfeff))" before. */
    @Test
    void aFileWithAByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.json");
        Files.writeString(f, "\uFEFF" + pools(ONE_JOB, ""));
        assertThat(ScenarioReader.read(f).jobs()).hasSize(1);
    }

    /** The parser's limits: the message was cut to "… exceeds the maximum allowed (1000, from". */
    @Test
    void theParsersLimitsAreSaidWithTheirNumbers() {
        ScenarioException deep = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read("[".repeat(5000) + "]".repeat(5000), "deep.json", Path.of(".")));
        assertThat(deep.getMessage()).startsWith("deep.json").endsWith(
                ": document nesting depth (1001) exceeds the maximum allowed (1000)");
        ScenarioException longString = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read("{\"name\": \"" + "x".repeat(20_000_001) + "\"}", "long.json", Path.of(".")));
        assertThat(longString.getMessage()).startsWith("long.json").contains(
                ": string value length (").endsWith(") exceeds the maximum allowed (20000000)");
    }

    @Test
    void exceptionMessageIsTheLinesPrefixedWithTheFileName() {
        String json = pools(ONE_JOB, "").replace("\"nodes\": 2,", "\"nodes\": -2,");
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read(json, "cac.json", Path.of(".")));
        assertThat(e.getMessage()).isEqualTo("cac.json: cluster.pools[0].nodes: -2; must be ≥ 1");
        assertThat(e.source()).isEqualTo("cac.json");
        assertThat(e.problems()).containsExactly(new ScenarioProblem("cluster.pools[0].nodes", "-2; must be ≥ 1"));
    }

    @Test
    void unknownFieldsAreErrorsWithASuggestion() {
        String json = pools(ONE_JOB + ", {\"name\": \"B\", \"submit\": 0, \"nodes\": 1, \"estimate\": 60, \"runtme\": 60}",
                ", \"polcy\": 1, \"zzz\": true");
        assertThat(problems(json)).containsExactly(
                "polcy: unknown field; did you mean \"policy\"?",
                "zzz: unknown field; the fields here are formatVersion, name, description, seed, cluster, jobs, trace,"
                        + " policy, preemption, maintenance, failures, horizon, reservations",
                "jobs[1].runtme: unknown field; did you mean \"runtime\"?",
                "jobs[1].runtime: missing; required");
    }

    @Test
    void wrongTypesNameThePathAndTheValue() {
        String job = "{\"name\": 7, \"submit\": true, \"nodes\": \"two\", \"coresPerNode\": 1.5, \"estimate\": \"1h30\","
                + " \"runtime\": [1], \"rerunnable\": \"yes\", \"pools\": \"public\"}";
        assertThat(problems(pools(job, ", \"seed\": \"x\", \"cluster2\": 0"))).containsExactly(
                "cluster2: unknown field; did you mean \"cluster\"?",
                "seed: \"x\"; must be a whole number",
                "jobs[0].name: 7; must be a string \"…\"",
                "jobs[0].submit: true; not a duration: " + Durations.FORMS,
                "jobs[0].nodes: \"two\"; must be a whole number",
                "jobs[0].coresPerNode: 1.5; must be a whole number",
                "jobs[0].pools: \"public\"; must be a list [\"…\", …]",
                "jobs[0].estimate: \"1h30\"; not a duration: use seconds, or e.g. \"90s\", \"15m\", \"1h30m\", \"2d\","
                        + " \"01:30:00\"",
                "jobs[0].runtime: [1]; not a duration: " + Durations.FORMS,
                "jobs[0].rerunnable: \"yes\"; must be true or false");
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        String json = "{\n  \"formatVersion\": 1,\n  \"name\": \"t\"\n  \"cluster\": {}\n}";
        assertThatThrownBy(() -> ScenarioReader.read(json, "t.json", null))
                .hasMessage("t.json:4:3: unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    }

    @Test
    void truncatedJsonSaysEndOfFileWithoutParserInternals() {
        String json = "{\n  \"formatVersion\": 1,\n  \"jobs\": [{\"name\": \"a\"";
        assertThatThrownBy(() -> ScenarioReader.read(json, "t.json", null))
                .hasMessage("t.json:3:24: unexpected end of file, an object {…} is not closed");
        assertThatThrownBy(() -> ScenarioReader.read("{\"formatVersion\": 1, \"seed\": NaN}", "n.json", null))
                .hasMessageStartingWith("n.json:1:").hasMessageEndingWith(": NaN is not a JSON value; write a number (or a string)");
        assertThatThrownBy(() -> ScenarioReader.read("{\"formatVersion\": 1} {}", "two.json", null))
                .hasMessageStartingWith("two.json:1:").hasMessageEndingWith(": more text after the end of the top-level value");
    }

    @Test
    void duplicateKeysAndTrailingGarbageAreMalformed() {
        assertThatThrownBy(() -> ScenarioReader.read("{\"formatVersion\": 1, \"name\": \"a\", \"name\": \"b\"}", "d.json", null))
                .hasMessageStartingWith("d.json:1:41: duplicate field 'name'");
        assertThatThrownBy(() -> ScenarioReader.read(pools(ONE_JOB, "") + "}", "g.json", null))
                .hasMessageStartingWith("g.json:11:1: ");
        assertThat(problems("")).containsExactly("empty file; a scenario is a JSON object {…}");
        assertThat(problems("[1, 2]")).containsExactly("[1, 2]; a scenario is a JSON object {…}");
    }

    @Test
    void formatVersionMissingOrNewer() {
        assertThat(problems(pools(ONE_JOB, "").replace("\"formatVersion\": 1,", "")))
                .containsExactly("formatVersion: missing; this PreemptLab reads versions 1 and 2");
        // a newer file is judged by nothing else: its other fields may be valid in its version
        assertThat(problems(pools(ONE_JOB, ", \"newThing\": 1").replace("\"formatVersion\": 1", "\"formatVersion\": 3")))
                .containsExactly("formatVersion: 3; this PreemptLab reads versions 1 and 2; open the file with a newer PreemptLab");
        assertThat(problems(pools(ONE_JOB, "").replace("\"formatVersion\": 1", "\"formatVersion\": 0")))
                .containsExactly("formatVersion: 0; must be 1 or 2");
        assertThat(problems(pools(ONE_JOB, "").replace("\"formatVersion\": 1", "\"formatVersion\": \"1\"")))
                .containsExactly("formatVersion: \"1\"; must be 1 or 2");
    }

    @Test
    void jobLargerThanEveryPoolItMayUse() {
        String job = "{\"name\": \"Big\", \"submit\": 0, \"nodes\": 4, \"coresPerNode\": 16, \"estimate\": 60, \"runtime\": 60}";
        assertThat(problems(pools(ONE_JOB + ", " + ONE_JOB.replace("\"A\"", "\"B\"") + ", " + job, "")))
                .containsExactly("jobs[2]: needs 4 nodes × 16 cores; no pool it may use has that (public: 2 nodes × 8 cores)");
        // a borrower may also use the private pool; memory counts where pools model it
        String borrower = "{\"name\": \"Big\", \"submit\": 0, \"nodes\": 3, \"coresPerNode\": 8, \"memoryPerNodeMb\": 100000,"
                + " \"qos\": \"preempt\", \"pools\": [\"public\"], \"estimate\": 60, \"runtime\": 60}";
        assertThat(problems(pools(borrower, ""))).containsExactly(
                "jobs[0]: needs 3 nodes × 8 cores × 100000 MB; no pool it may use has that (public: 2 nodes × 8 cores"
                        + " × 65536 MB)");
        String restricted = "{\"name\": \"X\", \"submit\": 0, \"nodes\": 1, \"pools\": [\"private\"], \"estimate\": 60,"
                + " \"runtime\": 60}";
        assertThat(problems(pools(restricted, ""))).containsExactly(
                "jobs[0]: no pool admits it (qos \"normal\", group \"\"): private is owned by \"lab\" and lends to qos preempt");
    }

    @Test
    void processorMachineJobs() {
        String json = """
                {"formatVersion": 1, "name": "t", "cluster": {"processors": 64}, "policy": {"scheduler": "fcfs"},
                 "jobs": [{"name": "A", "submit": 0, "procs": 100, "estimate": 60, "runtime": 60},
                          {"name": "B", "submit": 0, "nodes": 2, "memoryPerNodeMb": 5, "pools": ["x"], "estimate": 60,
                           "runtime": 60}]}
                """;
        assertThat(problems(json)).containsExactly(
                "jobs[0]: needs 100 processors; the machine has 64",
                "jobs[1].procs: missing; required",
                "jobs[1].nodes: 2; this cluster is a processor machine; give the job's \"procs\"",
                "jobs[1].memoryPerNodeMb: 5; a processor machine does not model memory",
                "jobs[1].pools: [\"x\"]; a processor machine has no pools");
    }

    @Test
    void jobNamingAnUnknownPoolAndDuplicateNames() {
        String jobs = ONE_JOB.replace("\"nodes\": 1", "\"nodes\": 1, \"pools\": [\"public\", \"pubilc\", \"gpu\"]")
                + ", " + ONE_JOB;
        assertThat(problems(pools(jobs, ""))).containsExactly(
                "jobs[0].pools[1]: \"pubilc\"; unknown pool; use public, private (did you mean \"public\"?)",
                "jobs[0].pools[2]: \"gpu\"; unknown pool; use public, private",
                "jobs[1].name: \"A\"; duplicate: jobs[0] has the same name");
        String json = pools(ONE_JOB, "").replace("{\"name\": \"private\"", "{\"name\": \"public\"");
        assertThat(problems(json)).containsExactly("cluster.pools[1].name: \"public\"; duplicate: cluster.pools[0] has"
                + " the same name");
    }

    @Test
    void runtimeLongerThanEstimate() {
        assertThat(problems(pools(ONE_JOB.replace("600", "\"3h\""), ""))).containsExactly(
                "jobs[0].runtime: \"3h\"; longer than the estimate (1h); a scheduler kills a job at its estimate, so make"
                        + " the estimate at least the run time");
    }

    @Test
    void unknownNamesListTheAllowedValues() {
        String json = pools(ONE_JOB, """
                , "preemption": {"victimOrder": "oldest-first", "requeue": "tail",
                   "chains": {"preempt": ["suspend", "stop", "suspend"]}, "defaultChain": [],
                   "checkpoint": {"model": "magic"}},
                  "maintenance": [{"start": 0, "duration": 60, "nodes": "all", "strategy": "drian"}]
                """).replace("\"easy\"", "\"esay\"");
        assertThat(problems(json)).containsExactly(
                "preemption.victimOrder: \"oldest-first\"; unknown victim order; use youngest-first, least-work-lost,"
                        + " fewest-victims, largest-first",
                "preemption.requeue: \"tail\"; unknown requeue mode; use priority, head",
                "preemption.chains.preempt[1]: \"stop\"; unknown mechanism; use suspend, checkpoint, requeue, kill",
                "preemption.chains.preempt[2]: \"suspend\"; already in the chain",
                "preemption.defaultChain: []; needs at least one mechanism: suspend, checkpoint, requeue, kill",
                "preemption.checkpoint.model: \"magic\"; unknown checkpoint model; use fixed, image",
                "policy.scheduler: \"esay\"; unknown scheduler; use fcfs, easy, conservative, aggressive-checkpoint,"
                        + " preemption-backfill, slurm (did you mean \"easy\"?)",
                "maintenance[0].strategy: \"drian\"; unknown strategy; use drain, checkpoint, checkpoint-before, kill, drain-then-checkpoint"
                        + " (did you mean \"drain\"?)");
    }

    @Test
    void maintenanceWindowsAgainstTheHorizonAndTheNodes() {
        String json = pools(ONE_JOB, """
                , "horizon": "1d",
                  "maintenance": [
                    {"name": "long", "start": "1h", "duration": "2d", "nodes": ["public-1"], "strategy": "drain"},
                    {"name": "late", "start": "1d", "duration": "1h", "pools": ["private"], "strategy": "kill"},
                    {"name": "typo", "start": 0, "duration": "1h", "nodes": ["public-3", "privat-1", "p0"], "pools": ["gpu"],
                     "strategy": "checkpoint"},
                    {"name": "none", "start": 0, "duration": "1h", "strategy": "drain"},
                    {"name": "h", "start": 0, "duration": "1h", "nodes": "all", "strategy": "drain", "drainHorizon": "1h"},
                    {"name": "dtc", "start": 0, "duration": "1h", "nodes": "most", "strategy": "drain-then-checkpoint"}
                  ]
                """);
        assertThat(problems(json)).containsExactly(
                "maintenance[0].duration: \"2d\"; longer than the horizon (1d)",
                "maintenance[1].start: \"1d\"; starts at or after the horizon (1d)",
                "maintenance[2].nodes[0]: \"public-3\"; not a node of this cluster (public-1 … public-2, private-1 …"
                        + " private-4)",
                "maintenance[2].nodes[1]: \"privat-1\"; not a node of this cluster (public-1 … public-2, private-1 …"
                        + " private-4)",
                "maintenance[2].nodes[2]: \"p0\"; not a node of this cluster (public-1 … public-2, private-1 … private-4)",
                "maintenance[2].pools[0]: \"gpu\"; unknown pool; use public, private",
                "maintenance[3]: covers no nodes; give \"nodes\" (names or \"all\") or \"pools\"",
                "maintenance[4].drainHorizon: \"1h\"; only drain-then-checkpoint uses it",
                "maintenance[5].drainHorizon: missing; required",
                "maintenance[5].nodes: \"most\"; must be \"all\" or a list of node names [\"public-1\", …]");
    }

    @Test
    void neitherJobsNorTraceOrBoth() {
        assertThat(problems(pools(ONE_JOB, "").replace("\"jobs\": [" + ONE_JOB + "]", "\"seed\": 3")))
                .containsExactly("jobs: missing; a scenario needs \"jobs\" (a list) or \"trace\" (an SWF file)");
        assertThat(problems(pools("", ""))).containsExactly("jobs: []; needs at least one job");
        assertThat(problems(pools(ONE_JOB, ", \"trace\": {\"path\": \"x.swf\"}"))).containsExactly(
                "cluster.pools: a trace runs on a processor machine; use \"cluster\": {\"processors\": N} or leave"
                        + " \"cluster\" out",
                "trace: given together with \"jobs\"; a scenario takes its jobs from one of them");
    }

    @Test
    void missingSectionsAndClusterForms() {
        assertThat(problems("{\"formatVersion\": 1, \"jobs\": [" + ONE_JOB + "]}")).containsExactly(
                "name: missing; required",
                "cluster: missing; required (\"pools\" or \"processors\"; only a trace may leave it out)",
                "policy: missing; required, e.g. {\"scheduler\": \"easy\"}");
        String both = "{\"formatVersion\": 1, \"name\": \"t\", \"cluster\": {\"processors\": 4, \"pools\": []},"
                + " \"policy\": {\"scheduler\": \"easy\"}, \"jobs\": [{\"name\": \"A\", \"submit\": 0, \"procs\": 1,"
                + " \"estimate\": 1, \"runtime\": 1}]}";
        assertThat(problems(both)).containsExactly("cluster: has both \"pools\" and \"processors\"; use one of them");
        assertThat(problems(both.replace("\"processors\": 4, \"pools\": []", ""))).containsExactly(
                "cluster: {}; needs \"pools\" (node pools) or \"processors\" (a machine of P processors, as in SWF traces)");
        assertThat(problems(pools(ONE_JOB, "").replace("\"name\": \"public\"", "\"name\": \"my pool\""))).containsExactly(
                "cluster.pools[0].name: \"my pool\"; a pool name may hold only letters, digits, \"_\", \".\" and \"-\""
                        + " (its nodes are named my_pool-1, …)");
    }

    @Test
    void policyParametersBelongToAggressiveCheckpoint() {
        assertThat(problems(pools(ONE_JOB, "").replace("{\"scheduler\": \"easy\"}", "{\"scheduler\": \"easy\", \"p\": 0.5}")))
                .containsExactly("policy.p: 0.5; only aggressive-checkpoint uses p");
        assertThat(problems(pools(ONE_JOB, "").replace("{\"scheduler\": \"easy\"}",
                "{\"scheduler\": \"aggressive-checkpoint\", \"p\": 1.5, \"thresholdSeconds\": -1}"))).containsExactly(
                "policy.p: 1.5; must be > 0 and ≤ 1",
                "policy.thresholdSeconds: -1; must be ≥ 0");
    }

    @Test
    void checkpointAndFailureValues() {
        String json = pools(ONE_JOB, """
                , "preemption": {"graceSeconds": -5, "tiers": {"owner": "high"},
                   "checkpoint": {"model": "image", "checkpointSeconds": 215, "storageMBps": 0}},
                  "failures": {"repair": "1h"}
                """);
        assertThat(problems(json)).containsExactly(
                "preemption.tiers.owner: \"high\"; must be a whole number",
                "preemption.graceSeconds: -5; must be ≥ 0",
                "preemption.checkpoint.checkpointSeconds: 215; the image model computes it from the jobs' imageMbPerNode"
                        + " and the storage bandwidth; use \"model\": \"fixed\" for a fixed time",
                "preemption.checkpoint.storageMBps: 0; must be > 0",
                "failures.nodeMtbf: missing; required");
    }

    @Test
    void unreadableFiles(@TempDir Path dir) throws Exception {
        ScenarioException missing = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read(dir.resolve("nope.json")));
        assertThat(missing.getMessage()).isEqualTo("nope.json: file not found (" + dir.resolve("nope.json") + ")");
        Path latin = Files.write(dir.resolve("latin.json"), new byte[] {'{', (byte) 0xE9, '}'});
        assertThat(catchThrowableOfType(ScenarioException.class, () -> ScenarioReader.read(latin)).getMessage())
                .isEqualTo("latin.json: not UTF-8 text; save the scenario as UTF-8");
    }
}
