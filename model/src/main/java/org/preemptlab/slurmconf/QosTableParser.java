package org.preemptlab.slurmconf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the output of {@code sacctmgr -P show qos} (or {@code -p}, which ends each row with a
 * {@code |}): a header row naming the columns, then one row per QOS, cells separated by {@code |}.
 * Columns are found by their header name, so any {@code format=} and any Slurm version's default
 * set is read: {@code Name|Priority|GraceTime|Preempt|PreemptExemptTime|PreemptMode|Flags|UsageThres|
 * UsageFactor|GrpTRES|GrpTRESMins|GrpTRESRunMins|GrpJobs|GrpSubmit|GrpWall|MaxTRES|MaxTRESPerNode|
 * MaxTRESMins|MaxWall|MaxTRESPU|MaxJobsPU|MaxSubmitPU|MaxTRESPA|MaxTRESRunMinsPA|MaxTRESRunMinsPU|
 * MaxJobsPA|MaxSubmitPA|MinTRES}. Non-empty cells of columns without a field are reported as ignored.
 */
public final class QosTableParser {

    private QosTableParser() {}

    public static QosFileTable read(Path file, ImportReport report) {
        String shown = file.getFileName().toString();
        return parse(ConfText.read(file, shown), shown, report);
    }

    /** @throws SlurmConfException listing every problem with {@code file:line} */
    public static QosFileTable parse(String text, String shownAs, ImportReport report) {
        List<String> problems = new ArrayList<>();
        List<QosDefinition> out = new ArrayList<>();
        String[] rows = text.split("\\R", -1);
        String[] header = null;
        int headerLine = 0;
        int nameColumn = -1;
        Set<String> seen = new HashSet<>();
        boolean trailingBar = false;
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i];
            if (row.isBlank()) continue;
            SourceLine line = new SourceLine(shownAs, i + 1, row);
            if (header == null) trailingBar = row.stripTrailing().endsWith("|");
            String[] cells = cells(row, trailingBar);
            if (header == null) {
                header = cells;
                headerLine = i + 1;
                for (int c = 0; c < cells.length; c++) if (cells[c].strip().equalsIgnoreCase("Name")) nameColumn = c;
                if (nameColumn < 0) {
                    throw new SlurmConfException(line.where() + ": no Name column in the header (" + row.strip()
                            + "); expected the output of sacctmgr -P show qos, header included");
                }
                continue;
            }
            if (cells.length != header.length) {
                problems.add(line.where() + ": " + cells.length + " cells, but the header (line " + headerLine + ") has " + header.length);
                continue;
            }
            String name = cells[nameColumn].strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                problems.add(line.where() + ": empty Name");
                continue;
            }
            if (!seen.add(name)) {
                problems.add(line.where() + ": QOS " + name + " is listed twice");
                continue;
            }
            QosFields f = new QosFields(name, line, report, problems);
            for (int c = 0; c < cells.length; c++) f.put(header[c].strip(), cells[c].strip());
            QosDefinition q = f.build();
            if (q != null) out.add(q);
        }
        if (header == null) throw new SlurmConfException(shownAs + ": empty; expected the output of sacctmgr -P show qos");
        if (!problems.isEmpty()) throw new SlurmConfException(problems);
        return new QosFileTable(out);
    }

    /**
     * The cells of a row. With {@code -p} every row, the header too, ends with a {@code |} that
     * closes the last cell; with {@code -P} a final {@code |} means the last cell is empty.
     */
    private static String[] cells(String row, boolean trailingBar) {
        String r = row.stripTrailing();
        if (trailingBar && r.endsWith("|")) r = r.substring(0, r.length() - 1);
        String[] c = r.split("\\|", -1);
        return Arrays.copyOf(c, c.length);
    }
}
