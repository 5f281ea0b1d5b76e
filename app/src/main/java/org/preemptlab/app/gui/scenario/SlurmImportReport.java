package org.preemptlab.app.gui.scenario;

import java.util.List;
import org.preemptlab.slurmconf.ImportReport;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.units.Units;

/**
 * What a Slurm import left out, ready to show: the site read (one line a file, as {@code import-slurm}
 * prints it), every setting the cluster runs with that the model has not (where, setting, value, why)
 * and the import's warnings — the report {@code import-slurm} prints, as a list a person can read.
 *
 * @param source   where the site came from ("the live cluster", a file name)
 * @param summary  the site read, one line a file
 * @param ignored  the settings read but not modelled, file by file in line order
 * @param warnings the reading's and the import's warnings
 */
public record SlurmImportReport(String source, List<String> summary, List<ImportReport.Ignored> ignored, List<String> warnings) {

    public SlurmImportReport {
        summary = List.copyOf(summary);
        ignored = List.copyOf(ignored);
        warnings = List.copyOf(warnings);
    }

    public static SlurmImportReport of(String source, SlurmSite site) {
        return new SlurmImportReport(source, site.summary().lines().filter(l -> !l.isBlank()).toList(), site.report().ignored(),
                site.report().warnings());
    }

    /** {@code 12 settings not modelled, 3 warnings}. */
    public String countsLine() {
        return Units.count(ignored.size(), "setting") + " not modelled, " + Units.count(warnings.size(), "warning");
    }

    /** The same text as {@code import-slurm}'s report. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        summary.forEach(l -> sb.append(l).append('\n'));
        sb.append("Ignored settings (read, not modelled): ").append(ignored.size()).append('\n');
        for (ImportReport.Ignored i : ignored) sb.append("  ").append(i).append('\n');
        sb.append("Warnings: ").append(warnings.size()).append('\n');
        for (String w : warnings) sb.append("  ").append(w).append('\n');
        return sb.toString();
    }
}
