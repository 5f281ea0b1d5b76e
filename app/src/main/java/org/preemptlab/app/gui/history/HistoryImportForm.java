package org.preemptlab.app.gui.history;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.preemptlab.replay.SiteReplay;
import org.preemptlab.replay.SiteReplayRun;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.time.Durations;

/**
 * The "Import Slurm history" form as typed: the site's slurm.conf and the sacct table (required),
 * its gres.conf, {@code sacctmgr dump} and {@code sacctmgr -P show qos} (optional), slurmctld's log
 * of the passes, the tolerance and the priority mode, and a baseline site for a what-if — as the
 * {@code replay} command takes them ({@code --slurmctld-log}, {@code --tolerance}, {@code --priority},
 * {@code --baseline-*}).
 */
public final class HistoryImportForm {

    /** Where a field is shown: the site's files, the replay's options, the what-if's baseline. */
    public enum Section { SITE, OPTIONS, BASELINE }

    /** The form's fields, with their labels and whether they must be given; all are files but the tolerance. */
    public enum Field {
        SLURM_CONF(Section.SITE, "slurm.conf", true, "the site's slurm.conf: nodes, partitions, SchedulerParameters, Priority*"),
        GRES_CONF(Section.SITE, "gres.conf", false, "GPU types and counts (optional)"),
        SACCTMGR_DUMP(Section.SITE, "sacctmgr dump", false, "`sacctmgr dump CLUSTER`: accounts, shares, limits (optional: else 1 share each)"),
        SACCTMGR_QOS(Section.SITE, "sacctmgr show qos", false, "`sacctmgr -P show qos`: QOS priorities and limits (optional)"),
        SACCT(Section.SITE, "sacct table", true, "sacct -P -X --format=JobID,JobName,User,Account,Partition,QOS,Submit,Eligible,Start,End,"
                + "Elapsed,Timelimit,NNodes,NCPUS,ReqMem,ReqTRES,AllocTRES,NodeList,State,Priority (header included)"),
        SLURMCTLD_LOG(Section.OPTIONS, "slurmctld log", false, "slurmctld's log (SlurmctldDebug=debug, DebugFlags=Backfill): the "
                + "scheduler passes run at the instants it recorded instead of every interval (optional)"),
        TOLERANCE(Section.OPTIONS, "tolerance", false, "a start within ± this of the real one counts as right, e.g. 90s, 2m, 1m30s "
                + "(default: max(2 × bf_interval, 1 min))"),
        BASELINE_SLURM_CONF(Section.BASELINE, "baseline slurm.conf", false, "what-if: the site's current slurm.conf; the files above "
                + "are the changed site. Both replay the history; the What-if tab compares their waits (default: the slurm.conf above)"),
        BASELINE_GRES_CONF(Section.BASELINE, "baseline gres.conf", false, "what-if: the baseline's gres.conf (default: the one above)"),
        BASELINE_SACCTMGR_DUMP(Section.BASELINE, "baseline sacctmgr dump", false,
                "what-if: the baseline's sacctmgr dump (default: the one above)"),
        BASELINE_SACCTMGR_QOS(Section.BASELINE, "baseline sacctmgr show qos", false,
                "what-if: the baseline's QOS table (default: the one above)");

        private final Section section;
        private final String label;
        private final boolean required;
        private final String hint;

        Field(Section section, String label, boolean required, String hint) {
            this.section = section;
            this.label = label;
            this.required = required;
            this.hint = hint;
        }

        public Section section() {
            return section;
        }

        public String label() {
            return label;
        }

        public boolean required() {
            return required;
        }

        public String hint() {
            return hint;
        }

        /** A file name (all but the tolerance). */
        public boolean file() {
            return this != TOLERANCE;
        }
    }

    /**
     * What to replay and how; the optional files may be null.
     *
     * @param site             the site's files
     * @param sacct            the history
     * @param slurmctldLog     slurmctld's log, or null (passes every interval, at the phase inferred from the history: replay --phase auto)
     * @param toleranceSeconds the tolerance, or null for the default
     * @param priority         multifactor or sacct's column
     * @param baseline         the what-if's baseline site (each file not given is the site's), or null: no what-if
     */
    public record Request(SlurmSite.Files site, Path sacct, Path slurmctldLog, Long toleranceSeconds, SiteReplay.Priority priority,
            SlurmSite.Files baseline) {

        /** A short name for titles: the sacct file's name. */
        public String describe() {
            return sacct.getFileName().toString();
        }
    }

    /** The request, or the problem of each field that has one (then no request). */
    public record Result(Optional<Request> request, Map<Field, String> problems) {
        public boolean ok() {
            return request.isPresent();
        }
    }

    private HistoryImportForm() {}

    /** Checks the fields' text (blank: not given), multifactor priority. */
    public static Result check(Map<Field, String> text) {
        return check(text, SiteReplay.Priority.MULTIFACTOR);
    }

    /** Checks the fields' text (blank: not given) with the priority mode chosen. */
    public static Result check(Map<Field, String> text, SiteReplay.Priority priority) {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        Map<Field, Path> paths = new EnumMap<>(Field.class);
        Long tolerance = null;
        for (Field f : Field.values()) {
            String t = text.getOrDefault(f, "");
            t = t == null ? "" : t.strip();
            if (t.isEmpty()) {
                if (f.required()) problems.put(f, "choose the " + f.label());
                continue;
            }
            if (!f.file()) {
                try {
                    tolerance = duration(t);
                } catch (IllegalArgumentException e) {
                    problems.put(f, "\"" + t + "\": not a duration (" + e.getMessage() + "; " + Durations.FORMS + ")");
                }
                continue;
            }
            Path p;
            try {
                p = Path.of(t);
            } catch (InvalidPathException e) {
                problems.put(f, "not a file name");
                continue;
            }
            if (!Files.isRegularFile(p)) problems.put(f, "no such file");
            else if (!Files.isReadable(p)) problems.put(f, "cannot be read");
            else paths.put(f, p);
        }
        if (!problems.isEmpty()) return new Result(Optional.empty(), Map.copyOf(problems));
        SlurmSite.Files site = new SlurmSite.Files(paths.get(Field.SLURM_CONF), paths.get(Field.GRES_CONF), paths.get(Field.SACCTMGR_DUMP),
                paths.get(Field.SACCTMGR_QOS));
        SlurmSite.Files given = new SlurmSite.Files(paths.get(Field.BASELINE_SLURM_CONF), paths.get(Field.BASELINE_GRES_CONF),
                paths.get(Field.BASELINE_SACCTMGR_DUMP), paths.get(Field.BASELINE_SACCTMGR_QOS));
        boolean whatIf = given.slurmConf() != null || given.gresConf() != null || given.sacctmgrDump() != null || given.sacctmgrQos() != null;
        return new Result(Optional.of(new Request(site, paths.get(Field.SACCT), paths.get(Field.SLURMCTLD_LOG), tolerance,
                priority == null ? SiteReplay.Priority.MULTIFACTOR : priority, whatIf ? SiteReplayRun.baselineFiles(site, given) : null)),
                Map.of());
    }

    /** A duration as a person types it: {@code 90}, {@code 90s}, {@code 2m}, {@code 2 min}, {@code 1m30s}, {@code 00:01:30}. */
    static long duration(String text) {
        String t = text.strip().replaceAll("(?i)(\\d)\\s*(min|mins|minutes?)\\b", "$1m").replaceAll("(?i)(\\d)\\s*(sec|secs|seconds?)\\b", "$1s")
                .replaceAll("(?i)(\\d)\\s*(hours?)\\b", "$1h").replaceAll("(?i)(\\d)\\s*(days?)\\b", "$1d")
                .replaceAll("(\\d)\\s+([dhmsDHMS])\\b", "$1$2");
        return Durations.parse(t);
    }
}
