package org.preemptlab.backend.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's shell command with placeholders, run as {@code setsid bash -c <command>}. Placeholders
 * (values are shell-quoted when substituted):
 * <ul>
 *   <li>{@code {work}} the job's total work, simulated seconds; {@code {workLeft}} what the engine
 *       believes is left;</li>
 *   <li>{@code {scale}} simulated seconds per real second;</li>
 *   <li>{@code {state}} the job's state (checkpoint) file; {@code {restartCost}} simulated seconds of
 *       restart I/O the engine charges this launch;</li>
 *   <li>{@code {restartFile}} a file holding that restart cost, rewritten before every (re)launch
 *       (a Slurm job's command is fixed at submission, so it reads the cost from there);</li>
 *   <li>{@code {name}} the job's name; {@code {index}} its index in the run; {@code {runDir}};</li>
 *   <li>{@code {jobScript}} the sample job program.</li>
 * </ul>
 * The same values are in the environment: {@code PREEMPTLAB_WORK}, {@code PREEMPTLAB_SCALE},
 * {@code PREEMPTLAB_STATE}, {@code PREEMPTLAB_JOB_NAME}, …
 */
public record CommandTemplate(String template) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The sample job, resuming from its state file. */
    public static final CommandTemplate SAMPLE_JOB = new CommandTemplate(
            "exec {jobScript} --work {work} --scale {scale} --state {state} --name {name} --restart-cost {restartCost}");

    public CommandTemplate {
        if (template == null || template.isBlank()) throw new IllegalArgumentException("A job command template must not be empty.");
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!Placeholder.NAMES.contains(m.group(1))) {
                throw new IllegalArgumentException("The job command template (" + template + ") has an unknown placeholder {"
                        + m.group(1) + "}.\nMaybe use one of " + Placeholder.NAMES + ".");
            }
        }
    }

    /** The values of the placeholders for one launch of a job. */
    public record Values(long work, long workLeft, double scale, Path state, long restartCost, Path restartFile, String name,
            int index, Path runDir, Path jobScript) {

        /** By placeholder name. */
        public Map<String, String> asMap() {
            Map<String, String> values = new HashMap<>();
            values.put("work", Long.toString(work));
            values.put("workLeft", Long.toString(workLeft));
            values.put("scale", formatScale(scale));
            values.put("state", state.toString());
            values.put("restartCost", Long.toString(restartCost));
            values.put("restartFile", restartFile.toString());
            values.put("name", name);
            values.put("index", Integer.toString(index));
            values.put("runDir", runDir.toString());
            values.put("jobScript", jobScript.toString());
            return values;
        }

        private static String formatScale(double scale) {
            return new BigDecimal(Double.toString(scale)).stripTrailingZeros().toPlainString();
        }
    }

    /** Writes the {@code {restartFile}}: the restart cost of the coming launch. */
    public static void writeRestartFile(Path restartFile, long restartCost) {
        try {
            Files.writeString(restartFile, restartCost + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + restartFile + ": " + e.getMessage(), e);
        }
    }

    public String render(Values values) {
        return render(values.asMap());
    }

    /** Substitutes the values (each shell-quoted). */
    public String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalArgumentException("no value for placeholder {" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(shellQuote(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Single-quotes a word for bash (plain words stay as they are). */
    public static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=+,@%-]+")) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Placeholder names. */
    static final class Placeholder {
        static final java.util.Set<String> NAMES = java.util.Set.of(
                "work", "workLeft", "scale", "state", "restartCost", "restartFile", "name", "index", "runDir", "jobScript");

        private Placeholder() {}
    }
}
