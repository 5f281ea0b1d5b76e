package org.preemptlab.slurmconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Builds a {@link QosDefinition} from named values, under the names of both sources: the
 * {@code sacctmgr dump} keys ({@code MaxJobsPU}, {@code MaxWallDurationPerJob}, {@code GraceTime}
 * in seconds) and the {@code sacctmgr -P show qos} columns ({@code MaxJobsPU}, {@code MaxWall},
 * {@code GraceTime} as {@code hh:mm:ss}). Values Slurm prints for "unset" ({@code ""},
 * {@code cluster} for PreemptMode) leave the field unset. Settings without a field are reported as
 * ignored; bad values are collected as problems naming the place, the QOS and the key.
 */
final class QosFields {

    /** Lower-case key or column name → the field it fills. */
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        alias("name", "name");
        alias("id", "id");
        alias("description", "description", "descr");
        alias("priority", "priority", "prio");
        alias("gracetime", "gracetime");
        alias("preempt", "preempt");
        alias("preemptexempttime", "preemptexempttime");
        alias("preemptmode", "preemptmode");
        alias("flags", "flags");
        alias("usagefactor", "usagefactor");
        alias("usagethreshold", "usagethreshold", "usagethres");
        alias("grptres", "grptres");
        alias("grpjobs", "grpjobs");
        alias("grpsubmitjobs", "grpsubmitjobs", "grpsubmit");
        alias("grpwall", "grpwall");
        alias("maxtresperjob", "maxtresperjob", "maxtres", "maxtrespj");
        alias("maxtrespernode", "maxtrespernode", "maxtrespn");
        alias("maxwall", "maxwall", "maxwalldurationperjob");
        alias("maxtresperuser", "maxtresperuser", "maxtrespu");
        alias("maxjobsperuser", "maxjobsperuser", "maxjobspu");
        alias("maxsubmitjobsperuser", "maxsubmitjobsperuser", "maxsubmitjobspu", "maxsubmitpu");
        alias("maxtresperaccount", "maxtresperaccount", "maxtrespa");
        alias("maxjobsperaccount", "maxjobsperaccount", "maxjobspa");
        alias("maxsubmitjobsperaccount", "maxsubmitjobsperaccount", "maxsubmitjobspa", "maxsubmitpa");
        alias("mintresperjob", "mintresperjob", "mintres");
    }

    private static void alias(String field, String... names) {
        for (String n : names) ALIASES.put(n, field);
    }

    private final String name;
    private final String where;
    private final SourceLine line;
    private final ImportReport report;
    private final List<String> problems;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> written = new LinkedHashMap<>();

    QosFields(String name, SourceLine line, ImportReport report, List<String> problems) {
        this.name = name;
        this.line = line;
        this.where = line.where();
        this.report = report;
        this.problems = problems;
    }

    /** Adds one value; an empty value is "unset". */
    void put(String key, String value) {
        String field = ALIASES.get(key.toLowerCase(Locale.ROOT));
        if (field == null) {
            if (!value.isEmpty()) report.ignore(line, "QOS " + name + " " + key, value);
            return;
        }
        if (field.equals("name") || field.equals("id")) return;
        if (!value.isEmpty()) {
            values.put(field, value);
            written.put(field, key);
        }
    }

    QosDefinition build() {
        int before = problems.size();
        String description = values.getOrDefault("description", "");
        long priority = whole("priority", 0);
        long grace = values.containsKey("gracetime") ? seconds("gracetime") : 0;
        List<String> preempt = new ArrayList<>();
        if (values.containsKey("preempt")) {
            for (String p : values.get("preempt").split(",")) {
                String t = p.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) preempt.add(t);
            }
        }
        Optional<PreemptModeSetting> mode = Optional.empty();
        String pm = values.get("preemptmode");
        if (pm != null && !pm.equalsIgnoreCase("cluster")) {
            try {
                mode = Optional.of(PreemptModeSetting.parse(pm));
            } catch (IllegalArgumentException e) {
                bad("preemptmode", e.getMessage());
            }
        }
        OptionalLong exempt = values.containsKey("preemptexempttime") ? OptionalLong.of(seconds("preemptexempttime")) : OptionalLong.empty();
        Set<String> flags = new LinkedHashSet<>();
        if (values.containsKey("flags")) {
            for (String f : values.get("flags").split(",")) {
                String t = f.strip().toUpperCase(Locale.ROOT);
                if (!t.isEmpty()) flags.add(t);
            }
        }
        double usageFactor = decimal("usagefactor").orElse(1.0);
        OptionalDouble usageThreshold = decimal("usagethreshold");
        QosDefinition q = new QosDefinition(name, description, priority, grace, preempt, mode, exempt, flags, usageFactor, usageThreshold,
                tres("grptres"), optionalWhole("grpjobs"), optionalWhole("grpsubmitjobs"), optionalTime("grpwall"), tres("maxtresperjob"),
                tres("maxtrespernode"), optionalTime("maxwall"), tres("maxtresperuser"), optionalWhole("maxjobsperuser"),
                optionalWhole("maxsubmitjobsperuser"), tres("maxtresperaccount"), optionalWhole("maxjobsperaccount"),
                optionalWhole("maxsubmitjobsperaccount"), tres("mintresperjob"), where);
        return problems.size() == before ? q : null;
    }

    private void bad(String field, String why) {
        problems.add(where + ": QOS " + name + " " + written.get(field) + "=" + values.get(field) + ": " + why);
    }

    private long whole(String field, long otherwise) {
        OptionalLong v = optionalWhole(field);
        return v.isPresent() ? v.getAsLong() : otherwise;
    }

    private OptionalLong optionalWhole(String field) {
        String v = values.get(field);
        if (v == null) return OptionalLong.empty();
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) throw new NumberFormatException();
            return OptionalLong.of(n);
        } catch (NumberFormatException e) {
            bad(field, "not a whole number");
            return OptionalLong.empty();
        }
    }

    /** Bare digits are seconds (the dump); anything else a Slurm time ({@code 00:01:00}, as show qos prints). */
    private long seconds(String field) {
        String v = values.get(field).strip();
        try {
            if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) return Long.parseLong(v);
            long s = SlurmTime.parseSeconds(v);
            return s == SlurmTime.UNLIMITED ? 0 : s;
        } catch (IllegalArgumentException e) {
            bad(field, e.getMessage());
            return 0;
        }
    }

    /** A wall-clock limit: a Slurm time (bare digits are minutes, as sacctmgr reads them). */
    private OptionalLong optionalTime(String field) {
        String v = values.get(field);
        if (v == null) return OptionalLong.empty();
        try {
            long s = SlurmTime.parseSeconds(v);
            return s == SlurmTime.UNLIMITED ? OptionalLong.empty() : OptionalLong.of(s);
        } catch (IllegalArgumentException e) {
            bad(field, e.getMessage());
            return OptionalLong.empty();
        }
    }

    private OptionalDouble decimal(String field) {
        String v = values.get(field);
        if (v == null) return OptionalDouble.empty();
        try {
            double d = Double.parseDouble(v.strip());
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return OptionalDouble.of(d);
        } catch (NumberFormatException e) {
            bad(field, "not a number ≥ 0");
            return OptionalDouble.empty();
        }
    }

    private Map<String, Long> tres(String field) {
        String v = values.get(field);
        if (v == null) return Map.of();
        try {
            return TresText.parse(v);
        } catch (IllegalArgumentException e) {
            bad(field, e.getMessage());
            return Map.of();
        }
    }
}
