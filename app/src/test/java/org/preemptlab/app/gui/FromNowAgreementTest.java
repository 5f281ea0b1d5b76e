package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.cli.PreemptLabCommand;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.compare.CompareViewModel;
import org.preemptlab.app.gui.compare.Variant;
import org.preemptlab.app.gui.files.ScenarioFiles;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.metrics.Metrics;

/**
 * A "what-if from now" scenario — jobs already running when it begins, as File ▸ Import from Slurm
 * makes them — gives the same makespan and mean wait through every path: the command line
 * ({@code run --metrics-json}), the planner window ({@code --smoke-test}, which prints the numbers
 * the window shows) and Compare. The window used to drop the running jobs: job "old", 40 of its 60
 * minutes done, ended at 3600 s there and at 1200 s on the command line.
 */
class FromNowAgreementTest {

    /** 4 nodes × 2 cores; "old" has 20 min of work left on n-3, n-4; the others queue behind it. */
    static final String FROM_NOW = """
            {"formatVersion": 1, "name": "from now",
             "cluster": {"pools": [{"name": "n", "nodes": 4, "coresPerNode": 2}]},
             "policy": {"scheduler": "easy"},
             "jobs": [
              {"name": "old", "submit": 0, "nodes": 2, "coresPerNode": 2, "estimate": "2h", "runtime": "1h", "runningFor": "40m", "onNodes": ["n-3", "n-4"]},
              {"name": "older", "submit": 0, "nodes": 1, "coresPerNode": 2, "estimate": "1h", "runtime": "50m", "runningFor": "45m", "onNodes": ["n-1"]},
              {"name": "wide", "submit": 0, "nodes": 4, "coresPerNode": 2, "estimate": "1h", "runtime": "30m"},
              {"name": "small", "submit": 60, "nodes": 1, "coresPerNode": 1, "estimate": "10m", "runtime": "8m"},
              {"name": "late", "submit": 600, "nodes": 2, "coresPerNode": 2, "estimate": "30m", "runtime": "25m"}
            ]}""";

    @TempDir
    Path dir;

    @Test
    void the_command_line_the_window_and_compare_agree_on_a_scenario_with_running_jobs() throws Exception {
        Path scenario = Files.writeString(dir.resolve("from-now.json"), FROM_NOW);

        // the command line
        Path metricsFile = dir.resolve("m.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PreemptLabCommand.execute(new String[] {"run", scenario.toString(), "--metrics-json", metricsFile.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        JsonNode cli = new ObjectMapper().readTree(metricsFile.toFile());
        long cliMakespan = cli.get("makespanSeconds").asLong();
        double cliMeanWait = cli.get("meanWaitSeconds").asDouble();
        // EASY reserves for "wide" at old's estimated end (2 h − 40 min = 4800 s), so "late" (submitted at 600 s,
        // estimate 30 min) is backfilled on n-1, n-2 and ends at 2100 s; "old" really ends at 1200 s (20 min
        // left — not 3600 s), so "wide" starts when "late" ends: 2100 + 1800 s
        assertThat(cliMakespan).isEqualTo(600 + 25 * 60 + 30 * 60);

        // Compare, with the scenario's own scheduler and another
        ScenarioDraft draft = ScenarioFiles.read(scenario);
        assertThat(draft.running()).hasSize(2);
        CompareViewModel compare = new CompareViewModel(TaskRunner.sameThread(), () -> draft);
        compare.chosen().clear();
        compare.chosen().addAll(List.of(SchedulerKind.EASY, SchedulerKind.FCFS));
        assertThat(compare.run()).as(compare.messageProperty().get()).isTrue();
        Variant easy = compare.variants().stream().filter(v -> v.key().equals(SchedulerKind.EASY.id())).findFirst().orElseThrow();
        Metrics compared = easy.run().metrics();
        assertThat(compared.makespanSeconds()).isEqualTo(cliMakespan);
        assertThat(compared.meanWaitSeconds()).isEqualTo(cliMeanWait);

        // the window: --smoke-test opens the file, runs it as the Run view does and prints what the window shows
        SmokeTestProcessTest.Outcome window = SmokeTestProcessTest.launchIn(dir, scenario.toString(), "--smoke-test");
        assertThat(window.exit()).as(window.err()).isZero();
        Matcher m = Pattern.compile("makespan=(\\d+) meanWait=(\\S+),").matcher(window.out());
        assertThat(m.find()).as(window.out()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(cliMakespan);
        assertThat(Double.parseDouble(m.group(2))).isEqualTo(cliMeanWait);
    }
}
