package org.preemptlab.app.gui.scenario;

import org.preemptlab.units.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.preemptlab.io.swf.AnomalyReport;
import org.preemptlab.io.swf.MachineSizeSource;
import org.preemptlab.io.swf.SwfAnomaly;

/**
 * What the SWF reader did to one trace, ready to show: the totals, the machine size and where it
 * came from, and one row per anomaly rule (count, what the rule does, first examples).
 */
public record ImportReport(String source, String totals, int machineProcs, String machineSource, boolean machineInferred,
        List<Rule> rules) {

    /** One anomaly rule: its name, how often it fired, its one-line description, the first lines it fired on. */
    public record Rule(String name, String action, long count, String description, String examples) {}

    public ImportReport {
        rules = List.copyOf(rules);
    }

    public static ImportReport of(AnomalyReport r) {
        StringBuilder t = new StringBuilder();
        t.append(Units.count(r.jobLines(), "job line")).append(", ").append(Units.count(r.jobsKept(), "job")).append(" kept");
        if (r.linesRemoved() > 0) t.append(", ").append(Units.group(r.linesRemoved())).append(" dropped by anomaly rules");
        if (r.outsideJobRange() > 0) t.append(", ").append(Units.group(r.outsideJobRange())).append(" outside the job range");
        if (r.outsideSubmitWindow() > 0) t.append(", ").append(Units.group(r.outsideSubmitWindow())).append(" outside the submit window");
        if (r.stoppedAtMaxJobs()) t.append(", stopped at the maximum job count");
        List<Rule> rules = new ArrayList<>();
        for (SwfAnomaly rule : SwfAnomaly.values()) {
            String examples = r.examples(rule).stream().limit(3).map(AnomalyReport.Example::toString)
                    .collect(Collectors.joining(", "));
            rules.add(new Rule(rule.name(), rule.action().name().toLowerCase(java.util.Locale.ROOT), r.count(rule),
                    rule.description(), examples));
        }
        return new ImportReport(r.source(), t.toString(), r.machineProcs(), r.machineSizeSource().description(),
                r.machineSizeSource() == MachineSizeSource.INFERRED, rules);
    }

    /** "8 processors (header MaxProcs)". */
    public String machineLine() {
        return "Machine: " + Units.count(machineProcs, "processor") + ", from " + machineSource + (machineInferred ? " ⚠ check it" : "");
    }

    /** The rules that fired. */
    public List<Rule> fired() {
        return rules.stream().filter(x -> x.count() > 0).toList();
    }

    /** "no anomaly rule fired" or "3 rules fired, 12 lines". */
    public String firedLine() {
        List<Rule> f = fired();
        if (f.isEmpty()) return "No anomaly rule fired: the trace was clean.";
        return Units.count(f.size(), "rule") + " fired on " + Units.count(f.stream().mapToLong(Rule::count).sum(), "line") + ".";
    }
}
