package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.sim.LogKind;

/** A version-2 run in the run view: Slurm pending reasons in the Why list and job panel, colours by account. */
class SlurmFactsTest {

    @Test
    void the_job_panel_names_the_qos_per_user_limit_at_the_cursor() throws Exception {
        RunRecord run = HumanTextTest.run("qos-per-user-limit.json");
        RunViewModel vm = new RunViewModel(run);
        String limit = PendingReason.QOS_MAX_JOBS_PER_USER.label();
        // the lesson: at time 0 four jobs are held by the per-user limit (PendingSeries says so too)
        assertThat(SlurmFacts.record(run).pending().points().get(0).count(PendingReason.QOS_MAX_JOBS_PER_USER)).isEqualTo(4);
        int held = 0;
        for (int j = 0; j < run.jobs().size(); j++) {
            if (SlurmFacts.reasonAt(vm.index(), j, 0).equals(limit)) {
                held++;
                vm.selectJob(j);
                vm.setCursor(0);
                assertThat(vm.jobSummaryProperty().get()).contains("pending at").contains(": " + limit);
                long started = run.job(j).firstStart();
                vm.setCursor(started);
                assertThat(vm.jobSummaryProperty().get()).doesNotContain("pending at");
            }
        }
        assertThat(held).as("jobs whose panel says " + limit + " at time 0").isEqualTo(4);
    }

    @Test
    void the_fairshare_sample_shows_priority_factors_like_sprio() throws Exception {
        RunRecord run = HumanTextTest.run("fairshare-catch-up.json");
        RunViewModel vm = new RunViewModel(run);
        int withFactors = 0;
        for (int j = 0; j < run.jobs().size(); j++) {
            var f = SlurmFacts.record(run).factorsAtStart(j);
            if (f == null) continue;
            withFactors++;
            vm.selectJob(j);
            assertThat(vm.jobSummaryProperty().get()).contains("priority " + org.preemptlab.units.Units.group(f.priority())
                    + " when it started (sprio: age ").contains("fair-share " + Math.round(f.weighted().fairshare()));
        }
        assertThat(withFactors).as("jobs of a multifactor site carry their factors").isPositive();
    }

    @Test
    void the_why_list_and_the_job_panel_name_the_slurm_pending_reason() throws Exception {
        RunRecord run = HumanTextTest.run("qos-per-user-limit.json");
        assertThat(SlurmFacts.record(run)).as("a version-2 run keeps its Slurm record").isNotNull();
        RunViewModel vm = new RunViewModel(run);
        vm.filterProperty().set(LogFilter.ALL);
        // the engine records the reason after the last pass before a start (a limit lifted by that pass reads Priority)
        String limit = PendingReason.PRIORITY.label();
        DecisionItem start = vm.decisions().stream().filter(d -> d.slurmReason().equals(limit)).findFirst()
                .orElseThrow(() -> new AssertionError("some start waited for " + limit));
        assertThat(start.entry().kind()).isIn(LogKind.START, LogKind.RESTART);
        assertThat(start.text()).endsWith("(was pending: " + limit + ")");

        // the job panel, with the cursor while that job waited, says why it waits
        int job = start.entry().job();
        long submit = run.job(job).submit();
        vm.selectJob(job);
        vm.setCursor(submit + (start.time() - submit) / 2);
        assertThat(SlurmFacts.pendingAt(vm.index(), job, vm.cursor())).isTrue();
        assertThat(vm.jobSummaryProperty().get()).contains("pending at").contains("Slurm: user ")
                .contains("account ");
        // once it runs, no pending reason
        vm.setCursor(start.time());
        assertThat(vm.jobSummaryProperty().get()).doesNotContain("pending at").contains("Slurm: user ");
    }

    @Test
    void a_version_1_run_has_no_slurm_lines() throws Exception {
        RunRecord run = HumanTextTest.run("suspend-vs-memory.json");
        RunViewModel vm = new RunViewModel(run);
        vm.selectJob(0);
        assertThat(SlurmFacts.record(run)).isNull();
        assertThat(vm.jobSummaryProperty().get()).doesNotContain("Slurm:");
        assertThat(vm.decisions()).allMatch(d -> d.slurmReason().isEmpty());
    }

    @Test
    void colour_by_account_and_partition_read_the_slurm_request() throws Exception {
        RunRecord run = HumanTextTest.run("fairshare-catch-up.json");
        Set<String> accounts = new HashSet<>();
        for (int j = 0; j < run.jobs().size(); j++) {
            var req = SlurmFacts.request(run, j);
            assertThat(req).isNotNull();
            assertThat(ColorBy.ACCOUNT.nameOf(run, j)).isEqualTo(req.account());
            assertThat(ColorBy.USER.nameOf(run, j)).isEqualTo(req.user());
            assertThat(ColorBy.PARTITION.nameOf(run, j)).isNotBlank();
            accounts.add(ColorBy.ACCOUNT.nameOf(run, j));
        }
        assertThat(accounts).as("the lesson has a heavy and a light account").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void gpu_requests_are_read_per_node() throws Exception {
        RunRecord run = HumanTextTest.run("gpu-shared-nodes.json");
        long gpuJobs = 0;
        for (int j = 0; j < run.jobs().size(); j++) {
            var req = SlurmFacts.request(run, j);
            if (SlurmFacts.gpusPerNode(req, run.job(j).nodes()) > 0) {
                gpuJobs++;
                assertThat(SlurmFacts.gresText(req, run.job(j).nodes())).contains("gpu");
            }
        }
        assertThat(gpuJobs).isPositive();
    }

    @Test
    void nodes_with_gpus_say_so_in_their_row_and_pool_header() throws Exception {
        GanttIndex index = new GanttIndex(HumanTextTest.run("gpu-shared-nodes.json"));
        PoolGroup gpu = index.groups().stream().filter(g -> g.name().equals("gpu")).findFirst().orElseThrow();
        assertThat(gpu.gpusPerNode()).isEqualTo(4);
        assertThat(gpu.sizeText()).isEqualTo("2 nodes × 64 cores × 4 GPUs");
        assertThat(index.rowName(gpu.firstRow())).isEqualTo("gpu01 · 4 GPU");
        PoolGroup other = index.groups().stream().filter(g -> g.gpusPerNode() == 0).findFirst().orElse(null);
        if (other != null) assertThat(index.rowName(other.firstRow())).doesNotContain("GPU");
        assertThat(new PoolGroup("big", 0, 4, 8).sizeText()).as("a version-1 pool unchanged").isEqualTo("4 nodes × 8 cores");
    }
}
