package org.preemptlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.sweep.ResultFile;
import org.preemptlab.sweep.RowFormat;
import org.preemptlab.sweep.SlurmArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Merges the per-variant results of a Slurm array sweep. */
@Command(name = "collect", mixinStandardHelpOptions = true,
        description = {"Merge the results of a sweep run as a Slurm job array (DIR from sweep --emit-slurm-array) in id order.",
                "Exit code 3, naming them, when some variants have no result (the rows found are still written)."})
final class CollectCommand implements Callable<Integer> {

    static final int MISSING = 3;

    @Parameters(index = "0", paramLabel = "DIR")
    Path dir;

    @Option(names = "--out-csv", required = true, paramLabel = "R.csv", description = "merged rows as CSV")
    Path outCsv;

    @Option(names = "--out-json", paramLabel = "R.json", description = "merged rows as JSON lines")
    Path outJson;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = SummaryOut.writer(commandSpec, outCsv, outJson);
        PrintWriter err = commandSpec.commandLine().getErr();
        OutputTargets targets = OutputTargets.create().input("DIR's " + SlurmArray.MANIFEST, dir.resolve(SlurmArray.MANIFEST));
        targets.output("--out-csv", outCsv).output("--out-json", outJson).check();
        SlurmArray.Collected c = SlurmArray.collect(dir);
        for (int id = 0; id < c.total(); id++) targets.input("DIR's result of variant " + id, SlurmArray.resultFile(dir, id));
        targets.check();
        AtomicFiles.together(() -> { // both files or none
            ResultFile.writeSorted(outCsv, RowFormat.CSV, c.rows());
            if (outJson != null) ResultFile.writeSorted(outJson, RowFormat.JSON_LINES, c.rows());
        });
        out.printf("collect %s: %d of %d variants; rows in %s%n", dir, c.rows().size(), c.total(), outCsv);
        if (c.missing().isEmpty()) return 0;
        for (String b : c.broken()) err.println("preemptlab: " + b.replace('\n', ' '));
        err.println("preemptlab: collect: " + c.missing().size() + " of " + c.total() + " variants have no result: "
                + ranges(c.missing()) + " (see " + dir.resolve(SlurmArray.LOGS) + "; rerun them with sweep --variant ID, "
                + "or run the rest locally with sweep --resume --out-csv " + outCsv + ")");
        return MISSING;
    }

    /** {@code 3, 5-9, 12}. */
    static String ranges(List<Integer> ids) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < ids.size()) {
            int j = i;
            while (j + 1 < ids.size() && ids.get(j + 1) == ids.get(j) + 1) j++;
            parts.add(j == i ? String.valueOf(ids.get(i)) : ids.get(i) + "-" + ids.get(j));
            i = j + 1;
        }
        return String.join(", ", parts);
    }
}
