package org.preemptlab.app.gui.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.preemptlab.app.gui.site.SiteText.Bare;
import org.preemptlab.priority.PriorityConfig;
import org.preemptlab.priority.PriorityFlag;
import org.preemptlab.priority.ResetPeriod;
import org.preemptlab.site.Site;

/**
 * The priority page: {@code PriorityType} (basic = submit order, or multifactor), the factor
 * weights, {@code PriorityMaxAge}, {@code PriorityDecayHalfLife}, {@code PriorityCalcPeriod},
 * {@code PriorityFavorSmall}, Fair Tree or classic fair-share ({@code NO_FAIR_TREE}),
 * {@code FairShareDampeningFactor}, {@code PriorityUsageResetPeriod} and the other
 * {@code PriorityFlags}; and each weight's share of their total, which shows the factor that
 * dominates (every factor is between 0 and 1, so a job's priority is at most the sum of the weights).
 */
public final class PriorityViewModel extends SitePageViewModel<PriorityViewModel.Field> {

    /** The typed settings. */
    public enum Field implements SlurmField {
        WEIGHT_AGE("PriorityWeightAge"), WEIGHT_FAIRSHARE("PriorityWeightFairshare"),
        WEIGHT_JOB_SIZE("PriorityWeightJobSize"), WEIGHT_PARTITION("PriorityWeightPartition"),
        WEIGHT_QOS("PriorityWeightQOS"), WEIGHT_ASSOC("PriorityWeightAssoc"), WEIGHT_TRES("PriorityWeightTRES"),
        MAX_AGE("PriorityMaxAge"), DECAY_HALF_LIFE("PriorityDecayHalfLife"), CALC_PERIOD("PriorityCalcPeriod"),
        DAMPENING_FACTOR("FairShareDampeningFactor");

        private final String slurm;

        Field(String slurm) {
            this.slurm = slurm;
        }

        @Override
        public String slurmName() {
            return slurm;
        }
    }

    /** One weight and its share of all weights (0 when they are all 0). */
    public record WeightShare(String name, double weight, double share) {}

    PriorityViewModel(SiteEditorViewModel editor) {
        super(editor, Field.class);
        reset();
    }

    public PriorityConfig config() {
        Site s = editor.site();
        return s == null ? PriorityConfig.DEFAULTS : s.priority();
    }

    public boolean multifactor() {
        Site s = editor.site();
        return s != null && s.multifactor();
    }

    /** {@code PriorityType}: multifactor (true) or basic, submit order (false). */
    public void setMultifactor(boolean on) {
        act(s -> s.toBuilder().multifactor(on).build());
    }

    /** Fair Tree (true) or classic fair-share ({@code PriorityFlags=NO_FAIR_TREE}). */
    public void setFairTree(boolean on) {
        config(b -> b.flag(PriorityFlag.NO_FAIR_TREE, !on));
    }

    public void setFavorSmall(boolean on) {
        config(b -> b.favorSmall(on));
    }

    public void setResetPeriod(ResetPeriod r) {
        config(b -> b.resetPeriod(r));
    }

    /** Any other {@code PriorityFlags} value. */
    public void setFlag(PriorityFlag f, boolean on) {
        config(b -> b.flag(f, on));
    }

    private void config(UnaryOperator<PriorityConfig.Builder> change) {
        act(s -> s.toBuilder().priority(change.apply(s.priority().toBuilder()).build()).build());
    }

    /** Age, FairShare, JobSize, Partition, QOS, Assoc, then one per TRES weight, each with its share of the total. */
    public List<WeightShare> weightShares() {
        PriorityConfig c = config();
        List<String> names = new ArrayList<>(List.of("Age", "FairShare", "JobSize", "Partition", "QOS", "Assoc"));
        List<Double> w = new ArrayList<>(List.of((double) c.weightAge(), (double) c.weightFairshare(),
                (double) c.weightJobSize(), (double) c.weightPartition(), (double) c.weightQos(), (double) c.weightAssoc()));
        for (Map.Entry<String, Double> e : c.weightTres().entrySet()) {
            names.add("TRES " + e.getKey());
            w.add(e.getValue());
        }
        double total = w.stream().mapToDouble(Double::doubleValue).sum();
        List<WeightShare> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) out.add(new WeightShare(names.get(i), w.get(i), total > 0 ? w.get(i) / total : 0));
        return out;
    }

    /** The weight with the largest share (the first on a tie); empty when all are 0. */
    public String dominant() {
        WeightShare best = null;
        for (WeightShare s : weightShares()) if (s.weight() > 0 && (best == null || s.weight() > best.weight())) best = s;
        return best == null ? "" : best.name();
    }

    // ---------------------------------------------------------------- fields

    @Override
    String show(Field f, Site site) {
        PriorityConfig c = site.priority();
        return switch (f) {
            case WEIGHT_AGE -> Long.toString(c.weightAge());
            case WEIGHT_FAIRSHARE -> Long.toString(c.weightFairshare());
            case WEIGHT_JOB_SIZE -> Long.toString(c.weightJobSize());
            case WEIGHT_PARTITION -> Long.toString(c.weightPartition());
            case WEIGHT_QOS -> Long.toString(c.weightQos());
            case WEIGHT_ASSOC -> Long.toString(c.weightAssoc());
            case WEIGHT_TRES -> SiteText.weights(c.weightTres());
            case MAX_AGE -> SiteText.duration(c.maxAgeSeconds(), "");
            case DECAY_HALF_LIFE -> SiteText.duration(c.halfLifeSeconds(), "");
            case CALC_PERIOD -> SiteText.duration(c.calcPeriodSeconds(), "");
            case DAMPENING_FACTOR -> Integer.toString(c.dampeningFactor());
        };
    }

    @Override
    Site apply(Field f, String text, Site site) {
        PriorityConfig.Builder b = site.priority().toBuilder();
        long max = PriorityConfig.MAX_WEIGHT;
        switch (f) {
            case WEIGHT_AGE -> b.weightAge(SiteText.count(text, 0, max));
            case WEIGHT_FAIRSHARE -> b.weightFairshare(SiteText.count(text, 0, max));
            case WEIGHT_JOB_SIZE -> b.weightJobSize(SiteText.count(text, 0, max));
            case WEIGHT_PARTITION -> b.weightPartition(SiteText.count(text, 0, max));
            case WEIGHT_QOS -> b.weightQos(SiteText.count(text, 0, max));
            case WEIGHT_ASSOC -> b.weightAssoc(SiteText.count(text, 0, max));
            case WEIGHT_TRES -> b.weightTres(SiteText.weights(text, max));
            case MAX_AGE -> b.maxAge(SiteText.duration(text, Bare.MINUTES, 1, null));
            case DECAY_HALF_LIFE -> b.halfLife(SiteText.duration(text, Bare.MINUTES, 0, null));
            case CALC_PERIOD -> b.calcPeriod(SiteText.duration(text, Bare.MINUTES, 1, null));
            case DAMPENING_FACTOR -> b.dampeningFactor((int) SiteText.count(text, 1, Integer.MAX_VALUE));
        }
        PriorityConfig c;
        try {
            c = b.build();
        } catch (IllegalArgumentException e) {
            throw new Refused(e.getMessage());
        }
        return site.toBuilder().priority(c).build();
    }

    @Override
    String place(Site site) {
        return "priority";
    }

    @Override
    boolean hasRow(Site site) {
        return true;
    }
}
