package org.preemptlab.app.gui.history;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The "Import Slurm history" form as typed: the site's slurm.conf and the sacct table (required),
 * its gres.conf, {@code sacctmgr dump} and {@code sacctmgr -P show qos} (optional), as the
 * {@code replay} command takes them.
 */
public final class HistoryImportForm {

    /** The form's fields, with their labels and whether they must be given. */
    public enum Field {
        SLURM_CONF("slurm.conf", true, "the site's slurm.conf: nodes, partitions, SchedulerParameters, Priority*"),
        GRES_CONF("gres.conf", false, "GPU types and counts (optional)"),
        SACCTMGR_DUMP("sacctmgr dump", false, "`sacctmgr dump CLUSTER`: accounts, shares, limits (optional: else 1 share each)"),
        SACCTMGR_QOS("sacctmgr show qos", false, "`sacctmgr -P show qos`: QOS priorities and limits (optional)"),
        SACCT("sacct table", true, "sacct -P -X --format=JobID,JobName,User,Account,Partition,QOS,Submit,Eligible,Start,End,"
                + "Elapsed,Timelimit,NNodes,NCPUS,ReqMem,ReqTRES,AllocTRES,NodeList,State,Priority (header included)");

        private final String label;
        private final boolean required;
        private final String hint;

        Field(String label, boolean required, String hint) {
            this.label = label;
            this.required = required;
            this.hint = hint;
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
    }

    /** The files to replay; the optional ones may be null. */
    public record Request(Path slurmConf, Path gresConf, Path sacctmgrDump, Path sacctmgrQos, Path sacct) {

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

    /** Checks the fields' text (blank: not given). */
    public static Result check(Map<Field, String> text) {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        Map<Field, Path> paths = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            String t = text.getOrDefault(f, "");
            t = t == null ? "" : t.strip();
            if (t.isEmpty()) {
                if (f.required()) problems.put(f, "choose the " + f.label());
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
        return new Result(Optional.of(new Request(paths.get(Field.SLURM_CONF), paths.get(Field.GRES_CONF), paths.get(Field.SACCTMGR_DUMP),
                paths.get(Field.SACCTMGR_QOS), paths.get(Field.SACCT))), Map.of());
    }
}
