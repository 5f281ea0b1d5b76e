package org.preemptlab.app.gui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.preemptlab.app.gui.scenario.JobClass;

/** The generator's class list as users type it: {@code normal 0.45, owner@chem 0.25, preempt 0.3}. */
final class JobMixText {

    private JobMixText() {}

    static String format(List<JobClass> classes) {
        List<String> parts = new ArrayList<>();
        for (JobClass c : classes) {
            parts.add(c.qos() + (c.group().isEmpty() ? "" : "@" + c.group()) + " " + String.format(Locale.ROOT, "%.3g", c.share()));
        }
        return String.join(", ", parts);
    }

    /** @throws IllegalArgumentException naming the part that is wrong */
    static List<JobClass> parse(String text) {
        List<JobClass> classes = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            String[] words = p.split("\\s+");
            if (words.length != 2) throw new IllegalArgumentException("\"" + p + "\": write QOS[@group] share, e.g. owner@chem 0.25");
            String[] qg = words[0].split("@", 2);
            double share;
            try {
                share = Double.parseDouble(words[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("\"" + words[1] + "\" in \"" + p + "\" is not a number");
            }
            if (share < 0) throw new IllegalArgumentException("share " + share + " of " + words[0] + " is negative");
            classes.add(new JobClass(qg[0], qg.length > 1 ? qg[1] : "", share));
        }
        if (classes.isEmpty()) throw new IllegalArgumentException("name at least one class, e.g. normal 1");
        return classes;
    }
}
