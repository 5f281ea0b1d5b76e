package org.preemptlab.slurmconf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;
import org.preemptlab.accounting.BillingWeights;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.partition.OverSubscribe;
import org.preemptlab.partition.Partition;
import org.preemptlab.partition.PartitionState;
import org.preemptlab.priority.PriorityConfig;
import org.preemptlab.priority.PriorityFlag;
import org.preemptlab.priority.ResetPeriod;
import org.preemptlab.qos.PreemptMode;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.site.PreemptType;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;
import org.preemptlab.tres.Tres;

/**
 * The one step from the file records of a {@link SlurmSite} to the domain: a version-2 cluster
 * ({@link NodeCluster} with its {@link Site}). Every setting that does not survive the step (a
 * partition-specific association, a license TRES, a state other than UP, …) goes to the import
 * report as a warning, so nothing is dropped silently.
 *
 * <p>Node groups: hosts with the same hardware (CPUs, threads per core, memory, GRES, features)
 * and the same partitions form one group, named after the hosts' common prefix; partitions are
 * then unions of whole groups, as the model needs.
 */
public final class SiteMapping {

    private SiteMapping() {}

    /** The cluster of the site's files, with its warnings added to {@code site.report()}. */
    public static NodeCluster cluster(SlurmSite site) {
        ImportReport report = site.report();
        SlurmConf conf = site.conf();
        if (conf.nodes().isEmpty()) { // NodeCluster's "a cluster needs at least one pool" named no file
            throw new SlurmConfException("slurm.conf: no NodeName line: the site needs its nodes (if they are in another file,"
                    + " Include it)");
        }
        List<NodePool> groups = groups(conf, report);
        Map<String, String> groupOf = new HashMap<>();
        for (NodePool g : groups) for (String h : g.hostNames()) groupOf.put(h, g.name());
        List<Partition> partitions = new ArrayList<>();
        for (PartitionDefinition p : conf.partitions()) partitions.add(partition(p, groupOf, report));
        if (partitions.isEmpty()) {
            report.warn("slurm.conf has no PartitionName line: one partition \"all\" over every node is made");
            partitions.add(Partition.of("all", groups.stream().map(NodePool::name).toList()).toBuilder().isDefault(true).build());
        }
        QosTable qos = qos(site.qos(), conf.partitions(), report);
        AccountTree accounts = site.dump().map(d -> accounts(d, qos, report)).orElse(null);
        SelectType select = SelectType.parse(conf.select().type());
        if (select == null) {
            report.warn("SelectType=" + conf.select().type() + " is not modelled: run as select/cons_tres");
            select = SelectType.CONS_TRES;
        }
        if (select == SelectType.CONS_TRES && !conf.select().memory()) {
            report.warn("SelectTypeParameters without memory (" + String.join(",", conf.select().parameters())
                    + "): memory is still allocated per job (CR_Core_Memory)");
        }
        PrioritySettings ps = conf.priority();
        PreemptSettings pre = conf.preempt();
        PreemptType type = PreemptType.parse(pre.type());
        if (type == null) {
            report.warn("PreemptType=" + pre.type() + " is not modelled: no preemption");
            type = PreemptType.NONE;
        }
        Site s = new Site(partitions, select, conf.defMemPerCpuMb().orElse(0), accounts, qos, priority(ps, report),
                ps.multifactor(), type, mode(pre.mode(), report, "PreemptMode"), Math.max(0, pre.exemptTimeSeconds()));
        if (pre.exemptTimeSeconds() > 0 && type == PreemptType.NONE) {
            report.warn("PreemptExemptTime=" + pre.exemptTimeSeconds() + " s has no effect: PreemptType=" + pre.type());
        }
        boolean shares = partitions.stream().anyMatch(p -> p.shareJobs() > 1);
        if (shares && !pre.mode().gang()) {
            report.warn("PreemptMode=" + pre.mode() + " without GANG: Slurm would run the jobs allocated the same cores"
                    + " (OverSubscribe=FORCE:N / YES:N) at once, the operating system sharing the cores; the model time-slices"
                    + " them every SchedulerTimeSlice as with GANG");
        }
        return new NodeCluster(groups, s);
    }

    /** {@code SchedulerTimeSlice} of the site's slurm.conf, s: the gang scheduler's slice (default 30). */
    public static long timeSliceSeconds(SlurmSite site) {
        return site.conf().schedulerTimeSliceSeconds();
    }

    // ---------------------------------------------------------------- nodes

    private record Hardware(int cpus, int threads, long mem, List<Gres> gres, List<String> features, Set<String> partitions) {}

    private static List<NodePool> groups(SlurmConf conf, ImportReport report) {
        Map<String, Set<String>> partitionsOf = new HashMap<>();
        for (PartitionDefinition p : conf.partitions()) {
            for (String h : p.nodes()) partitionsOf.computeIfAbsent(h, k -> new LinkedHashSet<>()).add(p.name());
        }
        LinkedHashMap<Hardware, List<String>> byHardware = new LinkedHashMap<>();
        for (NodeDefinition n : conf.nodes()) {
            if (n.state() != null && n.state() != NodeState.UNKNOWN && n.state() != NodeState.CLOUD) {
                report.warn(n.where() + ": node " + n.name() + " State=" + n.state() + " is modelled as up");
            }
            List<Gres> gres = new ArrayList<>();
            for (GresSpec g : n.gres()) {
                if (g.noConsume()) {
                    report.warn(n.where() + ": node " + n.name() + " Gres=" + g + ": no_consume GRES are not modelled (left out)");
                    continue;
                }
                gres.add(new Gres(g.name(), g.type(), g.count()));
            }
            int threads = Math.max(1, n.threadsPerCore());
            if (n.cpus() % threads != 0) threads = 1;
            Hardware hw = new Hardware(n.cpus(), threads, Math.max(1, n.realMemoryMb()), List.copyOf(gres),
                    List.copyOf(n.features()), partitionsOf.getOrDefault(n.name(), Set.of()));
            byHardware.computeIfAbsent(hw, k -> new ArrayList<>()).add(n.name());
        }
        List<NodePool> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<Hardware, List<String>> e : byHardware.entrySet()) {
            Hardware hw = e.getKey();
            List<String> hosts = e.getValue();
            if (hw.partitions().isEmpty()) {
                report.warn(noPartition(hosts));
            }
            String base = prefix(hosts.get(0));
            String name = base;
            for (int k = 2; !names.add(name); k++) name = base + "-" + k;
            out.add(new NodePool(name, hosts.size(), hw.cpus(), hw.mem(), "", List.of(), NodePool.DEFAULT_BANDWIDTH_MBPS,
                    hw.threads(), hw.gres(), hw.features(), hosts));
        }
        return out;
    }

    /** {@code gpu01} → {@code gpu}; a name without letters → {@code nodes}. */
    private static String prefix(String host) {
        int i = 0;
        while (i < host.length() && (Character.isLetter(host.charAt(i)) || host.charAt(i) == '-' || host.charAt(i) == '_')) i++;
        String p = host.substring(0, i).replaceAll("[-_]+$", "");
        return p.isEmpty() ? "nodes" : p;
    }

    // ---------------------------------------------------------------- partitions

    private static Partition partition(PartitionDefinition p, Map<String, String> groupOf, ImportReport report) {
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        for (String h : p.nodes()) if (groupOf.containsKey(h)) groups.add(groupOf.get(h));
        OverSubscribe over = OverSubscribe.valueOf(p.overSubscribe().mode().name());
        int shareJobs = 0;
        if (over == OverSubscribe.YES || over == OverSubscribe.FORCE) {
            shareJobs = Math.min(p.overSubscribe().maxJobs(), Partition.MAX_SHARE_JOBS);
            if (p.overSubscribe().maxJobs() > Partition.MAX_SHARE_JOBS) {
                report.warn(p.where() + ": partition " + p.name() + " OverSubscribe=" + p.overSubscribe() + ": at most "
                        + Partition.MAX_SHARE_JOBS + " jobs per core are modelled");
            }
            if (over == OverSubscribe.YES && shareJobs > 1) {
                report.warn(p.where() + ": partition " + p.name() + " OverSubscribe=" + p.overSubscribe() + " is run as FORCE:"
                        + shareJobs + " (jobs carry no --oversubscribe in the model: every job is taken to ask for it)");
            }
        }
        if (!p.denyQos().isEmpty()) report.warn(p.where() + ": partition " + p.name() + " DenyQos is not modelled");
        if (!p.qos().isEmpty()) report.warn(p.where() + ": partition " + p.name() + " QOS=" + p.qos() + " (partition QOS) is not modelled");
        if (p.minNodes() > 1) report.warn(p.where() + ": partition " + p.name() + " MinNodes=" + p.minNodes() + " is not modelled");
        BillingWeights weights = BillingWeights.NONE;
        if (p.tresBillingWeights() != null && !p.tresBillingWeights().isBlank()) {
            try {
                weights = BillingWeights.parse(p.tresBillingWeights());
            } catch (IllegalArgumentException e) {
                report.warn(p.where() + ": partition " + p.name() + " TRESBillingWeights=" + p.tresBillingWeights() + ": " + e.getMessage()
                        + " (left out)");
            }
        }
        return new Partition(p.name(), List.copyOf(groups), p.isDefault(), p.priorityTier(), p.priorityJobFactor(),
                p.maxTimeSeconds() == SlurmTime.UNLIMITED ? -1 : p.maxTimeSeconds(),
                p.defaultTimeSeconds().isPresent() && p.defaultTimeSeconds().getAsLong() != SlurmTime.UNLIMITED
                        ? p.defaultTimeSeconds().getAsLong() : -1,
                p.maxNodes() == PartitionDefinition.UNLIMITED_NODES ? -1 : p.maxNodes(), p.allowAccounts(), p.denyAccounts(),
                p.allowQos(), over, PartitionState.valueOf(p.state().name()),
                p.preemptMode().map(m -> mode(m, report, "partition " + p.name() + " PreemptMode")).orElse(null), weights,
                p.graceTimeSeconds(), shareJobs);
    }

    private static PreemptMode mode(PreemptModeSetting m, ImportReport report, String what) {
        // GANG: time-slicing runs on partitions with OverSubscribe=FORCE:N / YES:N (docs/slurm-model.md, "Gang scheduling")
        if (m.within()) report.warn(what + "=" + m + ": WITHIN is not modelled");
        if (m.priority()) report.warn(what + "=" + m + ": PRIORITY is not modelled");
        return switch (m.kind()) {
            case OFF -> PreemptMode.OFF;
            case CANCEL -> PreemptMode.CANCEL;
            case REQUEUE -> PreemptMode.REQUEUE;
            case SUSPEND -> PreemptMode.SUSPEND;
        };
    }

    // ---------------------------------------------------------------- priority

    private static PriorityConfig priority(PrioritySettings ps, ImportReport report) {
        PriorityConfig.Builder b = PriorityConfig.builder().weightAge(ps.weightAge()).weightFairshare(ps.weightFairshare())
                .weightJobSize(ps.weightJobSize()).weightPartition(ps.weightPartition()).weightQos(ps.weightQos())
                .weightAssoc(ps.weightAssoc()).maxAge(Math.max(1, ps.maxAgeSeconds())).halfLife(ps.decayHalfLifeSeconds())
                .calcPeriod(Math.max(1, ps.calcPeriodSeconds())).favorSmall(ps.favorSmall());
        ps.weightTres().forEach((k, v) -> {
            if (Tres.isKnown(k.toLowerCase(Locale.ROOT)) || k.startsWith("gres/")) b.weightTres(k, v);
            else report.warn("PriorityWeightTRES " + k + "=" + v + ": not a modelled TRES (left out)");
        });
        try {
            b.resetPeriod(ResetPeriod.parse(ps.usageResetPeriod()));
        } catch (IllegalArgumentException e) {
            report.warn("PriorityUsageResetPeriod=" + ps.usageResetPeriod() + ": " + e.getMessage());
        }
        for (String f : ps.flags()) {
            try {
                b.flag(PriorityFlag.parse(f));
            } catch (IllegalArgumentException e) {
                report.warn("PriorityFlags " + f + ": " + e.getMessage() + " (left out)");
            }
        }
        if (!ps.fairTree()) b.flag(PriorityFlag.NO_FAIR_TREE);
        return b.build();
    }

    // ---------------------------------------------------------------- QOS and accounts

    /**
     * The QOS read, and — for a QOS a partition's {@code AllowQos} names that none read defines (slurm.conf alone,
     * no {@code sacctmgr} dump) — one with Slurm's defaults for a new QOS (priority 0, no limits, preempts nobody),
     * so a slurm.conf imports on its own; reported here when no QOS was read at all, else once by
     * {@link SlurmSite}'s cross-check.
     */
    private static QosTable qos(List<QosDefinition> defs, List<PartitionDefinition> partitions, ImportReport report) {
        QosTable.Builder b = QosTable.builder();
        Set<String> known = new java.util.HashSet<>();
        if (defs.isEmpty()) {
            b.add(Qos.of("normal", 0));
            known.add("normal");
        }
        addDefined(defs, b, known, report);
        for (PartitionDefinition p : partitions) {
            for (String q : p.allowQos()) {
                // with QOS read, SlurmSite's cross-check has already said "AllowQos: q is not a QOS read"
                if (known.add(q)) {
                    b.add(Qos.of(q, 0));
                    if (defs.isEmpty()) report.warn(p.where() + ": PartitionName=" + p.name() + " AllowQos names QOS " + q + ", which no QOS read "
                            + "defines: added with Slurm's defaults (priority 0, no limits, preempts none); give the "
                            + "sacctmgr dump or QOS table for its real settings");
                }
            }
        }
        return b.build();
    }

    private static void addDefined(List<QosDefinition> defs, QosTable.Builder b, Set<String> known, ImportReport report) {
        for (QosDefinition d : defs) {
            LimitSet.Builder l = LimitSet.builder();
            d.maxWallSeconds().ifPresent(l::maxWall);
            l.maxTresPerJob(tres(d.maxTresPerJob(), report, "qos " + d.name() + " MaxTRESPerJob"));
            l.maxTresPerUser(tres(d.maxTresPerUser(), report, "qos " + d.name() + " MaxTRESPerUser"));
            d.maxJobsPerUser().ifPresent(l::maxJobsPerUser);
            d.maxSubmitJobsPerUser().ifPresent(l::maxSubmitJobsPerUser);
            l.grpTres(tres(d.grpTres(), report, "qos " + d.name() + " GrpTRES"));
            d.grpJobs().ifPresent(l::grpJobs);
            d.grpSubmitJobs().ifPresent(l::grpSubmitJobs);
            PreemptMode mode = d.preemptMode().map(m -> mode(m, report, "qos " + d.name() + " PreemptMode")).orElse(PreemptMode.CLUSTER);
            b.add(new Qos(d.name(), (int) Math.min(Integer.MAX_VALUE, d.priority()), new LinkedHashSet<>(d.preempt()), mode,
                    d.graceTimeSeconds(), d.preemptExemptTimeSeconds().orElse(-1), d.usageFactor(), l.build()));
            known.add(d.name());
        }
    }

    private static Tres tres(Map<String, Long> m, ImportReport report, String what) {
        TreeMap<String, Long> known = new TreeMap<>();
        m.forEach((k, v) -> {
            String n = k.toLowerCase(Locale.ROOT).startsWith("gres/") ? "gres/" + k.substring(5) : k.toLowerCase(Locale.ROOT);
            if (v < 0) return;
            if (Tres.isKnown(n)) known.put(n, v);
            else report.warn(what + " " + k + "=" + v + ": not a modelled TRES (left out)");
        });
        return known.isEmpty() ? Tres.NONE : Tres.of(known);
    }

    private static AccountTree accounts(SacctmgrDump d, QosTable qos, ImportReport report) {
        AccountTree.Builder b = AccountTree.builder();
        for (SacctmgrDump.Account a : d.accounts()) {
            if (a.name().equals(SacctmgrDump.ROOT)) continue;
            b.add(association(AssocKey.account(a.name()), a.parent() == null || a.parent().isEmpty() ? AssocKey.ROOT_NAME : a.parent(),
                    a.limits(), report, a.where()));
        }
        Set<AssocKey> seen = new LinkedHashSet<>();
        for (SacctmgrDump.UserAssociation u : d.users()) {
            if (u.partition() != null && !u.partition().isEmpty()) {
                report.warn(u.where() + ": user " + u.user() + " in account " + u.account() + " Partition=" + u.partition()
                        + ": partition-specific associations are not modelled (taken as the user's association in the account)");
            }
            AssocKey k = AssocKey.user(u.user(), u.account());
            if (!seen.add(k)) continue;
            b.add(association(k, u.account(), u.limits(), report, u.where()));
        }
        return b.build();
    }

    private static Association association(AssocKey key, String parent, AssociationLimits l, ImportReport report, String where) {
        if (l.fairshareParent()) report.warn(where + ": " + key + " Fairshare=parent is not modelled (shares 1)");
        LimitSet.Builder s = LimitSet.builder();
        l.maxWallSeconds().ifPresent(s::maxWall);
        s.maxTresPerJob(tres(l.maxTresPerJob(), report, where + ": " + key + " MaxTRESPerJob"));
        l.maxJobs().ifPresent(s::maxJobsPerUser);
        l.maxSubmitJobs().ifPresent(s::maxSubmitJobsPerUser);
        s.grpTres(tres(l.grpTres(), report, where + ": " + key + " GrpTRES"));
        l.grpJobs().ifPresent(s::grpJobs);
        l.grpSubmitJobs().ifPresent(s::grpSubmitJobs);
        return new Association(key, key.isUser() ? key.account() : parent, (int) Math.max(1, Math.min(Integer.MAX_VALUE, l.shares())),
                (int) l.priority().orElse(-1), l.defaultQos() == null || l.defaultQos().isEmpty() ? null : l.defaultQos(),
                new LinkedHashSet<>(l.qos()), s.build());
    }

    /** {@code node c1 is in no partition: no job can use it}, {@code 5 nodes (c1,c2,c3,…) are in no partition: no job can use them}. */
    static String noPartition(List<String> hosts) {
        if (hosts.size() == 1) return "node " + hosts.get(0) + " is in no partition: no job can use it";
        return org.preemptlab.units.Units.count(hosts.size(), "node") + " (" + String.join(",", hosts.subList(0, Math.min(3, hosts.size())))
                + (hosts.size() > 3 ? ",…" : "") + ") are in no partition: no job can use them";
    }
}
