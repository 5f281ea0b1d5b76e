package org.preemptlab.slurmconf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A running cluster's {@link SlurmSite}, from what its commands print: {@code scontrol show config}
 * (the settings slurmctld runs with), {@code scontrol show partition}, {@code scontrol show node}
 * and, when accounting answers, {@code sacctmgr dump CLUSTER} and {@code sacctmgr -P show qos}.
 * The three scontrol texts are written back as the slurm.conf they stand for (shown as
 * {@value #SHOWN_AS}; one setting a line: the global settings, then one {@code NodeName} line a
 * node, then one {@code PartitionName} line a partition) and read by {@link SlurmConfParser}, so a
 * live import and a file import share one reading and one report: every setting not modelled is
 * listed with its value.
 *
 * <p>What is left out, and why: {@code scontrol show config} prints every setting, Slurm's
 * defaults included, and the empty ones ({@code (null)}); the empty ones are left out, the others
 * go through (the unmodelled ones to the report). Node and partition fields that are state or
 * counts, not settings ({@code CPUAlloc}, {@code AllocMem}, {@code TotalCPUs}, {@code TRES}, load,
 * boot time, …), are not settings of slurm.conf and are left out; partition settings printed at
 * Slurm's default value ({@code Hidden=NO}, {@code AllowGroups=ALL}, …) are left out as a
 * slurm.conf would leave them out. A node's live state ({@code IDLE}, {@code MIXED},
 * {@code ALLOCATED}) is not a setting; {@code DOWN}, {@code DRAIN} and {@code FUTURE} are kept
 * (the mapping warns that they are modelled as up).
 */
public final class LiveSite {

    /** The name the generated slurm.conf has in the report. */
    public static final String SHOWN_AS = "scontrol-show";

    /**
     * What the cluster printed; {@code dump} and {@code qos} are null when accounting did not answer.
     */
    public record Texts(String showConfig, String showPartition, String showNode, String dump, String qos) {}

    /** Node fields of {@code scontrol show node} that are settings, by slurm.conf key. */
    private static final Map<String, String> NODE_FIELDS = new java.util.LinkedHashMap<>();

    static {
        NODE_FIELDS.put("CPUTot", "CPUs");
        NODE_FIELDS.put("Boards", "Boards");
        NODE_FIELDS.put("Sockets", "Sockets");
        NODE_FIELDS.put("CoresPerSocket", "CoresPerSocket");
        NODE_FIELDS.put("ThreadsPerCore", "ThreadsPerCore");
        NODE_FIELDS.put("RealMemory", "RealMemory");
        NODE_FIELDS.put("Gres", "Gres");
        NODE_FIELDS.put("AvailableFeatures", "Features");
        NODE_FIELDS.put("Weight", "Weight");
    }

    /** Partition fields that are counts or state, not settings. */
    private static final Set<String> PARTITION_NOT_SETTINGS = Set.of("TotalCPUs", "TotalNodes", "TRES");

    /** Partition settings at the value Slurm prints for its default: what a slurm.conf leaves out. */
    private static final Map<String, String> PARTITION_DEFAULTS = Map.ofEntries(Map.entry("AllowGroups", "ALL"),
            Map.entry("AllowAccounts", "ALL"), Map.entry("AllowQos", "ALL"), Map.entry("AllocNodes", "ALL"), Map.entry("Default", "NO"),
            Map.entry("DisableRootJobs", "NO"), Map.entry("ExclusiveUser", "NO"), Map.entry("GraceTime", "0"),
            Map.entry("Hidden", "NO"), Map.entry("MaxNodes", "UNLIMITED"), Map.entry("MaxTime", "UNLIMITED"), Map.entry("MinNodes", "0"),
            Map.entry("LLN", "NO"), Map.entry("MaxCPUsPerNode", "UNLIMITED"), Map.entry("PriorityJobFactor", "1"),
            Map.entry("PriorityTier", "1"), Map.entry("RootOnly", "NO"), Map.entry("ReqResv", "NO"), Map.entry("OverSubscribe", "NO"),
            Map.entry("OverTimeLimit", "NONE"), Map.entry("State", "UP"), Map.entry("SelectTypeParameters", "NONE"),
            Map.entry("DefMemPerNode", "UNLIMITED"), Map.entry("MaxMemPerNode", "UNLIMITED"), Map.entry("DefaultTime", "NONE"),
            Map.entry("PowerDownOnIdle", "NO"), Map.entry("CpuBind", "NONE"), Map.entry("DenyAccounts", ""), Map.entry("DenyQos", ""));

    private LiveSite() {}

    /**
     * The site as the cluster shows it.
     *
     * @throws SlurmConfException if what the cluster printed cannot be read as the slurm.conf it stands for
     */
    public static SlurmSite read(Texts texts) {
        ImportReport report = new ImportReport();
        String conf = slurmConf(texts);
        SlurmConf parsed = SlurmConfParser.parse(conf, SHOWN_AS, Path.of("."), report);
        Optional<SacctmgrDump> dump = Optional.ofNullable(texts.dump()).filter(t -> !t.isBlank())
                .map(t -> SacctmgrDumpParser.parse(t, "sacctmgr-dump", report));
        Optional<QosFileTable> qos = Optional.ofNullable(texts.qos()).filter(t -> !t.isBlank())
                .map(t -> QosTableParser.parse(t, "sacctmgr-show-qos", report));
        return SlurmSite.of(parsed, Optional.empty(), dump, qos, report);
    }

    /** The slurm.conf the three scontrol texts stand for. */
    public static String slurmConf(Texts texts) {
        StringBuilder sb = new StringBuilder();
        sb.append("# the slurm.conf of a running cluster, from scontrol show config / node / partition\n");
        for (Map.Entry<String, String> e : ScontrolText.config(texts.showConfig()).entrySet()) {
            String v = configValue(e.getValue());
            if (v == null) continue;
            sb.append(e.getKey()).append('=').append(quoted(v)).append('\n');
        }
        for (ScontrolText.Record n : ScontrolText.parse(texts.showNode())) {
            String name = n.value("NodeName");
            if (name == null) continue;
            sb.append("NodeName=").append(name);
            for (Map.Entry<String, String> f : NODE_FIELDS.entrySet()) {
                String v = n.value(f.getKey());
                if (v == null) continue;
                if (f.getKey().equals("Gres")) v = v.replaceAll("\\([^)]*\\)", ""); // gpu:t4:2(S:0-1) → gpu:t4:2
                sb.append(' ').append(f.getValue()).append('=').append(quoted(v));
            }
            String state = nodeState(n.get("State"));
            if (state != null) sb.append(" State=").append(state);
            sb.append('\n');
        }
        for (ScontrolText.Record p : ScontrolText.parse(texts.showPartition())) {
            String name = p.value("PartitionName");
            if (name == null) continue;
            sb.append("PartitionName=").append(name);
            for (Map.Entry<String, String> f : p.values().entrySet()) {
                String k = f.getKey(), v = f.getValue().strip();
                if (k.equals("PartitionName") || PARTITION_NOT_SETTINGS.contains(k)) continue;
                if (v.equalsIgnoreCase(PARTITION_DEFAULTS.getOrDefault(k, "\u0000"))) continue;
                if (k.equals("QoS") && ScontrolText.isNothing(v)) continue;
                if (k.equals("JobDefaults") && ScontrolText.isNothing(v)) continue;
                if (k.equals("Nodes") && ScontrolText.isNothing(v)) continue;
                if (!k.matches("[A-Za-z0-9_.]+")) continue;
                if (k.equals("QoS")) k = "QOS";
                if (k.equals("MaxTime") || k.equals("DefaultTime")) v = v.toUpperCase(Locale.ROOT).equals("UNLIMITED") ? "UNLIMITED" : v;
                sb.append(' ').append(k).append('=').append(quoted(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A config value as slurm.conf writes it, or null when unset ({@code (null)}, empty). */
    static String configValue(String v) {
        String t = v.strip();
        if (t.isEmpty() || t.equals("(null)") || t.startsWith("(null ")) return null;
        // durations printed with a unit: "30 sec" → 30, "60 nodes/min" stays (not a slurm.conf value we read)
        if (t.matches("\\d+ sec")) return t.substring(0, t.indexOf(' '));
        return t;
    }

    private static String nodeState(String live) {
        String s = live.toUpperCase(Locale.ROOT);
        if (s.contains("DRAIN")) return "DRAIN";
        if (s.startsWith("DOWN")) return "DOWN";
        if (s.startsWith("FUTURE")) return "FUTURE";
        return null;
    }

    private static String quoted(String v) {
        return v.chars().anyMatch(Character::isWhitespace) ? "\"" + v.replace("\"", "'") + "\"" : v;
    }

    /** The lines of the generated slurm.conf whose settings came from scontrol (for tests and the report). */
    static List<String> lines(Texts texts) {
        return new ArrayList<>(List.of(slurmConf(texts).split("\n")));
    }
}
