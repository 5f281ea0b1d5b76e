package org.preemptlab.backend.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the NodeName and PartitionName lines of a {@code slurm.conf} into pools
 * ({@link SlurmCluster}). Handles host ranges ({@code n[1-4]}), {@code NodeName=DEFAULT} and
 * {@code PartitionName=DEFAULT} lines, CPUs (or Boards × Sockets × CoresPerSocket ×
 * ThreadsPerCore), RealMemory, {@code Nodes=ALL}, {@code Default=YES}, PriorityTier, comments and
 * backslash continuations. Keys are case-insensitive, as in Slurm. Other lines are ignored.
 */
public final class SlurmConf {

    private SlurmConf() {}

    public static SlurmCluster read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the slurm.conf " + file + ": " + e.getMessage(), e);
        }
    }

    public static SlurmCluster parse(String text) {
        Map<String, SlurmCluster.NodeDef> nodes = new LinkedHashMap<>();
        List<SlurmCluster.PartitionDef> partitions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> nodeDefaults = new LinkedHashMap<>();
        Map<String, String> partitionDefaults = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : logicalLines(text)) {
            lineNo++;
            Map<String, String> kv = keyValues(line);
            if (kv.containsKey("nodename")) {
                String name = kv.get("nodename");
                Map<String, String> all = overDefaults(kv, "nodename", nodeDefaults);
                if (all == null) continue;
                int cpus = cpus(all);
                long mem = parseLong(all.getOrDefault("realmemory", "1"), "RealMemory", name);
                for (String n : HostList.expand(name)) nodes.put(n, new SlurmCluster.NodeDef(n, cpus, mem));
            } else if (kv.containsKey("partitionname")) {
                String name = kv.get("partitionname");
                Map<String, String> all = overDefaults(kv, "partitionname", partitionDefaults);
                if (all == null) continue;
                String nodeExpr = all.getOrDefault("nodes", "");
                List<String> members = nodeExpr.equalsIgnoreCase("ALL") ? new ArrayList<>(nodes.keySet()) : HostList.expand(nodeExpr);
                if (members.isEmpty()) warnings.add("partition " + name + " has no Nodes=");
                boolean isDefault = all.getOrDefault("default", "NO").equalsIgnoreCase("YES");
                int tier = (int) parseLong(all.getOrDefault("prioritytier", all.getOrDefault("priority", "1")), "PriorityTier", name);
                partitions.add(new SlurmCluster.PartitionDef(name, members, isDefault, tier));
            }
        }
        if (nodes.isEmpty()) throw new IllegalArgumentException("The slurm.conf has no NodeName line.\nMaybe it includes them from another file (Include=…): import that file too.");
        if (partitions.isEmpty()) {
            warnings.add("no PartitionName line: every node in one pool named \"default\"");
            partitions.add(new SlurmCluster.PartitionDef("default", new ArrayList<>(nodes.keySet()), true, 1));
        }
        return SlurmCluster.build(nodes, partitions, warnings);
    }

    /** Lines with comments removed and backslash continuations joined. */
    static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.split("\\R")) {
            int hash = raw.indexOf('#');
            String line = hash >= 0 ? raw.substring(0, hash) : raw;
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            String full = current.toString().trim();
            current.setLength(0);
            if (!full.isEmpty()) lines.add(full);
        }
        if (!current.toString().isBlank()) lines.add(current.toString().trim());
        return lines;
    }

    /** {@code Key=Value} words (keys lower-cased; quoted values may hold spaces). */
    static Map<String, String> keyValues(String line) {
        Map<String, String> kv = new LinkedHashMap<>();
        int i = 0, n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) i++;
            int start = i;
            while (i < n && line.charAt(i) != '=' && !Character.isWhitespace(line.charAt(i))) i++;
            String key = line.substring(start, i).toLowerCase(Locale.ROOT);
            if (i >= n || line.charAt(i) != '=') {
                continue;
            }
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (i < n && line.charAt(i) != '"') value.append(line.charAt(i++));
                i++;
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) value.append(line.charAt(i++));
            }
            if (!key.isEmpty()) kv.put(key, value.toString());
        }
        return kv;
    }

    /**
     * A {@code <nameKey>=DEFAULT} line adds its values to {@code defaults} (null back); any other line
     * comes back over the defaults so far.
     */
    private static Map<String, String> overDefaults(Map<String, String> kv, String nameKey, Map<String, String> defaults) {
        if (kv.get(nameKey).equalsIgnoreCase("DEFAULT")) {
            defaults.putAll(kv);
            defaults.remove(nameKey);
            return null;
        }
        Map<String, String> all = new LinkedHashMap<>(defaults);
        all.putAll(kv);
        return all;
    }

    private static int cpus(Map<String, String> all) {
        String name = all.getOrDefault("nodename", "?");
        if (all.containsKey("cpus")) return (int) parseLong(all.get("cpus"), "CPUs", name);
        if (all.containsKey("procs")) return (int) parseLong(all.get("procs"), "Procs", name);
        long boards = parseLong(all.getOrDefault("boards", "1"), "Boards", name);
        long sockets = parseLong(all.getOrDefault("sockets", all.getOrDefault("socketsperboard", "1")), "Sockets", name);
        long cores = parseLong(all.getOrDefault("corespersocket", "1"), "CoresPerSocket", name);
        long threads = parseLong(all.getOrDefault("threadspercore", "1"), "ThreadsPerCore", name);
        return (int) (boards * sockets * cores * threads);
    }

    private static long parseLong(String value, String field, String owner) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The " + field + " (" + value + ") of " + owner + " in slurm.conf is not a whole number.", e);
        }
    }
}
