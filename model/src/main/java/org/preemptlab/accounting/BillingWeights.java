package org.preemptlab.accounting;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.preemptlab.tres.Tres;

/**
 * A partition's {@code TRESBillingWeights}: what one unit of each TRES costs in billing units.
 * Memory weights are held per MB ({@code Mem=0.25G} is 0.25 per GB). Without weights a job is billed
 * its CPUs. By default the billable TRES is the sum of weight × count; with
 * {@code PriorityFlags=MAX_TRES} it is the largest single weighted TRES (the model's TRES are all
 * node TRES; Slurm adds global TRES such as licenses, which are not modelled). Slurm's per-node
 * maximum is taken here over the job's totals (the same for jobs that use their nodes alike).
 */
public final class BillingWeights {

    /** No weights: billing = CPUs. */
    public static final BillingWeights NONE = new BillingWeights(new TreeMap<>());

    private final Map<String, Double> perUnit;

    private BillingWeights(Map<String, Double> perUnit) {
        this.perUnit = Collections.unmodifiableMap(perUnit);
    }

    /** Weights per base unit (memory per MB). */
    public static BillingWeights of(Map<String, Double> perUnit) {
        TreeMap<String, Double> m = new TreeMap<>();
        perUnit.forEach((k, v) -> {
            if (!Tres.isKnown(k)) throw new IllegalArgumentException("\"" + k + "\" is not a modelled TRES");
            if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(k + "=" + v + "; must be a number ≥ 0");
            m.put(k, v);
        });
        return new BillingWeights(m);
    }

    /**
     * Parses Slurm's form, e.g. {@code CPU=1.0,Mem=0.25G,GRES/gpu=2.0}: names case-insensitive
     * (GRES names keep their case), a memory weight with a K/M/G/T suffix is per that unit.
     */
    public static BillingWeights parse(String text) {
        TreeMap<String, Double> m = new TreeMap<>();
        if (text == null || text.isBlank()) return NONE;
        for (String item : text.split(",")) {
            String it = item.trim();
            int eq = it.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("\"" + it + "\" is not NAME=WEIGHT");
            String rawName = it.substring(0, eq).trim();
            String name = rawName.toLowerCase(Locale.ROOT).startsWith("gres/") ? "gres/" + rawName.substring(5) : rawName.toLowerCase(Locale.ROOT);
            String value = it.substring(eq + 1).trim().toUpperCase(Locale.ROOT);
            double perMb = 1;
            if (name.equals(Tres.MEM) && !value.isEmpty() && Character.isLetter(value.charAt(value.length() - 1))) {
                char u = value.charAt(value.length() - 1);
                value = value.substring(0, value.length() - 1);
                perMb = switch (u) {
                    case 'K' -> 1024.0;
                    case 'M' -> 1.0;
                    case 'G' -> 1.0 / 1024;
                    case 'T' -> 1.0 / (1024.0 * 1024);
                    default -> throw new IllegalArgumentException(rawName + "=" + it.substring(eq + 1) + "; use K, M, G or T");
                };
            }
            double w;
            try {
                w = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(rawName + "=" + it.substring(eq + 1) + "; not a number");
            }
            if (!Tres.isKnown(name)) throw new IllegalArgumentException("\"" + rawName + "\" is not a modelled TRES");
            if (w < 0) throw new IllegalArgumentException(rawName + "=" + w + "; must be ≥ 0");
            m.put(name, w * perMb);
        }
        return new BillingWeights(m);
    }

    public boolean isEmpty() {
        return perUnit.isEmpty();
    }

    /** Weight per base unit of {@code name} (memory: per MB); 0 when not weighted. */
    public double weight(String name) {
        return perUnit.getOrDefault(name, 0.0);
    }

    /** The billable TRES of {@code tres} (a job's allocation): Σ weight × count, or the largest term with {@code maxTres}. */
    public double billable(Tres tres, boolean maxTres) {
        if (perUnit.isEmpty()) return tres.get(Tres.CPU);
        double sum = 0, max = 0;
        for (Map.Entry<String, Double> e : perUnit.entrySet()) {
            double term = e.getValue() * tres.get(e.getKey());
            sum += term;
            max = Math.max(max, term);
        }
        return maxTres ? max : sum;
    }

    /** Slurm's form, parseable by {@link #parse}: {@code cpu=1.0,mem=0.25G} (memory per GB). */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : perUnit.entrySet()) {
            if (b.length() > 0) b.append(',');
            if (e.getKey().equals(Tres.MEM)) b.append("mem=").append(e.getValue() * 1024).append('G');
            else b.append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return perUnit.toString();
    }
}
