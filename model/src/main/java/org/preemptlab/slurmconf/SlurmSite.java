package org.preemptlab.slurmconf;

import org.preemptlab.units.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The files a planner has of one Slurm site, read together into one {@link ImportReport}: the
 * {@code slurm.conf} (required), and optionally its {@code gres.conf}, a {@code sacctmgr dump} and
 * a {@code sacctmgr -P show qos} output. Reading them together adds the cross-file checks: GRES in
 * {@code gres.conf} against the nodes' {@code Gres=}, QOS named by partitions and associations
 * against the QOS read, partitions' {@code AllowAccounts} against the account tree.
 */
public record SlurmSite(SlurmConf conf, Optional<GresConf> gres, Optional<SacctmgrDump> dump, Optional<QosFileTable> qosTable,
                        ImportReport report) {

    /** The files; null for those not given. */
    public record Files(Path slurmConf, Path gresConf, Path sacctmgrDump, Path sacctmgrQos) {}

    /** @throws SlurmConfException naming the file, line and key of every problem of the first file that has one */
    public static SlurmSite read(Files files) {
        ImportReport report = new ImportReport();
        SlurmConf conf = SlurmConfParser.read(files.slurmConf(), report);
        Optional<GresConf> gres = Optional.ofNullable(files.gresConf()).map(f -> GresConfParser.read(f, report));
        Optional<SacctmgrDump> dump = Optional.ofNullable(files.sacctmgrDump()).map(f -> SacctmgrDumpParser.read(f, report));
        Optional<QosFileTable> qos = Optional.ofNullable(files.sacctmgrQos()).map(f -> QosTableParser.read(f, report));
        SlurmSite site = new SlurmSite(conf, gres, dump, qos, report);
        site.crossCheck();
        return site;
    }

    /** A site of records already read (e.g. from a live cluster, {@link LiveSite}), with the cross-file checks added to {@code report}. */
    public static SlurmSite of(SlurmConf conf, Optional<GresConf> gres, Optional<SacctmgrDump> dump, Optional<QosFileTable> qos,
            ImportReport report) {
        SlurmSite site = new SlurmSite(conf, gres, dump, qos, report);
        site.crossCheck();
        return site;
    }

    /** What was read, one line a file: the counts the typed records hold. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        long gpus = conf.nodes().stream().mapToLong(n -> n.gresCount("gpu")).sum();
        sb.append("slurm.conf: cluster ").append(conf.clusterName().isEmpty() ? "(no ClusterName)" : conf.clusterName()).append(": ")
                .append(Units.count(conf.nodes().size(), "node")).append(", ").append(Units.count(gpus, "GPU")).append(", ")
                .append(Units.count(conf.partitions().size(), "partition")).append(", ").append(conf.priority().type()).append(", ")
                .append(conf.preempt().type()).append(", ").append(conf.select().type()).append('\n');
        gres.ifPresent(g -> sb.append("gres.conf: ").append(Units.count(g.lines().size(), "GRES line")).append('\n'));
        dump.ifPresent(d -> sb.append("sacctmgr dump: cluster ").append(d.cluster()).append(": ")
                .append(Units.count(d.accounts().size(), "account")).append(", ").append(Units.count(d.users().size(), "user association"))
                .append(", ").append(d.qos().size()).append(" QOS\n"));
        qosTable.ifPresent(t -> sb.append("sacctmgr show qos: ").append(t.qos().size()).append(" QOS\n"));
        return sb.toString();
    }

    /** Every QOS read: the {@code show qos} table's, else the dump's (the table wins for a name in both). */
    public List<QosDefinition> qos() {
        List<QosDefinition> out = new ArrayList<>(qosTable.map(QosFileTable::qos).orElse(List.of()));
        Set<String> names = new LinkedHashSet<>();
        for (QosDefinition q : out) names.add(q.name());
        dump.ifPresent(d -> d.qos().stream().filter(q -> !names.contains(q.name())).forEach(out::add));
        return out;
    }

    private void crossCheck() {
        gres.ifPresent(this::checkGres);
        List<QosDefinition> all = qos();
        if (!all.isEmpty()) {
            Set<String> names = new LinkedHashSet<>();
            for (QosDefinition q : all) names.add(q.name());
            for (PartitionDefinition p : conf.partitions()) {
                if (!p.qos().isEmpty() && !names.contains(p.qos().toLowerCase(Locale.ROOT))) {
                    report.warn(p.where() + ": PartitionName=" + p.name() + " QOS=" + p.qos() + ": no such QOS in the QOS read");
                }
                for (String q : p.allowQos()) {
                    if (!names.contains(q)) report.warn(p.where() + ": PartitionName=" + p.name() + " AllowQos: " + q + " is not a QOS read");
                }
            }
            for (QosDefinition q : all) {
                for (String target : q.preempt()) {
                    if (!names.contains(target)) report.warn(q.where() + ": QOS " + q.name() + " Preempt: " + target + " is not a QOS read");
                }
            }
            dump.ifPresent(d -> {
                for (SacctmgrDump.Account a : d.accounts()) checkQosNames(a.limits(), a.where(), "Account " + a.name(), names);
                for (SacctmgrDump.UserAssociation u : d.users()) checkQosNames(u.limits(), u.where(), "User " + u.user(), names);
            });
        }
        dump.ifPresent(d -> {
            for (PartitionDefinition p : conf.partitions()) {
                for (String a : p.allowAccounts()) {
                    if (d.account(a).isEmpty() && !a.equals(SacctmgrDump.ROOT)) {
                        report.warn(p.where() + ": PartitionName=" + p.name() + " AllowAccounts: " + a + " is not an account of the dump");
                    }
                }
            }
            if (!conf.clusterName().isEmpty() && !conf.clusterName().equalsIgnoreCase(d.cluster())) {
                report.warn("the sacctmgr dump is of cluster " + d.cluster() + ", the slurm.conf of " + conf.clusterName());
            }
        });
    }

    private void checkQosNames(AssociationLimits l, String where, String owner, Set<String> names) {
        for (String q : l.qos()) if (!names.contains(q)) report.warn(where + ": " + owner + " QOS: " + q + " is not a QOS read");
        if (!l.defaultQos().isEmpty() && !names.contains(l.defaultQos())) {
            report.warn(where + ": " + owner + " DefaultQOS=" + l.defaultQos() + " is not a QOS read");
        }
    }

    private void checkGres(GresConf g) {
        for (NodeDefinition n : conf.nodes()) {
            for (GresSpec spec : n.gres()) {
                List<GresConf.Line> lines = g.linesFor(n.name(), spec.name()).stream()
                        .filter(l -> !spec.typed() || l.type().equalsIgnoreCase(spec.type())).toList();
                if (lines.isEmpty()) continue; // gres.conf may leave counts to slurm.conf
                long count = lines.stream().mapToLong(GresConf.Line::count).sum();
                if (count != spec.count()) {
                    report.warn(n.where() + ": NodeName " + n.name() + " Gres " + spec + " but gres.conf (" + lines.get(0).where() + ") gives "
                            + count + "; slurm.conf's count is used (Slurm would drain the node)");
                }
            }
        }
    }
}
