package org.preemptlab.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.preemptlab.io.files.AtomicFiles;

/**
 * A sweep as a Slurm job array: one array task per variant. {@link #emit} writes into a directory
 * <ul>
 *   <li>{@code sweep.sbatch}: {@code #SBATCH --array=0-<N-1>}, one CPU per task, output to
 *       {@code logs/%A_%a.out}; each task runs
 *       {@code java -jar JAR sweep SWEEP.json --variant $SLURM_ARRAY_TASK_ID --out-json results/variant-<id>.json}
 *       (absolute paths throughout: the tasks may start anywhere);</li>
 *   <li>{@code sweep-array.json}: the sweep file and the number of variants, for {@code collect};</li>
 *   <li>empty {@code logs/} and {@code results/} (Slurm does not create the output directory).</li>
 * </ul>
 */
public final class SlurmArray {

    public static final String SCRIPT = "sweep.sbatch";
    public static final String MANIFEST = "sweep-array.json";
    public static final String RESULTS = "results";
    public static final String LOGS = "logs";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What {@code collect} found.
     *
     * @param rows    the rows found, sorted by id
     * @param missing ids with no (readable) result, ascending
     * @param broken  for result files that exist but cannot be read: "variant-7.json: …"
     * @param total   number of variants of the sweep
     */
    public record Collected(List<SweepRow> rows, List<Integer> missing, List<String> broken, int total) {}

    private SlurmArray() {}

    /** The result file of one variant inside an array directory. */
    public static Path resultFile(Path dir, int id) {
        return dir.toAbsolutePath().resolve(RESULTS).resolve("variant-" + id + ".json");
    }

    /**
     * Writes the array's script, manifest and directories.
     *
     * @param java      the java binary the tasks run
     * @param jar       the PreemptLab jar
     * @param partition Slurm partition, or null for the cluster's default
     * @return the script
     */
    public static Path emit(SweepSpec spec, Path dir, Path java, Path jar, String partition) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        Files.createDirectories(d.resolve(LOGS));
        Files.createDirectories(d.resolve(RESULTS));
        int n = spec.variants().size();
        Path script = d.resolve(SCRIPT);
        AtomicFiles.write(script, w -> w.write(script(spec, d, java, jar, partition)));
        script.toFile().setExecutable(true);
        ObjectNode m = MAPPER.createObjectNode();
        m.put("formatVersion", 1);
        m.put("sweep", spec.file().toString());
        m.put("name", spec.name());
        m.put("variants", n);
        AtomicFiles.write(d.resolve(MANIFEST), w -> MAPPER.writeValue(w, m));
        return script;
    }

    /** The text of {@code sweep.sbatch}. */
    public static String script(SweepSpec spec, Path dir, Path java, Path jar, String partition) {
        Path d = dir.toAbsolutePath().normalize();
        int n = spec.variants().size();
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/bash\n");
        s.append("#SBATCH --job-name=").append(jobName(spec.name())).append('\n');
        s.append("#SBATCH --array=0-").append(n - 1).append('\n');
        s.append("#SBATCH --cpus-per-task=1\n");
        s.append("#SBATCH --ntasks=1\n");
        s.append("#SBATCH --output=").append(d.resolve(LOGS)).append("/%A_%a.out\n");
        if (partition != null && !partition.isBlank()) s.append("#SBATCH --partition=").append(partition).append('\n');
        s.append("# PreemptLab sweep ").append(spec.name()).append(": ").append(n)
                .append(" variants, one per array task; collect with:\n");
        s.append("#   java -jar ").append(jar.toAbsolutePath()).append(" collect ").append(d).append(" --out-csv R.csv\n");
        s.append("set -euo pipefail\n");
        s.append("id=\"${SLURM_ARRAY_TASK_ID:?run this script with sbatch (an array task)}\"\n");
        s.append("exec ").append(quote(java.toAbsolutePath().toString())).append(" -XX:ActiveProcessorCount=1 -jar ")
                .append(quote(jar.toAbsolutePath().toString())).append(" sweep ")
                .append(quote(spec.file().toString())).append(" --variant \"$id\" --out-json ")
                .append(quote(d.resolve(RESULTS).toString())).append("/variant-\"$id\".json\n");
        return s.toString();
    }

    /** Reads the manifest and every variant's result file of an array directory. */
    public static Collected collect(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        Path manifest = d.resolve(MANIFEST);
        JsonNode m;
        try {
            m = MAPPER.readTree(Files.readString(manifest));
        } catch (NoSuchFileException e) {
            throw SweepException.of(d.toString(), "", "has no " + MANIFEST + "; is it a directory written by sweep --emit-slurm-array?");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw SweepException.of(MANIFEST, "", "not JSON: " + e.getOriginalMessage());
        }
        JsonNode v = m == null ? null : m.get("variants");
        if (v == null || !v.canConvertToInt() || v.asInt() < 1) {
            throw SweepException.of(MANIFEST, "variants", (v == null ? "missing" : v.toString()) + "; must be a whole number ≥ 1");
        }
        int total = v.asInt();
        List<SweepRow> rows = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (int id = 0; id < total; id++) {
            Path f = resultFile(d, id);
            if (!Files.exists(f)) {
                missing.add(id);
                continue;
            }
            try {
                ResultFile r = ResultFile.read(f, RowFormat.JSON_LINES);
                SweepRow row = r.rows().get(id);
                if (row == null) {
                    missing.add(id);
                    broken.add(f.getFileName() + ": holds no complete row of variant " + id);
                } else {
                    rows.add(row);
                }
            } catch (SweepException e) {
                missing.add(id);
                broken.add(e.getMessage());
            }
        }
        return new Collected(List.copyOf(rows), List.copyOf(missing), List.copyOf(broken), total);
    }

    /** A Slurm job name from the sweep's name: letters, digits, {@code . _ -}. */
    static String jobName(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return "preemptlab-sweep-" + (clean.length() > 40 ? clean.substring(0, 40) : clean).toLowerCase(Locale.ROOT);
    }

    /** Single-quoted for the shell. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
