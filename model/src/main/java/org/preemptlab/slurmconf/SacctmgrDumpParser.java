package org.preemptlab.slurmconf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a {@code sacctmgr dump CLUSTER} file as {@code sacctmgr load} does
 * ({@code src/sacctmgr/file_functions.c}): lines {@code Title - 'name':Key=Value:Key='a value':…}
 * with the titles {@code QOS} (before the cluster), {@code Cluster}, {@code Parent},
 * {@code Account} and {@code User}; an {@code Account} or {@code User} line belongs to the account
 * of the last {@code Parent} line ({@code root} before any). Options are separated by {@code :}
 * except inside quotes and in typed TRES ({@code gres/gpu:a100=4}); {@code #} comments and
 * backslash continuations as in slurm.conf. Times of limits are minutes when bare
 * ({@code MaxWallDurationPerJob=40}); the QOS {@code GraceTime} and {@code PreemptExemptTime} are
 * seconds, as dump writes them.
 */
public final class SacctmgrDumpParser {

    /** {@code Fairshare=parent} as dump writes it ({@code SLURMDB_FS_USE_PARENT}). */
    static final long FAIRSHARE_PARENT = 0x7FFFFFFFL;

    private static final Map<String, String> ASSOC_KEYS = new HashMap<>();

    static {
        for (String k : List.of("fairshare", "defaultqos", "qos", "grptres", "grpjobs", "grpsubmitjobs", "grpwall", "maxtresperjob",
                "maxtrespernode", "maxjobs", "maxsubmitjobs", "maxwalldurationperjob", "priority")) {
            ASSOC_KEYS.put(k, k);
        }
        ASSOC_KEYS.put("defqos", "defaultqos");
        ASSOC_KEYS.put("share", "fairshare");
        ASSOC_KEYS.put("grpsubmit", "grpsubmitjobs");
        ASSOC_KEYS.put("maxtres", "maxtresperjob");
        ASSOC_KEYS.put("maxsubmit", "maxsubmitjobs");
        ASSOC_KEYS.put("maxwall", "maxwalldurationperjob");
        // Before TRES (Slurm 15.08): node and CPU counts.
        ASSOC_KEYS.put("grpnodes", "grpnodes");
        ASSOC_KEYS.put("grpcpus", "grpcpus");
        ASSOC_KEYS.put("maxnodesperjob", "maxnodesperjob");
        ASSOC_KEYS.put("maxnodes", "maxnodesperjob");
        ASSOC_KEYS.put("maxcpusperjob", "maxcpusperjob");
        ASSOC_KEYS.put("maxcpus", "maxcpusperjob");
    }

    private final ImportReport report;
    private final List<String> problems = new ArrayList<>();
    private final List<QosDefinition> qos = new ArrayList<>();
    private final Set<String> qosNames = new HashSet<>();
    private final Map<String, SacctmgrDump.Account> accounts = new LinkedHashMap<>();
    private final List<SacctmgrDump.UserAssociation> users = new ArrayList<>();
    private final Set<String> userKeys = new HashSet<>();
    private final Map<String, String> defaultAccounts = new HashMap<>();
    private String cluster;
    private AssociationLimits root = AssociationLimits.NONE;
    private String parent = SacctmgrDump.ROOT;

    private SacctmgrDumpParser(ImportReport report) {
        this.report = report;
    }

    public static SacctmgrDump read(Path file, ImportReport report) {
        String shown = file.getFileName().toString();
        return parse(ConfText.read(file, shown), shown, report);
    }

    /** @throws SlurmConfException listing every problem with {@code file:line} */
    public static SacctmgrDump parse(String text, String shownAs, ImportReport report) {
        SacctmgrDumpParser p = new SacctmgrDumpParser(report);
        for (SourceLine line : ConfText.logicalLines(text, shownAs)) {
            try {
                p.line(line);
            } catch (SlurmConfException e) {
                p.problems.addAll(e.problems());
            }
        }
        if (p.cluster == null && p.problems.isEmpty()) p.problems.add(shownAs + ": no Cluster line; not a sacctmgr dump file");
        if (!p.problems.isEmpty()) throw new SlurmConfException(p.problems);
        return new SacctmgrDump(p.cluster, p.root, new ArrayList<>(p.accounts.values()), p.users, p.qos);
    }

    /** An option of a line: key ({@code null} for the name), operator ({@code ""}, {@code +}, {@code -}) and value without quotes. */
    private record Option(String key, String operator, String value) {}

    private void line(SourceLine line) {
        String text = line.text();
        int dash = text.indexOf(" - ");
        if (dash < 0) throw new SlurmConfException(line.where() + ": not a dump line (Title - 'name':Key=Value:…)");
        String title = text.substring(0, dash).strip();
        List<Option> options = options(text.substring(dash + 3).strip(), line);
        if (options.isEmpty() || options.get(0).key() != null || options.get(0).value().isEmpty()) {
            throw new SlurmConfException(line.where() + ": " + title + " - …: no name after the dash");
        }
        String name = options.get(0).value();
        List<Option> rest = options.subList(1, options.size());
        switch (title.toLowerCase(Locale.ROOT)) {
            case "qos" -> qosLine(name.toLowerCase(Locale.ROOT), rest, line);
            case "cluster" -> clusterLine(name, rest, line);
            case "parent" -> parentLine(name.toLowerCase(Locale.ROOT), rest, line);
            case "account" -> accountLine(name.toLowerCase(Locale.ROOT), rest, line);
            case "user" -> userLine(name, rest, line);
            default -> throw new SlurmConfException(line.where() + ": " + title + ": not a dump title (QOS, Cluster, Parent, Account, User)");
        }
    }

    private void needCluster(String title, SourceLine line) {
        if (cluster == null) throw new SlurmConfException(line.where() + ": " + title + " before the Cluster line");
    }

    private void qosLine(String name, List<Option> options, SourceLine line) {
        if (cluster != null) throw new SlurmConfException(line.where() + ": QOS - '" + name + "': QOS lines must come before the Cluster line");
        if (!qosNames.add(name)) throw new SlurmConfException(line.where() + ": QOS - '" + name + "' is listed twice");
        QosFields f = new QosFields(name, line, report, problems);
        for (Option o : options) {
            if (o.key() == null) {
                problems.add(line.where() + ": QOS " + name + ": " + o.value() + " is not Key=Value");
                continue;
            }
            f.put(o.key(), o.value());
        }
        QosDefinition q = f.build();
        if (q != null) qos.add(q);
    }

    private void clusterLine(String name, List<Option> options, SourceLine line) {
        if (cluster != null) throw new SlurmConfException(line.where() + ": a second Cluster line (" + name + "); a dump holds one cluster");
        cluster = name;
        Map<String, Option> own = byKey(options, line, "Cluster " + name);
        root = limits(own, "Cluster " + name, line);
    }

    private void parentLine(String name, List<Option> options, SourceLine line) {
        needCluster("Parent - '" + name + "'", line);
        if (!name.equals(SacctmgrDump.ROOT) && !accounts.containsKey(name)) {
            throw new SlurmConfException(line.where() + ": Parent - '" + name + "': no Account line for " + name + " before it");
        }
        for (Option o : options) report.ignore(line, "Parent " + name + " " + (o.key() == null ? o.value() : o.key()), o.key() == null ? null : o.value());
        parent = name;
    }

    private void accountLine(String name, List<Option> options, SourceLine line) {
        needCluster("Account - '" + name + "'", line);
        if (name.equals(SacctmgrDump.ROOT) || accounts.containsKey(name)) {
            throw new SlurmConfException(line.where() + ": Account - '" + name + "' is defined twice");
        }
        String owner = "Account " + name;
        Map<String, Option> own = byKey(options, line, owner);
        String description = value(own.remove("description"));
        String organization = value(own.remove("organization"));
        AssociationLimits limits = limits(own, owner, line);
        accounts.put(name, new SacctmgrDump.Account(name, parent, description, organization, limits, line.where()));
    }

    private void userLine(String name, List<Option> options, SourceLine line) {
        needCluster("User - '" + name + "'", line);
        String owner = "User " + name + " (account " + parent + ")";
        Map<String, Option> own = byKey(options, line, owner);
        String partition = value(own.remove("partition"));
        String key = name + "\u0000" + parent + "\u0000" + partition;
        if (!userKeys.add(key)) {
            throw new SlurmConfException(line.where() + ": User - '" + name + "' is listed twice in account " + parent
                    + (partition.isEmpty() ? "" : " partition " + partition));
        }
        String defaultAccount = value(own.remove("defaultaccount")).toLowerCase(Locale.ROOT);
        String admin = value(own.remove("adminlevel"));
        if (!defaultAccount.isEmpty()) {
            String before = defaultAccounts.putIfAbsent(name, defaultAccount);
            if (before != null && !before.equals(defaultAccount)) {
                report.warn(line, owner + ": DefaultAccount=" + defaultAccount + " differs from the user's first line (" + before
                        + "); the first is kept, as sacctmgr load does");
                defaultAccount = before;
            }
        } else {
            defaultAccount = defaultAccounts.getOrDefault(name, "");
        }
        AssociationLimits limits = limits(own, owner, line);
        users.add(new SacctmgrDump.UserAssociation(name, parent, partition, defaultAccount, admin, limits, line.where()));
    }

    private Map<String, Option> byKey(List<Option> options, SourceLine line, String owner) {
        Map<String, Option> out = new LinkedHashMap<>();
        for (Option o : options) {
            if (o.key() == null) {
                problems.add(line.where() + ": " + owner + ": " + o.value() + " is not Key=Value");
                continue;
            }
            if (!o.operator().isEmpty()) {
                report.warn(line, owner + ": " + o.key() + o.operator() + "=" + o.value() + ": the operator " + o.operator() + "= is read as =");
            }
            out.put(o.key().toLowerCase(Locale.ROOT), o);
        }
        return out;
    }

    private static String value(Option o) {
        return o == null ? "" : o.value();
    }

    private AssociationLimits limits(Map<String, Option> own, String owner, SourceLine line) {
        Map<String, Option> known = new LinkedHashMap<>();
        for (Map.Entry<String, Option> e : own.entrySet()) {
            String field = ASSOC_KEYS.get(e.getKey());
            if (field == null) {
                report.ignore(line, owner + " " + e.getValue().key(), e.getValue().value());
            } else if (!e.getValue().value().isEmpty()) {
                known.put(field, e.getValue());
            }
        }
        int before = problems.size();
        OptionalLong fairshare = OptionalLong.empty();
        boolean parentShares = false;
        Option fs = known.get("fairshare");
        if (fs != null) {
            if (fs.value().equalsIgnoreCase("parent")) {
                parentShares = true;
            } else {
                long n = whole(fs, owner, line);
                if (n == FAIRSHARE_PARENT) parentShares = true;
                else fairshare = OptionalLong.of(n);
            }
        }
        String defaultQos = value(known.get("defaultqos")).toLowerCase(Locale.ROOT);
        List<String> qosList = known.containsKey("qos") ? SlurmConfParser.list(known.get("qos").value(), true) : List.of();
        Map<String, Long> grpTres = new LinkedHashMap<>(tres(known.get("grptres"), owner, line));
        Map<String, Long> maxTres = new LinkedHashMap<>(tres(known.get("maxtresperjob"), owner, line));
        legacy(known, "grpnodes", grpTres, "node", owner, line);
        legacy(known, "grpcpus", grpTres, "cpu", owner, line);
        legacy(known, "maxnodesperjob", maxTres, "node", owner, line);
        legacy(known, "maxcpusperjob", maxTres, "cpu", owner, line);
        AssociationLimits limits = new AssociationLimits(fairshare, parentShares, defaultQos, qosList, grpTres,
                optionalWhole(known.get("grpjobs"), owner, line), optionalWhole(known.get("grpsubmitjobs"), owner, line),
                time(known.get("grpwall"), owner, line), maxTres, tres(known.get("maxtrespernode"), owner, line),
                optionalWhole(known.get("maxjobs"), owner, line), optionalWhole(known.get("maxsubmitjobs"), owner, line),
                time(known.get("maxwalldurationperjob"), owner, line), optionalWhole(known.get("priority"), owner, line));
        return problems.size() == before ? limits : AssociationLimits.NONE;
    }

    private void legacy(Map<String, Option> known, String key, Map<String, Long> into, String tres, String owner, SourceLine line) {
        Option o = known.get(key);
        if (o == null) return;
        long n = whole(o, owner, line);
        into.putIfAbsent(tres, n);
        report.warn(line, owner + ": " + o.key() + "=" + o.value() + " is Slurm's old form; read as " + tres + "=" + n + " in TRES");
    }

    private long whole(Option o, String owner, SourceLine line) {
        try {
            long n = Long.parseLong(o.value().strip());
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            problems.add(line.where() + ": " + owner + " " + o.key() + "=" + o.value() + ": not a whole number");
            return 0;
        }
    }

    private OptionalLong optionalWhole(Option o, String owner, SourceLine line) {
        if (o == null || o.value().equals("-1")) return OptionalLong.empty();
        return OptionalLong.of(whole(o, owner, line));
    }

    private OptionalLong time(Option o, String owner, SourceLine line) {
        if (o == null) return OptionalLong.empty();
        try {
            long s = SlurmTime.parseSeconds(o.value());
            return s == SlurmTime.UNLIMITED ? OptionalLong.empty() : OptionalLong.of(s);
        } catch (IllegalArgumentException e) {
            problems.add(line.where() + ": " + owner + " " + o.key() + "=" + o.value() + ": " + e.getMessage());
            return OptionalLong.empty();
        }
    }

    private Map<String, Long> tres(Option o, String owner, SourceLine line) {
        if (o == null) return Map.of();
        try {
            return TresText.parse(o.value());
        } catch (IllegalArgumentException e) {
            problems.add(line.where() + ": " + owner + " " + o.key() + "=" + o.value() + ": " + e.getMessage());
            return Map.of();
        }
    }

    // ------------------------------------------------------------------ splitting a line's options

    private static List<Option> options(String text, SourceLine line) {
        List<Option> out = new ArrayList<>();
        int i = 0, n = text.length();
        while (i < n) {
            int start = i;
            char quote = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == quote) quote = 0;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == ':' && !typedTresColon(text, start, i)) {
                    break;
                }
                i++;
            }
            if (quote != 0) throw new SlurmConfException(line.where() + ": a quote (" + quote + ") is not closed");
            String sub = text.substring(start, i).strip();
            i++; // the ':'
            if (sub.isEmpty()) continue;
            int eq = sub.indexOf('=');
            if (eq < 0 || (firstQuote(sub) >= 0 && firstQuote(sub) < eq)) {
                out.add(new Option(null, "", unquote(sub)));
                continue;
            }
            String key = sub.substring(0, eq).strip();
            String op = "";
            if (key.endsWith("+") || key.endsWith("-")) {
                op = key.substring(key.length() - 1);
                key = key.substring(0, key.length() - 1).strip();
            }
            out.add(new Option(key, op, unquote(sub.substring(eq + 1).strip())));
        }
        return out;
    }

    private static int firstQuote(String s) {
        int a = s.indexOf('\''), b = s.indexOf('"');
        if (a < 0) return b;
        if (b < 0) return a;
        return Math.min(a, b);
    }

    /** Slurm's {@code _is_colon_typed_tres}: a ':' after a '/' with no '=', ',', ':' or quote between is part of a TRES name. */
    private static boolean typedTresColon(String s, int start, int colon) {
        for (int j = colon - 1; j >= start; j--) {
            char c = s.charAt(j);
            if (c == '=' || c == ',' || c == ':' || c == '"' || c == '\'') return false;
            if (c == '/') return true;
        }
        return false;
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
