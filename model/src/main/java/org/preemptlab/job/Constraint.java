package org.preemptlab.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@code --constraint} on node features: terms joined by {@code &} (all) and {@code |} (any),
 * {@code &} binding tighter: {@code a&b|c} is "a and b, or c". Brackets, counts ({@code a*2}) and
 * matching OR ({@code [a|b]}) are not modelled and refused. The empty constraint matches every node.
 *
 * @param anyOf the alternatives, each a list of features that must all be present
 */
public record Constraint(List<List<String>> anyOf) {

    public static final Constraint NONE = new Constraint(List.of());

    public Constraint {
        List<List<String>> copy = new ArrayList<>();
        for (List<String> all : anyOf) copy.add(List.copyOf(all));
        anyOf = List.copyOf(copy);
    }

    /** @throws IllegalArgumentException naming what is not understood */
    public static Constraint parse(String text) {
        if (text == null || text.isBlank()) return NONE;
        for (char c : new char[] {'[', ']', '(', ')', '*'}) {
            if (text.indexOf(c) >= 0) {
                throw new IllegalArgumentException("\"" + text + "\": \"" + c + "\" is not modelled; use features joined by & and |");
            }
        }
        List<List<String>> alternatives = new ArrayList<>();
        for (String alt : text.split("\\|", -1)) {
            List<String> all = new ArrayList<>();
            for (String f : alt.split("&", -1)) {
                String feature = f.strip();
                if (feature.isEmpty()) throw new IllegalArgumentException("\"" + text + "\": an empty feature name");
                all.add(feature);
            }
            alternatives.add(all);
        }
        return new Constraint(alternatives);
    }

    public boolean isNone() {
        return anyOf.isEmpty();
    }

    /** Whether nodes with these features satisfy the constraint. */
    public boolean matches(Collection<String> features) {
        if (anyOf.isEmpty()) return true;
        for (List<String> all : anyOf) if (features.containsAll(all)) return true;
        return false;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (List<String> all : anyOf) {
            if (b.length() > 0) b.append('|');
            b.append(String.join("&", all));
        }
        return b.toString();
    }
}
