package org.preemptlab.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.io.scenario.ScenarioTestSupport.problems;
import static org.preemptlab.io.scenario.ScenarioTestSupport.read;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioProblem;
import org.preemptlab.scenario.ScenarioValidator;

/**
 * The scenario rules are written once: a scenario file and the editor's draft of the same
 * scenario, broken the same way, get the same problems with the same paths and words.
 */
class SharedScenarioRulesTest {

    static final String BASE = """
            {"formatVersion": 1, "name": "t", "horizon": 86400, "policy": {"scheduler": "easy"},
             "cluster": {"pools": [
               {"name": "public", "nodes": 2, "coresPerNode": 8, "memoryPerNodeMb": 65536},
               {"name": "private", "nodes": 4, "coresPerNode": 8, "owner": "lab", "borrowers": ["preempt"]}]},
             "jobs": [
               {"name": "A", "submit": 0, "nodes": 1, "estimate": 3600, "runtime": 600},
               {"name": "B", "submit": 10, "nodes": 2, "coresPerNode": 4, "estimate": 600, "runtime": 600, "qos": "preempt"}],
             "maintenance": [{"name": "m", "start": 100, "duration": 600, "pools": ["private"], "strategy": "drain"}]}
            """;

    static Stream<Arguments> cases() {
        return Stream.of(
                broken("pool size", "\"nodes\": 2, \"coresPerNode\": 8", "\"nodes\": -2, \"coresPerNode\": 8",
                        d -> d.withPool(0, p -> p.withNodes(-2)),
                        "cluster.pools[0].nodes: -2; must be ≥ 1"),
                // the editor once said "jobs[0].nodes: … fits no pool it may use (largest: …)"; the reader's rule won
                broken("job larger than every pool it may use", "\"nodes\": 1, \"estimate\"", "\"nodes\": 9, \"estimate\"",
                        d -> d.withJob(0, j -> j.withNodes(9)),
                        "jobs[0]: needs 9 nodes × 1 core; no pool it may use has that (public: 2 nodes × 8 cores)"),
                broken("QOS no pool admits", "\"nodes\": 1, \"estimate\"", "\"nodes\": 1, \"pools\": [\"private\"], \"estimate\"",
                        d -> d.withJob(0, j -> j.withPools(List.of("private"))),
                        "jobs[0]: no pool admits it (qos \"normal\", group \"\"): private is owned by \"lab\" and lends to"
                                + " qos preempt"),
                broken("run time over the estimate", "\"runtime\": 600, \"qos\"", "\"runtime\": 900, \"qos\"",
                        d -> d.withJob(1, j -> j.withRuntime(900)),
                        "jobs[1].runtime: 900; longer than the estimate (10m); a scheduler kills a job at its estimate, so"
                                + " make the estimate at least the run time"),
                broken("blank job name", "\"name\": \"A\"", "\"name\": \" \"", d -> d.withJob(0, j -> j.withName(" ")),
                        "jobs[0].name: \" \"; must not be empty"),
                broken("duplicate job name", "\"name\": \"B\"", "\"name\": \"A\"", d -> d.withJob(1, j -> j.withName("A")),
                        "jobs[1].name: \"A\"; duplicate: jobs[0] has the same name"),
                broken("duplicate pool name", "{\"name\": \"private\"", "{\"name\": \"public\"",
                        d -> d.withPool(1, p -> p.withName("public")),
                        "cluster.pools[1].name: \"public\"; duplicate: cluster.pools[0] has the same name",
                        "maintenance[0].pools[0]: \"private\"; unknown pool; use public"),
                broken("maintenance longer than the horizon", "\"duration\": 600", "\"duration\": 100000",
                        d -> d.withMaintenance(List.of(d.maintenance().get(0).withDuration(100000))),
                        "maintenance[0].duration: 100000; longer than the horizon (1d)"),
                broken("maintenance on an unknown pool", "\"pools\": [\"private\"], \"strategy\"",
                        "\"pools\": [\"gpu\"], \"strategy\"",
                        d -> d.withMaintenance(List.of(d.maintenance().get(0).withPool("gpu"))),
                        "maintenance[0].pools[0]: \"gpu\"; unknown pool; use public, private"),
                broken("maintenance on a negative start", "\"start\": 100", "\"start\": -5",
                        d -> d.withMaintenance(List.of(d.maintenance().get(0).withStart(-5))),
                        "maintenance[0].start: -5; must be ≥ 0"));
    }

    static Arguments broken(String what, String from, String to, UnaryOperator<ScenarioDraft> edit, String... expected) {
        return Arguments.of(what, from, to, edit, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aFileAndADraftBrokenTheSameWayGetTheSameProblems(String what, String from, String to,
            UnaryOperator<ScenarioDraft> edit, List<String> expected) throws Exception {
        assertThat(BASE).contains(from);
        ScenarioDraft valid = ScenarioValidator.toDraft(read(BASE));
        assertThat(ScenarioValidator.validate(valid)).isEmpty();

        List<String> fromFile = problems(BASE.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        List<String> fromDraft = ScenarioValidator.validate(edit.apply(valid)).stream().map(ScenarioProblem::toString)
                .toList();
        assertThat(fromFile).containsExactlyElementsOf(expected);
        assertThat(fromDraft).containsExactlyElementsOf(fromFile);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anInvalidDraftMakesNoScenario(String what, String from, String to, UnaryOperator<ScenarioDraft> edit,
            List<String> expected) throws Exception {
        ScenarioDraft broken = edit.apply(ScenarioValidator.toDraft(read(BASE)));
        org.preemptlab.scenario.ScenarioException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.preemptlab.scenario.ScenarioException.class, () -> ScenarioValidator.toScenario(broken));
        assertThat(e.problems()).extracting(ScenarioProblem::toString).containsExactlyElementsOf(expected);
        assertThat(e.getMessage()).startsWith("t: ");
    }

    @org.junit.jupiter.api.Test
    void aRunningJobThatWouldHaveEndedIsReportedForTheDraftAsForTheFile() throws Exception {
        String running = BASE.replace("\"runtime\": 600}", "\"runtime\": 600, \"runningFor\": 700, \"onNodes\": [\"public-1\"]}");
        assertThat(problems(running)).containsExactly("jobs[0].runningFor: 700; the job would have ended (run time 10m)");
        ScenarioDraft draft = ScenarioValidator.toDraft(read(BASE));
        ScenarioDraft withRun = new ScenarioDraft(draft.name(), draft.description(), draft.processors(), draft.pools(),
                draft.jobs(), draft.scheduler(), draft.rules(), draft.settings(), draft.maintenance(), draft.failures(),
                draft.seed(), draft.horizon(), draft.trace(), List.of(new ScenarioDraft.RunningJob("A", List.of("public-1"), 700)));
        assertThat(ScenarioValidator.validate(withRun)).extracting(ScenarioProblem::toString)
                .containsExactly("jobs[0].runningFor: 700; the job would have ended (run time 10m)");
    }
}
