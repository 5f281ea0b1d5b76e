package org.preemptlab.priority;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.preemptlab.tres.Tres;

/**
 * The {@code priority/multifactor} settings of slurm.conf. Weights are Slurm's unsigned 32-bit
 * integers; {@code PriorityWeightTRES} weights are decimals per TRES name.
 *
 * @param weightAge          {@code PriorityWeightAge}
 * @param weightAssoc        {@code PriorityWeightAssoc}
 * @param weightFairshare    {@code PriorityWeightFairshare}
 * @param weightJobSize      {@code PriorityWeightJobSize}
 * @param weightPartition    {@code PriorityWeightPartition}
 * @param weightQos          {@code PriorityWeightQOS}
 * @param weightTres         {@code PriorityWeightTRES}, e.g. {@code cpu → 2000}, {@code gres/gpu → 5000}
 * @param maxAgeSeconds      {@code PriorityMaxAge}: the wait at which the age factor reaches 1 (default 7 days)
 * @param halfLifeSeconds    {@code PriorityDecayHalfLife}: 0 = no decay (default 7 days)
 * @param calcPeriodSeconds  {@code PriorityCalcPeriod}: how often usage is decayed and priorities recalculated (default 5 min)
 * @param resetPeriod        {@code PriorityUsageResetPeriod} (default NONE)
 * @param favorSmall         {@code PriorityFavorSmall}
 * @param flags              {@code PriorityFlags}
 * @param dampeningFactor    {@code FairShareDampeningFactor} (classic fair-share only; default 1)
 */
public record PriorityConfig(long weightAge, long weightAssoc, long weightFairshare, long weightJobSize,
                             long weightPartition, long weightQos, Map<String, Double> weightTres,
                             long maxAgeSeconds, long halfLifeSeconds, long calcPeriodSeconds,
                             ResetPeriod resetPeriod, boolean favorSmall, Set<PriorityFlag> flags,
                             int dampeningFactor) {

    /** Slurm's largest weight (uint32). */
    public static final long MAX_WEIGHT = 0xffffffffL;

    /** Slurm's defaults: all weights 0, 7-day max age and half-life, 5-minute calc period. */
    public static final PriorityConfig DEFAULTS = new PriorityConfig(0, 0, 0, 0, 0, 0, Map.of(), 7 * 86400L,
            7 * 86400L, 300, ResetPeriod.NONE, false, Set.of(), 1);

    public PriorityConfig {
        weightTres = Map.copyOf(new TreeMap<>(Objects.requireNonNull(weightTres, "weightTres")));
        Objects.requireNonNull(resetPeriod, "resetPeriod");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        List<String> p = problems(weightAge, weightAssoc, weightFairshare, weightJobSize, weightPartition, weightQos,
                weightTres, maxAgeSeconds, halfLifeSeconds, calcPeriodSeconds, resetPeriod, dampeningFactor);
        if (!p.isEmpty()) throw new IllegalArgumentException(String.join("\n", p));
    }

    private static List<String> problems(long age, long assoc, long fs, long js, long part, long qos, Map<String, Double> tres,
                                         long maxAge, long halfLife, long calc, ResetPeriod reset, int damp) {
        List<String> out = new ArrayList<>();
        weight(out, "weightAge", age);
        weight(out, "weightAssoc", assoc);
        weight(out, "weightFairshare", fs);
        weight(out, "weightJobSize", js);
        weight(out, "weightPartition", part);
        weight(out, "weightQos", qos);
        tres.forEach((k, v) -> {
            if (!Tres.isKnown(k)) out.add("priority.weightTres." + k + ": not a modelled TRES; use cpu, mem, node, billing or gres/NAME");
            else if (!(v >= 0) || v > MAX_WEIGHT) out.add("priority.weightTres." + k + ": " + v + "; must be between 0 and " + MAX_WEIGHT);
        });
        if (maxAge < 1) out.add("priority.maxAge: " + maxAge + "; must be ≥ 1 s");
        if (halfLife < 0) out.add("priority.decayHalfLife: " + halfLife + "; must be ≥ 0 (0 = no decay)");
        if (calc < 1) out.add("priority.calcPeriod: " + calc + "; must be ≥ 1 s");
        if (damp < 1) out.add("priority.fairShareDampeningFactor: " + damp + "; must be ≥ 1");
        return out;
    }

    private static void weight(List<String> out, String name, long w) {
        if (w < 0 || w > MAX_WEIGHT) out.add("priority." + name + ": " + w + "; must be between 0 and " + MAX_WEIGHT);
    }

    public boolean has(PriorityFlag f) {
        return flags.contains(f) || (f.name().startsWith("NO_NORMAL_") && flags.contains(PriorityFlag.NO_NORMAL_ALL));
    }

    /** Fair Tree unless {@code NO_FAIR_TREE}. */
    public boolean fairTree() {
        return !has(PriorityFlag.NO_FAIR_TREE);
    }

    /**
     * Slurm's per-second decay factor {@code 1 − 0.693 / PriorityDecayHalfLife} (1 without decay).
     * Slurm uses this first-order approximation of 2^(−1/h); over one half-life it keeps
     * (1 − 0.693/h)^h ≈ e^(−0.693) ≈ 0.50007 of the usage, not exactly one half.
     */
    public double decayPerSecond() {
        return halfLifeSeconds > 0 ? 1 - 0.693 / halfLifeSeconds : 1;
    }

    public static Builder builder() {
        return new Builder(DEFAULTS);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link PriorityConfig} from Slurm's defaults. */
    public static final class Builder {
        private long age, assoc, fs, js, part, qos;
        private Map<String, Double> tres;
        private long maxAge, halfLife, calc;
        private ResetPeriod reset;
        private boolean favorSmall;
        private Set<PriorityFlag> flags;
        private int damp;

        private Builder(PriorityConfig c) {
            age = c.weightAge; assoc = c.weightAssoc; fs = c.weightFairshare; js = c.weightJobSize;
            part = c.weightPartition; qos = c.weightQos; tres = new TreeMap<>(c.weightTres);
            maxAge = c.maxAgeSeconds; halfLife = c.halfLifeSeconds; calc = c.calcPeriodSeconds;
            reset = c.resetPeriod; favorSmall = c.favorSmall;
            flags = c.flags.isEmpty() ? EnumSet.noneOf(PriorityFlag.class) : EnumSet.copyOf(c.flags);
            damp = c.dampeningFactor;
        }

        public Builder weightAge(long w) { age = w; return this; }
        public Builder weightAssoc(long w) { assoc = w; return this; }
        public Builder weightFairshare(long w) { fs = w; return this; }
        public Builder weightJobSize(long w) { js = w; return this; }
        public Builder weightPartition(long w) { part = w; return this; }
        public Builder weightQos(long w) { qos = w; return this; }
        public Builder weightTres(String name, double w) { tres.put(name, w); return this; }
        public Builder maxAge(long s) { maxAge = s; return this; }
        public Builder halfLife(long s) { halfLife = s; return this; }
        public Builder calcPeriod(long s) { calc = s; return this; }
        public Builder resetPeriod(ResetPeriod r) { reset = r; return this; }
        public Builder favorSmall(boolean b) { favorSmall = b; return this; }
        public Builder flag(PriorityFlag f) { flags.add(f); return this; }
        /** Sets or clears one flag. */
        public Builder flag(PriorityFlag f, boolean on) { if (on) flags.add(f); else flags.remove(f); return this; }
        /** All TRES weights at once (replacing the ones set). */
        public Builder weightTres(Map<String, Double> w) { tres = new TreeMap<>(w); return this; }
        public Builder dampeningFactor(int d) { damp = d; return this; }

        public PriorityConfig build() {
            return new PriorityConfig(age, assoc, fs, js, part, qos, tres, maxAge, halfLife, calc, reset, favorSmall, flags, damp);
        }
    }
}
