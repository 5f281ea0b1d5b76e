package org.preemptlab.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One term of {@code --dependency}: {@code afterok:a:b}, {@code afterany:a}, {@code afternotok:a},
 * {@code after:a} (a has started), {@code singleton} (no other job of the same name and user runs).
 * Jobs are named by their scenario names (an array by its name: all its tasks).
 */
public record Dependency(Type type, List<String> jobs) {

    public enum Type {
        AFTER("after"), AFTER_ANY("afterany"), AFTER_OK("afterok"), AFTER_NOT_OK("afternotok"), SINGLETON("singleton");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Dependency {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    @Override
    public String toString() {
        return type == Type.SINGLETON ? "singleton" : type.label + ":" + String.join(":", jobs);
    }

    /**
     * Slurm's dependency list, terms separated by {@code ,} (all must hold; {@code ?} for "any" is
     * not modelled and refused).
     *
     * @throws IllegalArgumentException naming the term that is not understood
     */
    public static List<Dependency> parseList(String text) {
        List<Dependency> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        if (text.contains("?")) throw new IllegalArgumentException("\"" + text + "\": \"?\" (any of) is not modelled; use \",\" (all of)");
        for (String raw : text.split(",")) {
            String term = raw.strip();
            String[] parts = term.split(":");
            String kind = parts[0].toLowerCase(Locale.ROOT);
            Type type = null;
            for (Type t : Type.values()) if (t.label.equals(kind)) type = t;
            if (type == null) {
                throw new IllegalArgumentException("\"" + term + "\": use after, afterany, afterok, afternotok or singleton");
            }
            List<String> names = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String n = parts[i].strip();
                if (n.contains("+")) n = n.substring(0, n.indexOf('+')); // after:job+time: the delay is not modelled
                if (!n.isEmpty()) names.add(n);
            }
            if (type == Type.SINGLETON ? !names.isEmpty() : names.isEmpty()) {
                throw new IllegalArgumentException("\"" + term + "\": " + (type == Type.SINGLETON
                        ? "singleton names no job" : "name the job(s): " + type.label + ":NAME[:NAME…]"));
            }
            out.add(new Dependency(type, names));
        }
        return out;
    }
}
