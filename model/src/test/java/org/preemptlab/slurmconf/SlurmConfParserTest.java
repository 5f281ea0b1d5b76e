package org.preemptlab.slurmconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmConfParserTest {

    private static SlurmConf site(ImportReport report) {
        return SlurmConfParser.read(SiteFixture.dir().resolve("slurm.conf"), report);
    }

    private static SlurmConf parse(String text, ImportReport report) {
        return SlurmConfParser.parse(text, "slurm.conf", Path.of("."), report);
    }

    private static SlurmConf parse(String text) {
        return parse(text, new ImportReport());
    }

    // ------------------------------------------------------------------ the teaching site

    @Test
    void nodesOfTheSiteWithDefaultsIncludeAndSlurmsCpuRule() {
        SlurmConf conf = site(new ImportReport());
        assertThat(conf.clusterName()).isEqualTo("tundra");
        assertThat(conf.nodes()).hasSize(52);
        NodeDefinition cn = conf.node("cn001").orElseThrow();
        assertThat(cn).isEqualTo(new NodeDefinition("cn001", 128, 1, 2, 32, 2, 256_000, List.of(), List.of("cpu", "icelake"), 10,
                NodeState.UNKNOWN, "nodes.conf:4"));
        assertThat(cn.cores()).isEqualTo(64);
        NodeDefinition gpu = conf.node("gpu04").orElseThrow();
        assertThat(gpu).isEqualTo(new NodeDefinition("gpu04", 96, 1, 2, 24, 2, 512_000, List.of(new GresSpec("gpu", "a100", 4, false)),
                List.of("gpu", "a100"), 50, NodeState.UNKNOWN, "nodes.conf:7"));
        assertThat(gpu.gresCount("gpu")).isEqualTo(4);
        assertThat(gpu.gres().get(0)).hasToString("gpu:a100:4");
        assertThat(conf.node("cn048").orElseThrow().state()).isEqualTo(NodeState.DRAIN); // DownNodes line
        assertThat(conf.node("cn048").orElseThrow().state().usable()).isFalse();
        assertThat(conf.nodes().get(0).name()).isEqualTo("cn001");
        assertThat(conf.nodes().get(51).name()).isEqualTo("gpu04");
    }

    @Test
    void partitionsOfTheSiteEveryField() {
        SlurmConf conf = site(new ImportReport());
        assertThat(conf.partitions()).extracting(PartitionDefinition::name).containsExactly("batch", "short", "gpu", "scavenger", "maint");

        PartitionDefinition batch = conf.partition("batch").orElseThrow();
        assertThat(batch.nodes()).hasSize(48).startsWith("cn001").endsWith("cn048");
        assertThat(batch.isDefault()).isTrue();
        assertThat(conf.defaultPartition()).contains(batch);
        assertThat(batch.maxTimeSeconds()).isEqualTo(3 * 86_400);
        assertThat(batch.defaultTimeSeconds()).hasValue(3600);
        assertThat(batch.priorityTier()).isEqualTo(1);
        assertThat(batch.priorityJobFactor()).isEqualTo(1);
        assertThat(batch.denyAccounts()).containsExactly("guests");
        assertThat(batch.admitsAccount("guests")).isFalse();
        assertThat(batch.admitsAccount("physics")).isTrue();
        assertThat(batch.overSubscribe()).isEqualTo(OverSubscribe.NO);
        assertThat(batch.state()).isEqualTo(PartitionState.UP);
        assertThat(batch.where()).isEqualTo("slurm.conf:62");

        PartitionDefinition shortP = conf.partition("short").orElseThrow();
        assertThat(shortP.nodes()).hasSize(20).contains("cn016", "gpu01").doesNotContain("cn017");
        assertThat(shortP.maxTimeSeconds()).isEqualTo(4 * 3600);
        assertThat(shortP.defaultTimeSeconds()).isEmpty();
        assertThat(shortP.maxNodes()).isEqualTo(4);
        assertThat(shortP.priorityTier()).isEqualTo(2);
        assertThat(shortP.priorityJobFactor()).isEqualTo(10);
        assertThat(shortP.allowQos()).containsExactly("normal", "high", "debug");

        PartitionDefinition gpu = conf.partition("gpu").orElseThrow();
        assertThat(gpu.nodes()).containsExactly("gpu01", "gpu02", "gpu03", "gpu04");
        assertThat(gpu.maxTimeSeconds()).isEqualTo(86_400);
        assertThat(gpu.defaultTimeSeconds()).hasValue(7200);
        assertThat(gpu.allowAccounts()).containsExactly("physics", "chem", "ml");
        assertThat(gpu.admitsAccount("guests")).isFalse();
        assertThat(gpu.overSubscribe()).isEqualTo(new OverSubscribe(OverSubscribe.Mode.YES, 2));
        assertThat(gpu.priorityJobFactor()).isEqualTo(5);
        assertThat(gpu.qos()).isEqualTo("gpu_part");
        assertThat(gpu.defMemPerCpuMb()).hasValue(4000);
        assertThat(gpu.maxNodes()).isEqualTo(PartitionDefinition.UNLIMITED_NODES);

        PartitionDefinition scavenger = conf.partition("scavenger").orElseThrow();
        assertThat(scavenger.nodes()).hasSize(52); // Nodes=ALL
        assertThat(scavenger.maxTimeSeconds()).isEqualTo(SlurmTime.UNLIMITED);
        assertThat(scavenger.priorityTier()).isZero();
        assertThat(scavenger.preemptMode()).contains(new PreemptModeSetting(PreemptModeSetting.Kind.REQUEUE, false, false, false));

        PartitionDefinition maint = conf.partition("maint").orElseThrow();
        assertThat(maint.state()).isEqualTo(PartitionState.INACTIVE);
        assertThat(maint.state().startsJobs()).isFalse();
        assertThat(maint.maxTimeSeconds()).isEqualTo(1800); // MaxTime=30: minutes
        // PartitionName=DEFAULT MaxTime=2-00:00:00 reaches those without their own
        assertThat(maint.overSubscribe()).isEqualTo(OverSubscribe.NO);
    }

    @Test
    void globalSettingsOfTheSite() {
        SlurmConf conf = site(new ImportReport());
        PrioritySettings p = conf.priority();
        assertThat(p.multifactor()).isTrue();
        assertThat(p.fairTree()).isTrue();
        assertThat(p.decayHalfLifeSeconds()).isEqualTo(14 * 86_400);
        assertThat(p.calcPeriodSeconds()).isEqualTo(300);
        assertThat(p.maxAgeSeconds()).isEqualTo(7 * 86_400);
        assertThat(p.usageResetPeriod()).isEqualTo("NONE");
        assertThat(p.favorSmall()).isFalse();
        assertThat(p.flags()).containsExactly("SMALL_RELATIVE_TO_TIME");
        assertThat(List.of(p.weightAge(), p.weightFairshare(), p.weightJobSize(), p.weightPartition(), p.weightQos(), p.weightAssoc()))
                .containsExactly(1000L, 10_000L, 500L, 2000L, 5000L, 0L);
        assertThat(p.weightTres()).isEqualTo(Map.of("cpu", 1000.0, "mem", 2000.0, "gres/gpu", 3000.0));

        assertThat(conf.preempt()).isEqualTo(new PreemptSettings("preempt/qos", new PreemptModeSetting(PreemptModeSetting.Kind.REQUEUE, false, false, false), 600));
        assertThat(conf.preempt().byQos()).isTrue();
        assertThat(conf.select()).isEqualTo(new SelectSettings("select/cons_tres", "CORE", true, List.of("CR_Core_Memory", "CR_CORE_DEFAULT_DIST_BLOCK")));
        assertThat(conf.select().sharesNodes()).isTrue();
        assertThat(conf.schedulerType()).isEqualTo("sched/backfill");
        SchedulerParameters sp = conf.schedulerParameters();
        assertThat(sp.bfWindowSeconds()).isEqualTo(4320 * 60);
        assertThat(sp.bfResolutionSeconds()).isEqualTo(300);
        assertThat(sp.bfMaxJobTest()).isEqualTo(1000);
        assertThat(sp.bfContinue()).isTrue();
        assertThat(sp.bfIntervalSeconds()).isEqualTo(60);
        assertThat(sp.bfMaxJobUser()).isEqualTo(20);
        assertThat(sp.defaultQueueDepth()).isEqualTo(200);
        assertThat(sp.options()).doesNotContainKeys("bf_yield_interval", "max_rpc_cnt");
        assertThat(conf.defMemPerCpuMb()).hasValue(2000);
        assertThat(conf.gresTypes()).containsExactly("gpu");
    }

    @Test
    void theReportListsEveryUnmodelledSettingWithValueAndLine() {
        ImportReport report = new ImportReport();
        site(report);
        List<String> ignored = report.ignored().stream().map(Object::toString).toList();
        assertThat(ignored).contains(
                "slurm.conf:4: SlurmctldHost=ctl1 — ignored (not modelled)",
                "slurm.conf:5: SlurmctldHost=ctl2 — ignored (not modelled)",
                "slurm.conf:6: AuthType=auth/munge — ignored (not modelled)",
                "slurm.conf:8: ProctrackType=proctrack/cgroup — ignored (not modelled)",
                "slurm.conf:9: TaskPlugin=task/cgroup,task/affinity — ignored (not modelled)",
                "slurm.conf:51: AccountingStorageType=accounting_storage/slurmdbd — ignored (not modelled)",
                "nodes.conf:4: NodeName=cn[001-048] TmpDisk=400000 — ignored (not modelled)",
                "nodes.conf:4: NodeName=cn[001-048] MemSpecLimit=4096 — ignored (not modelled)",
                "slurm.conf:58: DownNodes=cn048 Reason=bad DIMM — ignored (not modelled)",
                "slurm.conf:64: PartitionName=gpu Hidden=NO — ignored (not modelled)",
                "slurm.conf:65: PartitionName=scavenger LLN=YES — ignored (not modelled)",
                "slurm.conf:66: PartitionName=maint RootOnly=YES — ignored (not modelled)",
                "slurm.conf:27: SelectTypeParameters CR_CORE_DEFAULT_DIST_BLOCK — ignored (not modelled)",
                "slurm.conf:24: SchedulerParameters bf_yield_interval=1000000 — ignored (not modelled)",
                "slurm.conf:24: SchedulerParameters max_rpc_cnt=150 — ignored (not modelled)");
        assertThat(ignored).hasSize(28);
        assertThat(report.warnings()).isEmpty();
        assertThat(report.render()).startsWith("Ignored settings (read, not modelled): 28\n  slurm.conf:4: SlurmctldHost=ctl1");
        // file by file, by line: the options of slurm.conf:24 and :27 (checked at the end of reading) sit in their place
        assertThat(ignored.subList(15, 20)).containsExactly(
                "slurm.conf:24: SchedulerParameters bf_yield_interval=1000000 — ignored (not modelled)",
                "slurm.conf:24: SchedulerParameters max_rpc_cnt=150 — ignored (not modelled)",
                "slurm.conf:27: SelectTypeParameters CR_CORE_DEFAULT_DIST_BLOCK — ignored (not modelled)",
                "slurm.conf:51: AccountingStorageType=accounting_storage/slurmdbd — ignored (not modelled)",
                "slurm.conf:52: AccountingStorageTRES=gres/gpu — ignored (not modelled)");
        assertThat(ignored.get(ignored.size() - 1)).isEqualTo("nodes.conf:4: NodeName=cn[001-048] MemSpecLimit=4096 — ignored (not modelled)");
    }

    // ------------------------------------------------------------------ errors: file, line, key

    @Test
    void aBadTimeNamesFileLineAndKey() {
        String text = "NodeName=n[1-2] CPUs=4\n".repeat(1) + "\n".repeat(32) + "PartitionName=gpu Nodes=n[1-2] MaxTime=1-xx:00\n";
        assertThatThrownBy(() -> parse(text)).isInstanceOf(SlurmConfException.class)
                .hasMessage("slurm.conf:34: PartitionName=gpu MaxTime=1-xx:00: not a Slurm time (days-hours:minutes:seconds)");
    }

    @Test
    void exactMessagesForBadValues() {
        assertThatThrownBy(() -> parse("NodeName=n1 CPUs=abc\n"))
                .hasMessage("slurm.conf:1: NodeName=n1 CPUs=abc: not a whole number");
        assertThatThrownBy(() -> parse("NodeName=n1 RealMemory=64G\n"))
                .hasMessage("slurm.conf:1: NodeName=n1 RealMemory=64G: not a whole number of MB (slurm.conf takes memory in MB, without a unit)");
        assertThatThrownBy(() -> parse("NodeName=n1 Gres=gpu:a100:x4\n"))
                .hasMessage("slurm.conf:1: NodeName=n1 Gres=gpu:a100:x4: gpu:a100:x4: not a GRES (name[:type][:no_consume]:count)");
        assertThatThrownBy(() -> parse("NodeName=n1\nPartitionName=p Nodes=n1 OverSubscribe=MAYBE\n"))
                .hasMessage("slurm.conf:2: PartitionName=p OverSubscribe=MAYBE: not NO, YES[:N], FORCE[:N] or EXCLUSIVE");
        assertThatThrownBy(() -> parse("NodeName=n1\nPartitionName=p Nodes=n1 State=SLEEPY\n"))
                .hasMessage("slurm.conf:2: PartitionName=p State=SLEEPY: not a partition state (UP, DOWN, DRAIN, INACTIVE)");
        assertThatThrownBy(() -> parse("NodeName=n1\nPartitionName=p Nodes=n[1-3]\n"))
                .hasMessage("slurm.conf:2: PartitionName=p Nodes=n[1-3]: n2 is not a node of any NodeName line");
        assertThatThrownBy(() -> parse("NodeName=node[1-999999999] CPUs=4\n"))
                .hasMessage("slurm.conf:1: NodeName=node[1-999999999]: range 1-999999999 has 999999999 hosts; at most 65536 are expanded (Slurm's limit)");
        assertThatThrownBy(() -> parse("PriorityWeightAge=lots\n"))
                .hasMessage("slurm.conf:1: PriorityWeightAge=lots: not a whole number");
        assertThatThrownBy(() -> parse("PreemptMode=SOMETIMES\n"))
                .hasMessage("slurm.conf:1: PreemptMode=SOMETIMES: not a preempt mode (OFF, CANCEL, REQUEUE, SUSPEND, with GANG, WITHIN, PRIORITY)");
        assertThatThrownBy(() -> parse("SchedulerParameters=bf_window=long\n"))
                .hasMessage("slurm.conf:1: SchedulerParameters=bf_window=long: bf_window=long: bf_window takes a whole number ≥ 1");
        // 0 was refused later, by the scheduler's configuration, without the file and line
        assertThatThrownBy(() -> parse("SchedulerParameters=bf_interval=0,bf_continue\n"))
                .hasMessage("slurm.conf:1: SchedulerParameters=bf_interval=0,bf_continue: bf_interval=0: bf_interval takes a whole number ≥ 1");
        assertThat(parse("SchedulerParameters=bf_max_job_user=0\n").schedulerParameters()).isNotNull();
        assertThatThrownBy(() -> parse("NodeName=n1 CPUs=4 this is junk\n"))
                .hasMessage("slurm.conf:1: this: not Key=Value (a value with blanks needs double quotes)");
    }

    /** A 10 MB line was quoted whole in the message (10 MB on stderr). */
    @Test
    void aVeryLongLineIsShortenedInTheMessage() {
        String junk = "x".repeat(10_000_000);
        SlurmConfException e = (SlurmConfException) org.assertj.core.api.Assertions.catchThrowable(() -> parse(
                "NodeName=n1 CPUs=4\n" + junk + "\n"));
        assertThat(e.getMessage()).startsWith("slurm.conf:2: xxx").endsWith("… (" + (e.problems().get(0).length()) + " characters)")
                .hasSizeLessThan(600);
    }

    /** A byte-order mark (a file saved on Windows) was read as part of the first key: "﻿ClusterName=x: not Key=Value". */
    @Test
    void aByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bom.conf");
        Files.writeString(f, "\uFEFFClusterName=x\nNodeName=n1 CPUs=4\nPartitionName=p Nodes=n1\n");
        SlurmConf conf = SlurmConfParser.read(f, new ImportReport());
        assertThat(conf.clusterName()).isEqualTo("x");
        assertThat(conf.nodes()).hasSize(1);
    }

    /** Binary input: "cannot be read (Input length = 1)" before, no line. */
    @Test
    void aFileThatIsNotUtf8IsRefusedWithTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bin.conf");
        byte[] text = "NodeName=n1 CPUs=4\nPartitionName=p Nodes=n1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(text, text.length + 3);
        bytes[text.length] = (byte) 0xff;
        bytes[text.length + 1] = (byte) 0xfe;
        bytes[text.length + 2] = '\n';
        Files.write(f, bytes);
        assertThatThrownBy(() -> SlurmConfParser.read(f, new ImportReport()))
                .isInstanceOf(SlurmConfException.class).hasMessage("bin.conf:3: not UTF-8 text (a binary file?)");
    }

    @Test
    void everyProblemOfAFileIsListed() {
        SlurmConfException e = (SlurmConfException) org.assertj.core.api.Assertions.catchThrowable(() -> parse(
                "NodeName=n1 CPUs=x\nNodeName=n2 Weight=-3\nPartitionName=p Nodes=n1 MaxTime=soon\n"));
        assertThat(e.problems()).containsExactly(
                "slurm.conf:1: NodeName=n1 CPUs=x: not a whole number",
                "slurm.conf:2: NodeName=n2 Weight=-3: must be 0 to 4294967295",
                "slurm.conf:3: PartitionName=p MaxTime=soon: not a Slurm time (days-hours:minutes:seconds)");
    }

    // ------------------------------------------------------------------ syntax

    @Test
    void keysAreCaseInsensitiveAndValuesMayBeQuotedOrSpaced() {
        SlurmConf conf = parse("nodename=n1 cpus=8 REALMEMORY = 1024 features=\"a,b\"\npartitionname=p nodes=n1 default=yes maxtime=unlimited\n");
        assertThat(conf.node("n1").orElseThrow().cpus()).isEqualTo(8);
        assertThat(conf.node("n1").orElseThrow().realMemoryMb()).isEqualTo(1024);
        assertThat(conf.node("n1").orElseThrow().features()).containsExactly("a", "b");
        assertThat(conf.partition("p").orElseThrow().isDefault()).isTrue();
    }

    @Test
    void commentsContinuationsAndEscapes() {
        ImportReport report = new ImportReport();
        SlurmConf conf = parse("""
                # a comment line
                NodeName=n[1-2] \\
                    CPUs=16 # trailing comment
                NodeName=n3 Feature=hash\\#tag
                PartitionName=p Nodes=n[1-3]
                """, report);
        assertThat(conf.nodes()).extracting(NodeDefinition::cpus).containsExactly(16, 16, 1);
        assertThat(conf.node("n3").orElseThrow().features()).containsExactly("hash#tag");
        assertThat(conf.node("n3").orElseThrow().where()).isEqualTo("slurm.conf:4");
        assertThat(conf.partition("p").orElseThrow().where()).isEqualTo("slurm.conf:5");
    }

    @Test
    void defaultLinesApplyToTheLinesAfterThemAndAddUp() {
        SlurmConf conf = parse("""
                NodeName=a1
                NodeName=DEFAULT CPUs=8 RealMemory=4000
                NodeName=b1
                NodeName=DEFAULT RealMemory=8000
                NodeName=c1
                NodeName=d1 CPUs=2
                PartitionName=early Nodes=ALL
                PartitionName=DEFAULT MaxTime=60 PriorityTier=5
                PartitionName=late Nodes=ALL
                PartitionName=DEFAULT MaxTime=30
                PartitionName=later Nodes=ALL PriorityTier=7
                """);
        assertThat(conf.nodes()).extracting(NodeDefinition::cpus).containsExactly(1, 8, 8, 2);
        assertThat(conf.nodes()).extracting(NodeDefinition::realMemoryMb).containsExactly(1L, 4000L, 8000L, 8000L);
        assertThat(conf.partition("early").orElseThrow().maxTimeSeconds()).isEqualTo(SlurmTime.UNLIMITED);
        assertThat(conf.partition("early").orElseThrow().priorityTier()).isEqualTo(1);
        assertThat(conf.partition("late").orElseThrow().maxTimeSeconds()).isEqualTo(3600);
        assertThat(conf.partition("late").orElseThrow().priorityTier()).isEqualTo(5);
        assertThat(conf.partition("later").orElseThrow().maxTimeSeconds()).isEqualTo(1800);
        assertThat(conf.partition("later").orElseThrow().priorityTier()).isEqualTo(7);
    }

    @Test
    void slurmsCpuRule() {
        SlurmConf conf = parse("""
                NodeName=plain
                NodeName=smt Sockets=2 CoresPerSocket=16 ThreadsPerCore=2
                NodeName=cpusonly CPUs=48
                NodeName=cores CPUs=32 Sockets=2 CoresPerSocket=16 ThreadsPerCore=2
                NodeName=infer CPUs=64 CoresPerSocket=16 ThreadsPerCore=2
                NodeName=boards Boards=2 SocketsPerBoard=2 CoresPerSocket=8
                NodeName=wrong CPUs=50 Sockets=2 CoresPerSocket=16 ThreadsPerCore=2
                """);
        assertThat(conf.node("plain").orElseThrow().cpus()).isEqualTo(1);
        assertThat(conf.node("smt").orElseThrow().cpus()).isEqualTo(64);
        NodeDefinition cpusOnly = conf.node("cpusonly").orElseThrow();
        assertThat(List.of(cpusOnly.cpus(), cpusOnly.sockets())).containsExactly(48, 48); // sockets inferred from CPUs
        assertThat(conf.node("cores").orElseThrow().cpus()).isEqualTo(32); // CPUs = sockets x cores is allowed
        assertThat(conf.node("infer").orElseThrow().sockets()).isEqualTo(2);
        NodeDefinition boards = conf.node("boards").orElseThrow();
        assertThat(List.of(boards.boards(), boards.sockets(), boards.cpus())).containsExactly(2, 4, 32);
        assertThat(conf.node("wrong").orElseThrow().cpus()).isEqualTo(64); // reset, as Slurm does
    }

    @Test
    void slurmsResetsAreWarnings() {
        ImportReport report = new ImportReport();
        parse("NodeName=wrong CPUs=50 Sockets=2 CoresPerSocket=16 ThreadsPerCore=2\nNodeName=both Sockets=2 SocketsPerBoard=1\n", report);
        assertThat(report.warnings()).containsExactly(
                "slurm.conf:1: NodeName=wrong: CPUs=50 matches neither Sockets, Sockets×CoresPerSocket nor Sockets×CoresPerSocket×ThreadsPerCore; reset to 64 (as Slurm does)",
                "slurm.conf:2: NodeName=both: Sockets and SocketsPerBoard exclude each other; SocketsPerBoard is used (as Slurm does)");
    }

    @Test
    void partitionSettingsTyped() {
        ImportReport report = new ImportReport();
        SlurmConf conf = parse("""
                NodeName=n[1-4]
                PartitionName=a Nodes=n[1-2] OverSubscribe=FORCE PreemptMode=suspend,gang MaxTime=1:30 GraceTime=120 MinNodes=1 MaxNodes=UNLIMITED
                PartitionName=b Nodes=n[3-4] Shared=EXCLUSIVE State=drain AllowAccounts=ALL DenyAccounts=Bad AllowQos=Hi DenyQos=lo
                PartitionName=c Nodes="n1 n3" Exclusive=NODE DefMemPerNode=1000 DefMemPerCPU=10 MaxMemPerCPU=500 Priority=3 TRESBillingWeights=CPU=1.0,Mem=0.25G
                PartitionName=d Nodes=n1 OverSubscribe=YES Exclusive=USER
                """, report);
        PartitionDefinition a = conf.partition("a").orElseThrow();
        assertThat(a.overSubscribe()).isEqualTo(new OverSubscribe(OverSubscribe.Mode.FORCE, 4));
        assertThat(a.preemptMode()).contains(new PreemptModeSetting(PreemptModeSetting.Kind.SUSPEND, false, false, false));
        assertThat(a.maxTimeSeconds()).isEqualTo(120);
        assertThat(a.graceTimeSeconds()).isEqualTo(120);
        assertThat(a.minNodes()).isEqualTo(1);
        assertThat(a.maxNodes()).isEqualTo(PartitionDefinition.UNLIMITED_NODES);
        PartitionDefinition b = conf.partition("b").orElseThrow();
        assertThat(b.overSubscribe()).isEqualTo(OverSubscribe.EXCLUSIVE);
        assertThat(b.state()).isEqualTo(PartitionState.DRAIN);
        assertThat(b.allowAccounts()).isEmpty();
        assertThat(b.denyAccounts()).containsExactly("bad");
        assertThat(b.allowQos()).containsExactly("hi");
        assertThat(b.denyQos()).isEmpty();
        PartitionDefinition c = conf.partition("c").orElseThrow();
        assertThat(c.nodes()).containsExactly("n1", "n3");
        assertThat(c.overSubscribe()).isEqualTo(OverSubscribe.EXCLUSIVE);
        assertThat(c.defMemPerNodeMb()).hasValue(1000);
        assertThat(c.defMemPerCpuMb()).isEmpty();
        assertThat(c.maxMemPerCpuMb()).hasValue(500);
        assertThat(List.of(c.priorityTier(), c.priorityJobFactor())).containsExactly(3, 3);
        assertThat(c.tresBillingWeights()).isEqualTo("CPU=1.0,Mem=0.25G");
        assertThat(conf.partition("d").orElseThrow().overSubscribe()).isEqualTo(new OverSubscribe(OverSubscribe.Mode.YES, 4));
        assertThat(report.warnings()).containsExactly(
                "slurm.conf:2: PartitionName=a MaxTime=1:30: rounded up to 00:02:00 (Slurm keeps partition time limits in whole minutes)",
                "slurm.conf:2: PartitionName=a: PreemptMode GANG is cluster-wide; ignored on the partition, as in Slurm",
                "slurm.conf:3: PartitionName=b: AllowQos and DenyQos are both set; DenyQos is ignored, as in Slurm",
                "slurm.conf:4: PartitionName=c: Priority= is Slurm's old name; it sets both PriorityTier and PriorityJobFactor to 3",
                "slurm.conf:4: PartitionName=c: DefMemPerCPU ignored, since DefMemPerNode is set (as Slurm does)");
        assertThat(report.ignored()).extracting(Object::toString).containsExactly("slurm.conf:5: PartitionName=d Exclusive=USER — ignored (not modelled)");
    }

    @Test
    void nodeSetsAndLaterNodesInPartitions() {
        SlurmConf conf = parse("""
                NodeSet=fat Feature=bigmem
                PartitionName=p Nodes=fat,n1
                NodeName=n[1-3] Features=bigmem
                NodeName=m1
                NodeSet=few Nodes=m1,n2
                PartitionName=q Nodes=few
                """);
        assertThat(conf.partition("p").orElseThrow().nodes()).containsExactly("n1", "n2", "n3");
        assertThat(conf.partition("q").orElseThrow().nodes()).containsExactly("m1", "n2");
    }

    @Test
    void duplicatesAndRepeatsAreWarnedAsSlurmDoes() {
        ImportReport report = new ImportReport();
        SlurmConf conf = parse("""
                PriorityWeightAge=10
                NodeName=n1 CPUs=2
                NodeName=n[1-2] CPUs=4
                PartitionName=p Nodes=n1
                PartitionName=p Nodes=n2
                PriorityWeightAge=20
                """, report);
        assertThat(conf.node("n1").orElseThrow().cpus()).isEqualTo(2);
        assertThat(conf.node("n2").orElseThrow().cpus()).isEqualTo(4);
        assertThat(conf.partition("p").orElseThrow().nodes()).containsExactly("n1");
        assertThat(conf.priority().weightAge()).isEqualTo(20);
        assertThat(report.warnings()).containsExactly(
                "slurm.conf:3: NodeName=n[1-2]: node n1 is already defined at slurm.conf:2; this definition is ignored, as in Slurm",
                "slurm.conf:6: PriorityWeightAge given again (first at slurm.conf:1); the later value is used, as in Slurm",
                "slurm.conf:5: PartitionName=p is already defined at slurm.conf:4; this definition is ignored, as in Slurm");
    }

    @Test
    void slurmDefaultsWhenNothingIsSaid() {
        SlurmConf conf = parse("NodeName=n1\nPartitionName=p Nodes=n1\n");
        assertThat(conf.priority()).isEqualTo(PrioritySettings.DEFAULTS);
        assertThat(conf.preempt()).isEqualTo(PreemptSettings.DEFAULTS);
        assertThat(conf.select()).isEqualTo(SelectSettings.DEFAULTS);
        assertThat(conf.schedulerType()).isEqualTo("sched/backfill");
        assertThat(conf.schedulerParameters().bfWindowSeconds()).isEqualTo(86_400);
        assertThat(conf.schedulerParameters().bfResolutionSeconds()).isEqualTo(60);
        PartitionDefinition p = conf.partition("p").orElseThrow();
        assertThat(p.maxTimeSeconds()).isEqualTo(SlurmTime.UNLIMITED);
        assertThat(p.defaultTimeSeconds()).isEqualTo(OptionalLong.empty());
        assertThat(p.preemptMode()).isEqualTo(Optional.empty());
        assertThat(p.priorityTier()).isEqualTo(1);
        assertThat(conf.node("n1").orElseThrow().realMemoryMb()).isEqualTo(1);
        assertThat(conf.node("n1").orElseThrow().weight()).isEqualTo(1);
    }

    @Test
    void linearSelectAndClassicFairShare() {
        SlurmConf conf = parse("SelectType=select/linear\nSelectTypeParameters=CR_Memory\nPriorityFlags=NO_FAIR_TREE,MAX_TRES\nNodeName=n1\n");
        assertThat(conf.select()).isEqualTo(new SelectSettings("select/linear", "NODE", true, List.of("CR_Memory")));
        assertThat(conf.select().sharesNodes()).isFalse();
        assertThat(conf.priority().fairTree()).isFalse();
    }

    @Test
    void gresNotInGresTypesIsWarnedOnce() {
        ImportReport report = new ImportReport();
        SlurmConf conf = parse("NodeName=g[1-3] Gres=gpu:2,mps:100\nGresTypes=mps\n", report);
        assertThat(conf.node("g3").orElseThrow().gres()).containsExactly(new GresSpec("gpu", "", 2, false), new GresSpec("mps", "", 100, false));
        assertThat(report.warnings()).containsExactly("slurm.conf:1: NodeName g1 has Gres gpu:2 but GresTypes does not list gpu (Slurm refuses that)");
    }

    // ------------------------------------------------------------------ Include

    @Test
    void includesAreRelativeToTheMainFilesDirectory(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("slurm.conf"), "ClusterName=x\nInclude conf.d/nodes.conf\ninclude conf.d/%c-parts.conf\n");
        // the nested include is relative to the main file's directory too, as in Slurm
        Files.writeString(dir.resolve("conf.d/nodes.conf"), "NodeName=n[1-2] CPUs=4\nInclude conf.d/more.conf\n");
        Files.writeString(dir.resolve("conf.d/more.conf"), "NodeName=m1 CPUs=2\nBogusKey=1\n");
        Files.writeString(dir.resolve("conf.d/x-parts.conf"), "PartitionName=p Nodes=ALL\n");
        ImportReport report = new ImportReport();
        SlurmConf conf = SlurmConfParser.read(dir.resolve("slurm.conf"), report);
        assertThat(conf.nodes()).extracting(NodeDefinition::name).containsExactly("n1", "n2", "m1");
        assertThat(conf.node("m1").orElseThrow().where()).isEqualTo("conf.d/more.conf:1");
        assertThat(conf.partition("p").orElseThrow().nodes()).hasSize(3);
        assertThat(report.ignored()).extracting(Object::toString).containsExactly("conf.d/more.conf:2: BogusKey=1 — ignored (not modelled)");
    }

    @Test
    void anIncludeCycleIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("slurm.conf"), "NodeName=n1\nInclude a.conf\n");
        Files.writeString(dir.resolve("a.conf"), "Include b.conf\n");
        Files.writeString(dir.resolve("b.conf"), "\nInclude slurm.conf\n");
        assertThatThrownBy(() -> SlurmConfParser.read(dir.resolve("slurm.conf"), new ImportReport()))
                .hasMessage("b.conf:2: Include slurm.conf: include cycle (slurm.conf → a.conf → b.conf → slurm.conf)");
    }

    @Test
    void aMissingIncludeIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("slurm.conf"), "NodeName=n1\nInclude nodes.conf\n");
        assertThatThrownBy(() -> SlurmConfParser.read(dir.resolve("slurm.conf"), new ImportReport()))
                .hasMessage("slurm.conf:2: Include nodes.conf: no such file (" + dir.toAbsolutePath().normalize().resolve("nodes.conf") + ")");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        assertThatThrownBy(() -> SlurmConfParser.read(dir.resolve("slurm.conf"), new ImportReport()))
                .isInstanceOf(SlurmConfException.class).hasMessageStartingWith("slurm.conf: cannot be read");
    }
}
