package org.preemptlab.reservation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.slurmconf.HostList;
import org.preemptlab.time.Durations;

/**
 * Reads the output of {@code scontrol show reservation} (one record per reservation, starting at
 * {@code ReservationName=}, its {@code Key=Value} fields over one or more lines, as in
 * {@code ReservationName=dbremer StartTime=2009-02-27T17:00:00 EndTime=2009-02-27T18:00:00
 * Duration=01:00:00 Nodes=sun[000-003] NodeCnt=4 ... Flags=MAINT,SPEC_NODES Users=alan,brenda
 * Accounts=(null)}) and turns it into {@link ReservationSpec}s for a scenario's cluster. Every
 * problem names {@code file:line}. What is not modelled is dropped with a warning, never silently.
 */
public final class ScontrolReservations {

    /** One reservation as scontrol shows it. */
    public record Entry(String name, LocalDateTime start, LocalDateTime end, Long duration, List<String> nodes,
            Integer nodeCount, Integer coreCount, String partition, List<String> flags, List<String> users,
            List<String> accounts, int line) {}

    /** The reservations for a scenario and what was changed or dropped on the way. */
    public record Result(List<ReservationSpec> reservations, List<String> warnings) {}

    /** A problem of the text, with its {@code file:line}. */
    public static final class ParseException extends Exception {
        public ParseException(String message) {
            super(message);
        }
    }

    /** Flags Slurm prints that say nothing more than the fields do. */
    private static final Set<String> INFORMATIONAL = Set.of("SPEC_NODES", "ALL_NODES", "PART_NODES");

    private ScontrolReservations() {}

    /** Parses the text; {@code file} names it in messages. */
    public static List<Entry> parse(String text, String file) throws ParseException {
        List<Entry> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> fields = null;
        Map<String, Integer> fieldLines = null;
        int recordLine = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("No reservations in the system")) continue;
            for (String token : tokens(line)) {
                int eq = token.indexOf('=');
                if (eq <= 0) {
                    problems.add(file + ":" + (i + 1) + ": " + token + ": not Key=Value (as scontrol show reservation writes)");
                    continue;
                }
                String key = token.substring(0, eq);
                String value = token.substring(eq + 1);
                if (key.equals("ReservationName")) {
                    if (fields != null) entry(fields, fieldLines, recordLine, file, out, problems);
                    fields = new LinkedHashMap<>();
                    fieldLines = new LinkedHashMap<>();
                    recordLine = i + 1;
                } else if (fields == null) {
                    problems.add(file + ":" + (i + 1) + ": " + token + ": before the first ReservationName=");
                    continue;
                }
                fields.put(key, value);
                fieldLines.put(key, i + 1);
            }
        }
        if (fields != null) entry(fields, fieldLines, recordLine, file, out, problems);
        if (out.isEmpty() && problems.isEmpty()) problems.add(file + ": no reservation (no ReservationName=)");
        if (!problems.isEmpty()) throw new ParseException(String.join("\n", problems));
        return out;
    }

    /** Splits on blanks outside parentheses ({@code Comment=(two words)} stays one token). */
    private static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char c : line.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')') depth = Math.max(0, depth - 1);
            if (Character.isWhitespace(c) && depth == 0) {
                if (!cur.isEmpty()) out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.isEmpty()) out.add(cur.toString());
        return out;
    }

    private static void entry(Map<String, String> f, Map<String, Integer> lines, int recordLine, String file,
            List<Entry> out, List<String> problems) {
        int before = problems.size();
        String name = f.get("ReservationName");
        if (name == null || name.isBlank() || isNull(name)) {
            problems.add(file + ":" + recordLine + ": ReservationName=" + name + ": empty");
        }
        LocalDateTime start = time(f, lines, "StartTime", file, problems);
        LocalDateTime end = time(f, lines, "EndTime", file, problems);
        Long duration = null;
        String d = f.get("Duration");
        if (d != null && !isNull(d) && !d.equalsIgnoreCase("UNLIMITED")) {
            try {
                // Slurm: a bare number is minutes; else [days-]hh:mm:ss
                duration = d.chars().allMatch(Character::isDigit) ? Long.parseLong(d) * 60 : Durations.parse(d);
            } catch (RuntimeException e) {
                problems.add(file + ":" + lines.get("Duration") + ": Duration=" + d + ": not a duration (minutes, or"
                        + " [days-]hh:mm:ss)");
            }
        }
        if (start == null && !f.containsKey("StartTime")) {
            problems.add(file + ":" + recordLine + ": reservation " + name + ": no StartTime=");
        }
        if (end == null && duration == null && problems.size() == before) {
            problems.add(file + ":" + recordLine + ": reservation " + name + ": neither EndTime= nor Duration=");
        }
        List<String> nodes = List.of();
        String n = f.get("Nodes");
        if (n != null && !isNull(n) && !n.isEmpty()) {
            if (n.equals("ALL")) {
                nodes = List.of("ALL");
            } else {
                try {
                    nodes = HostList.expand(n);
                } catch (IllegalArgumentException e) {
                    problems.add(file + ":" + lines.get("Nodes") + ": Nodes=" + n + ": " + e.getMessage());
                }
            }
        }
        Integer nodeCount = count(f, lines, "NodeCnt", file, problems);
        Integer coreCount = count(f, lines, "CoreCnt", file, problems);
        if (problems.size() > before) return;
        out.add(new Entry(name, start, end, duration, nodes, nodeCount, coreCount, value(f.get("PartitionName")),
                list(f.get("Flags")), list(f.get("Users")), list(f.get("Accounts")), recordLine));
    }

    private static LocalDateTime time(Map<String, String> f, Map<String, Integer> lines, String key, String file,
            List<String> problems) {
        String v = f.get(key);
        if (v == null || isNull(v) || v.equalsIgnoreCase("Unknown")) return null;
        try {
            return LocalDateTime.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(file + ":" + lines.get(key) + ": " + key + "=" + v + ": not a time (YYYY-MM-DDTHH:MM:SS)");
            return null;
        }
    }

    private static Integer count(Map<String, String> f, Map<String, Integer> lines, String key, String file,
            List<String> problems) {
        String v = f.get(key);
        if (v == null || isNull(v)) return null;
        try {
            int c = Integer.parseInt(v);
            if (c < 0) throw new NumberFormatException();
            return c;
        } catch (NumberFormatException e) {
            problems.add(file + ":" + lines.get(key) + ": " + key + "=" + v + ": not a count (a whole number ≥ 0)");
            return null;
        }
    }

    private static boolean isNull(String v) {
        return v.equals("(null)") || v.equalsIgnoreCase("none");
    }

    private static String value(String v) {
        return v == null || isNull(v) ? "" : v;
    }

    private static List<String> list(String v) {
        if (v == null || isNull(v) || v.isEmpty()) return List.of();
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) if (!s.isBlank()) out.add(s.strip());
        return out;
    }

    /**
     * The reservations on the scenario's cluster, time 0 at {@code t0} (Slurm prints local times;
     * so is {@code t0}). Nodes the cluster has by name are reserved by name; otherwise the
     * reservation asks for as many nodes (NodeCnt) of the pool named like its partition.
     */
    public static Result toSpecs(List<Entry> entries, NodeCluster cluster, LocalDateTime t0) {
        List<ReservationSpec> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cluster.nodeCount(); i++) names.add(cluster.nodeName(i));
        List<String> pools = cluster.pools().stream().map(p -> p.name()).toList();
        for (Entry e : entries) {
            String at = "line " + e.line() + ": reservation " + e.name() + ": ";
            LocalDateTime end = e.end() != null ? e.end() : e.start().plusSeconds(e.duration());
            long start = Duration.between(t0, e.start()).getSeconds();
            long duration = Duration.between(e.start(), end).getSeconds();
            if (duration < 1) {
                warnings.add(at + "ends when it starts; dropped");
                continue;
            }
            if (start < 0) {
                if (start + duration <= 0) {
                    warnings.add(at + "over before time 0 (" + t0 + "); dropped");
                    continue;
                }
                warnings.add(at + "began before time 0; kept from time 0 for the " + Durations.format(start + duration)
                        + " left");
                duration += start;
                start = 0;
            }
            Set<ReservationFlag> flags = EnumSet.noneOf(ReservationFlag.class);
            Recurrence recurrence = Recurrence.ONCE;
            for (String fl : e.flags()) {
                ReservationFlag f = ReservationFlag.parse(fl);
                Recurrence r = Recurrence.ofFlag(fl);
                if (f != null) flags.add(f);
                else if (r != null) recurrence = r;
                else if (!INFORMATIONAL.contains(fl)) warnings.add(at + "flag " + fl + " is not modelled; dropped");
            }
            if (recurrence != Recurrence.ONCE && duration > recurrence.period()) {
                warnings.add(at + "longer than its " + recurrence.name() + " period; not repeated");
                recurrence = Recurrence.ONCE;
            }
            if (e.coreCount() != null && e.coreCount() > 0) {
                warnings.add(at + "CoreCnt=" + e.coreCount() + ": core reservations are not modelled; its whole nodes are"
                        + " reserved");
            }
            // Users= and Accounts= are kept as Slurm prints them, denied names ("-alan") included: ReservationSpec.refuses
            List<String> users = e.users();
            List<String> accounts = e.accounts();
            if (!users.isEmpty()) {
                warnings.add(at + "Users=" + String.join(",", users) + " applies to jobs that carry a user (version-2"
                        + " scenarios); version-1 jobs carry only an account (group) and are judged by Accounts= alone");
            }
            int[] nodes;
            int nodeCount = 0;
            String pool = "";
            if (e.nodes().equals(List.of("ALL"))) {
                nodes = new int[cluster.nodeCount()];
                for (int i = 0; i < nodes.length; i++) nodes[i] = i;
            } else if (!e.nodes().isEmpty() && names.containsAll(e.nodes())) {
                nodes = e.nodes().stream().mapToInt(names::indexOf).sorted().distinct().toArray();
            } else {
                nodeCount = e.nodeCount() != null && e.nodeCount() > 0 ? e.nodeCount() : e.nodes().size();
                if (nodeCount == 0) {
                    warnings.add(at + "reserves no nodes (licenses or burst buffers only are not modelled); dropped");
                    continue;
                }
                if (pools.contains(e.partition())) pool = e.partition();
                if (!e.nodes().isEmpty()) {
                    warnings.add(at + "nodes " + String.join(",", e.nodes().subList(0, Math.min(4, e.nodes().size())))
                            + (e.nodes().size() > 4 ? ",…" : "") + " are not nodes of this scenario; reserved as"
                            + " NodeCnt=" + nodeCount + (pool.isEmpty() ? "" : " of pool " + pool));
                }
                nodes = new int[0];
            }
            out.add(new ReservationSpec(e.name(), nodes, nodeCount, pool, users, accounts, start, duration,
                    recurrence, flags, ReservationSpec.DEFAULT_PURGE_AFTER, Set.of()));
        }
        if (!out.isEmpty()) {
            warnings.add("no job names these reservations yet: add \"reservation\": \"<name>\" to the jobs that use them"
                    + " (sbatch --reservation)");
        }
        return new Result(out, warnings);
    }
}
