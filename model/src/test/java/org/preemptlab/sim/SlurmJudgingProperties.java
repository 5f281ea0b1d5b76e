package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.job.Dependency;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.preempt.PreemptingScheduler;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.preempt.SlurmPreemption;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.site.Site;
import org.preemptlab.slurmconf.SchedulerParameters;
import org.preemptlab.slurmsched.SlurmJobAttributes;
import org.preemptlab.slurmsched.SlurmSchedulerConfig;
import org.preemptlab.slurmsched.SlurmSchedulerPolicy;
import org.preemptlab.tres.Tres;

/**
 * The Slurm controller's incremental judging of the waiting jobs (only jobs whose eligibility can
 * still change are judged again before and after a pass; only jobs whose pending reason changed,
 * and the queue's old and new head, are given a reason and noted) against the reference that
 * judges, reasons and notes every waiting job on every pass: the same event log, pending series,
 * reason history, last reasons, priorities and per-entry reasons, on random Slurm clusters with a
 * mix of settled jobs (a QOS without limits) and watched ones (per-user, group and per-job limits,
 * dependencies, begin times, array throttles, requeues by preemption), under EASY, Slurm's loop and
 * preempt/qos.
 */
class SlurmJudgingProperties {

    /** {@link SlurmRunProperties}' case with QOS of each kind, begin times and singleton dependencies. */
    static SlurmRunProperties.Case generate(long seed) {
        SlurmRunProperties.Case base = SlurmRunProperties.generate(seed);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x1d9e);
        long perUser = 1 + rnd.nextInt(3);
        QosTable qos = QosTable.builder()
                .add(Qos.of("normal", 0).withLimits(LimitSet.NONE.withMaxJobsPerUser(perUser)))
                .add(Qos.of("free", 0))
                .add(Qos.of("group", 0).withLimits(LimitSet.NONE.withGrpJobs(1 + rnd.nextInt(3))))
                .add(Qos.of("capped", 0).withLimits(LimitSet.NONE.withMaxTresPerJob(Tres.of("cpu", 2 + rnd.nextInt(6)))))
                .add(Qos.of("wide", 0).withLimits(LimitSet.NONE.withMaxTresPerUser(Tres.of("cpu", 4 + rnd.nextInt(12)))))
                .build();
        List<String> names = List.of("normal", "free", "free", "group", "capped", "wide");
        Site site = base.cluster().site().toBuilder().qos(qos).build();
        List<JobSpec> jobs = new ArrayList<>();
        for (JobSpec j : base.jobs()) {
            SlurmRequest.Builder req = j.slurm().toBuilder();
            if (rnd.nextInt(6) == 0) req.beginTime(j.submit() + rnd.nextInt(3000));
            if (j.slurm().dependencies().isEmpty() && rnd.nextInt(8) == 0) {
                req.dependencies(List.of(new Dependency(Dependency.Type.SINGLETON, List.of())));
            }
            jobs.add(j.toBuilder().qos(names.get(rnd.nextInt(names.size()))).slurm(req.build()).build());
        }
        return new SlurmRunProperties.Case(base.cluster().withSite(site), jobs, perUser);
    }

    /** Everything the run records that the judging decides, as text (arrays by content). */
    static List<String> recorded(SimulationResult r) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : r.timeline().log()) {
            out.add(e.time() + " " + e.kind() + " " + e.job() + " " + Arrays.toString(e.nodes()) + " " + e.reason().text());
        }
        SlurmRunRecord s = r.slurm();
        out.add("pending " + s.pending().points());
        out.add("log reasons " + s.logReasons());
        out.add("log partitions " + s.logPartitions());
        out.add("last reasons " + Arrays.toString(s.lastReasons()));
        out.add("priorities " + Arrays.toString(s.priorities()));
        ReasonHistory h = s.reasonHistory();
        for (int j = 0; j < s.lastReasons().length; j++) {
            StringBuilder b = new StringBuilder("job " + j + ":");
            for (int i = 0; i < h.changes(j); i++) b.append(' ').append(h.changeTime(j, i)).append('=').append(h.changeReason(j, i));
            out.add(b.toString());
        }
        return out;
    }

    static void sameAsJudgingEveryJob(SlurmRunProperties.Case c, java.util.function.Supplier<SchedulingPolicy> policy) {
        SimulationResult incremental = new Simulation(SimulationConfig.of(c.cluster(), c.jobs(), policy.get(), true)).run();
        SimulationResult reference = new Simulation(SimulationConfig.of(c.cluster(), c.jobs(), policy.get(), true))
                .judgingEveryWaitingJob().run();
        assertThat(recorded(incremental)).containsExactlyElementsOf(recorded(reference));
    }

    @Property(tries = 150, seed = "20261207")
    void easyRunRecordsWhatJudgingEveryJobRecords(@ForAll long seed) {
        sameAsJudgingEveryJob(generate(seed), EasyBackfillPolicy::new);
    }

    @Property(tries = 150, seed = "20261207")
    void slurmLoopRecordsWhatJudgingEveryJobRecords(@ForAll long seed) {
        sameAsJudgingEveryJob(generate(seed), () -> new SlurmSchedulerPolicy(
                SlurmSchedulerConfig.of(SchedulerParameters.parse("bf_interval=30,sched_interval=60,default_queue_depth=3")),
                SlurmJobAttributes.REQUESTED));
    }

    @Property(tries = 100, seed = "20261207")
    void preemptionRequeuesRecordWhatJudgingEveryJobRecords(@ForAll long seed) {
        SlurmPreemptionProperties.Case p = SlurmPreemptionProperties.generate(seed);
        SlurmRunProperties.Case c = new SlurmRunProperties.Case(p.cluster(), p.jobs(), p.maxJobsPerUser());
        sameAsJudgingEveryJob(c, () -> new PreemptingScheduler(new EasyBackfillPolicy(),
                PreemptionRules.NONE.withSlurm(SlurmPreemption.of(p.cluster().site()))));
    }
}
