package org.preemptlab.app.gui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.time.Durations;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.preempt.VictimOrder;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.slurmsched.BackfillPlans;

/**
 * The editor's preemption section: victim order, PreemptExemptTime, GraceTime, requeue position,
 * QOS tiers and escalation chains, the checkpoint cost model, the parameters of Niu et al.'s
 * aggressive-checkpoint scheduler and the slurm scheduler's backfill plans. Text fields keep what the user typed; a value that does not
 * parse never reaches the draft, and its message is published next to the field and reported to
 * the editor as one of the scenario's problems (at the field's {@link Field#path()}), so the
 * scenario is not ready to run until the text is fixed or the field is reset. Every accepted
 * change is one undoable step on the editor's {@link CommandStack}.
 */
public final class PreemptionViewModel {

    /** The free-text fields of the section, each with its path in the scenario format (where its problems are listed). */
    public enum Field {
        EXEMPT("preemption.exemptSeconds"),
        GRACE("preemption.graceSeconds"),
        DEFAULT_CHAIN("preemption.defaultChain"),
        CHECKPOINT_SECONDS("preemption.checkpoint.checkpointSeconds"),
        RESTART_SECONDS("preemption.checkpoint.restartSeconds"),
        STORAGE("preemption.checkpoint.storageMBps"),
        P("policy.p"),
        THRESHOLD("policy.thresholdSeconds"),
        EXTEND("policy.extendSeconds"),
        /** The QOS table: a tier, a chain or a new QOS name. */
        QOS("preemption.tiers");

        private final String path;

        Field(String path) {
            this.path = path;
        }

        /** Where the field's value lives in a scenario file, e.g. {@code preemption.defaultChain}. */
        public String path() {
            return path;
        }
    }

    /** One QOS class: its tier (null: none, i.e. 0) and its own chain (empty: the default chain). */
    public record QosRow(String qos, Integer tier, List<PreemptMechanism> chain) {
        public QosRow {
            chain = List.copyOf(chain);
        }

        public String chainText() {
            return chainText(chain);
        }

        public static String chainText(List<PreemptMechanism> chain) {
            return String.join(", ", chain.stream().map(PreemptMechanism::label).toList());
        }
    }

    /** Niu et al.'s T_chk = T_restart, used when switching to the fixed model with nothing typed yet. */
    static final long DEFAULT_FIXED_SECONDS = 215;

    private final EditorViewModel editor;
    private final Map<Field, StringProperty> texts = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyBooleanWrapper aggressive = new ReadOnlyBooleanWrapper(this, "aggressive", false);
    private final ReadOnlyBooleanWrapper imageModel = new ReadOnlyBooleanWrapper(this, "imageModel", true);
    private final ReadOnlyBooleanWrapper slurm = new ReadOnlyBooleanWrapper(this, "slurm", false);
    private boolean applying;

    PreemptionViewModel(EditorViewModel editor) {
        this.editor = editor;
        for (Field f : Field.values()) {
            texts.put(f, new SimpleStringProperty(this, f.name().toLowerCase(Locale.ROOT), ""));
            ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, f.name().toLowerCase(Locale.ROOT) + "Error", "");
            // a message beside a field is one of the scenario's problems: Run must not use the previous value
            error.addListener((o, a, b) -> editor.reportInput(f.path(), b));
            errors.put(f, error);
        }
        editor.draftProperty().addListener((o, a, b) -> {
            if (!applying) sync();
        });
        sync();
    }

    // ---------------------------------------------------------------- state for the view

    /** What is typed in a field (the view binds its text field to it). */
    public StringProperty textProperty(Field f) {
        return texts.get(f);
    }

    /** The problem with what is typed in a field; empty when it is fine. */
    public ReadOnlyStringProperty errorProperty(Field f) {
        return errors.get(f).getReadOnlyProperty();
    }

    public String error(Field f) {
        return errors.get(f).get();
    }

    /** True when the scheduler is aggressive-checkpoint (its p, t_thr, T_extend and kill variant apply). */
    public ReadOnlyBooleanProperty aggressiveProperty() {
        return aggressive.getReadOnlyProperty();
    }

    /** True when the scheduler is slurm (its backfill plans apply). */
    public ReadOnlyBooleanProperty slurmProperty() {
        return slurm.getReadOnlyProperty();
    }

    /** True for the image-size checkpoint model, false for fixed checkpoint/restart times. */
    public ReadOnlyBooleanProperty imageModelProperty() {
        return imageModel.getReadOnlyProperty();
    }

    /** The editor's draft (the view refreshes its choices from it). */
    public ReadOnlyObjectProperty<ScenarioDraft> draftProperty() {
        return editor.draftProperty();
    }

    public PreemptionRules rules() {
        return editor.draft().rules();
    }

    public PreemptionSettings settings() {
        return editor.draft().settings();
    }

    public SchedulerSpec scheduler() {
        return editor.draft().scheduler();
    }

    /** Every QOS named in the tiers or the chains, highest tier first. */
    public List<QosRow> qosRows() {
        PreemptionRules r = rules();
        TreeSet<String> names = new TreeSet<>(r.tiers().keySet());
        names.addAll(r.chains().keySet());
        List<QosRow> rows = new ArrayList<>();
        for (String q : names) rows.add(new QosRow(q, r.tiers().get(q), r.chains().getOrDefault(q, List.of())));
        rows.sort(Comparator.comparing((QosRow row) -> row.tier() == null ? 0 : row.tier()).reversed()
                .thenComparing(QosRow::qos));
        return rows;
    }

    // ---------------------------------------------------------------- choices

    public void setVictimOrder(VictimOrder order) {
        if (order == null) return;
        PreemptionRules r = rules();
        apply("change victim order", editor.draft().withRules(new PreemptionRules(r.ownerPreemption(), r.qosPreemption(),
                r.tiers(), order, r.exemptSeconds(), r.chains(), r.defaultChain())));
    }

    public void setRequeueAtHead(boolean head) {
        apply(head ? "requeue at head" : "requeue in priority order", editor.draft().withSettings(settings().withRequeueAtHead(head)));
    }

    /** Switches the checkpoint cost model; the fixed model takes the typed times when they are valid. */
    public void setImageModel(boolean image) {
        if (image) {
            apply("use image-size checkpoint model", editor.draft().withSettings(settings().withCost(CheckpointCost.imageSize())));
            return;
        }
        if (!settings().cost().imageModel()) return;
        long chk = orDefault(Field.CHECKPOINT_SECONDS);
        long restart = orDefault(Field.RESTART_SECONDS);
        apply("use fixed checkpoint times", editor.draft().withSettings(settings().withCost(CheckpointCost.fixed(chk, restart))));
        sync();
    }

    public void setKillInstead(boolean kill) {
        SchedulerSpec s = scheduler();
        if (!s.hasParameters()) return;
        apply(kill ? "use kill variant" : "use checkpoint variant",
                editor.draft().withScheduler(SchedulerSpec.aggressiveCheckpoint(s.p(), s.thresholdSeconds(), s.extendSeconds(), kill)));
    }

    /**
     * The slurm scheduler's backfill plans ({@code policy.backfillPlans}): Slurm's whole-node plans (the default) or plans of
     * the jobs' own resources; nothing for another scheduler, which has none.
     */
    public void setBackfillPlans(BackfillPlans plans) {
        SchedulerSpec s = scheduler();
        if (plans == null || s.kind() != SchedulerKind.SLURM || plans == s.backfillPlans()) return;
        apply("backfill plans: " + plans.label(), editor.draft().withScheduler(s.withBackfillPlans(plans)));
    }

    // ---------------------------------------------------------------- text fields

    public boolean setExempt(String text) {
        return setText(Field.EXEMPT, text);
    }

    public boolean setGrace(String text) {
        return setText(Field.GRACE, text);
    }

    public boolean setDefaultChain(String text) {
        return setText(Field.DEFAULT_CHAIN, text);
    }

    public boolean setCheckpointSeconds(String text) {
        return setText(Field.CHECKPOINT_SECONDS, text);
    }

    public boolean setRestartSeconds(String text) {
        return setText(Field.RESTART_SECONDS, text);
    }

    public boolean setStorage(String text) {
        return setText(Field.STORAGE, text);
    }

    public boolean setP(String text) {
        return setText(Field.P, text);
    }

    public boolean setThreshold(String text) {
        return setText(Field.THRESHOLD, text);
    }

    public boolean setExtend(String text) {
        return setText(Field.EXTEND, text);
    }

    private boolean setText(Field f, String text) {
        texts.get(f).set(text == null ? "" : text);
        return commit(f);
    }

    /**
     * Reads what is typed in {@code f} into the draft (the view calls it on Enter and when the
     * field loses focus). False, with the message beside the field, when the text is not valid.
     */
    public boolean commit(Field f) {
        String text = texts.get(f).get().strip();
        try {
            ScenarioDraft d = editor.draft();
            PreemptionRules r = rules();
            PreemptionSettings s = settings();
            SchedulerSpec sch = scheduler();
            switch (f) {
                case EXEMPT -> apply("change PreemptExemptTime", d.withRules(new PreemptionRules(r.ownerPreemption(),
                        r.qosPreemption(), r.tiers(), r.victimOrder(), duration(text, "PreemptExemptTime"), r.chains(), r.defaultChain())));
                case GRACE -> apply("change GraceTime", d.withSettings(s.withGrace(duration(text, "GraceTime"))));
                case DEFAULT_CHAIN -> apply("change default chain", d.withRules(new PreemptionRules(r.ownerPreemption(),
                        r.qosPreemption(), r.tiers(), r.victimOrder(), r.exemptSeconds(), r.chains(), parseChain(text))));
                case CHECKPOINT_SECONDS, RESTART_SECONDS -> {
                    long v = duration(text, f == Field.CHECKPOINT_SECONDS ? "checkpoint time" : "restart time");
                    if (s.cost().imageModel()) {
                        throw new IllegalArgumentException("applies to the fixed model; the image model computes it from the jobs' image size");
                    }
                    CheckpointCost c = f == Field.CHECKPOINT_SECONDS ? CheckpointCost.fixed(v, s.cost().restartSeconds())
                            : CheckpointCost.fixed(s.cost().checkpointSeconds(), v);
                    apply(f == Field.CHECKPOINT_SECONDS ? "change checkpoint time" : "change restart time", d.withSettings(s.withCost(c)));
                }
                case STORAGE -> {
                    double mbps = number(text, "storage bandwidth");
                    apply("change storage bandwidth", d.withSettings(new PreemptionSettings(s.graceSeconds(), s.requeueAtHead(), s.cost(), mbps)));
                }
                case P, THRESHOLD, EXTEND -> {
                    if (!sch.hasParameters()) throw new IllegalArgumentException("applies to the aggressive-checkpoint scheduler only");
                    double p = f == Field.P ? number(text, "p") : sch.p();
                    long thr = f == Field.THRESHOLD ? duration(text, "t_thr") : sch.thresholdSeconds();
                    long ext = f == Field.EXTEND ? duration(text, "T_extend") : sch.extendSeconds();
                    apply("change " + (f == Field.P ? "p" : f == Field.THRESHOLD ? "t_thr" : "T_extend"),
                            d.withScheduler(SchedulerSpec.aggressiveCheckpoint(p, thr, ext, sch.killInstead())));
                }
                case QOS -> throw new IllegalArgumentException("use addQos, setTier or setChain");
            }
        } catch (IllegalArgumentException e) {
            errors.get(f).set(e.getMessage());
            return false;
        }
        errors.get(f).set("");
        return true;
    }

    // ---------------------------------------------------------------- QOS table

    /** Adds a QOS class at tier 0 with the default chain. */
    public boolean addQos(String name) {
        String q = name == null ? "" : name.strip();
        if (q.isEmpty() || !q.matches("[A-Za-z0-9_.-]+")) return qosError("\"" + q + "\" is not a QOS name; use letters, digits, - _ .");
        if (qosRows().stream().anyMatch(row -> row.qos().equals(q))) return qosError("QOS " + q + " is already listed");
        Map<String, Integer> tiers = new LinkedHashMap<>(rules().tiers());
        tiers.put(q, 0);
        return editQos("add QOS " + q, tiers, rules().chains());
    }

    public boolean removeQos(String qos) {
        Map<String, Integer> tiers = new LinkedHashMap<>(rules().tiers());
        Map<String, List<PreemptMechanism>> chains = new LinkedHashMap<>(rules().chains());
        tiers.remove(qos);
        chains.remove(qos);
        return editQos("remove QOS " + qos, tiers, chains);
    }

    /** The QOS's priority tier, an integer (higher preempts lower); blank removes it (tier 0). */
    public boolean setTier(String qos, String text) {
        String t = text == null ? "" : text.strip();
        Map<String, Integer> tiers = new LinkedHashMap<>(rules().tiers());
        if (t.isEmpty()) {
            tiers.remove(qos);
        } else {
            try {
                tiers.put(qos, Integer.parseInt(t));
            } catch (NumberFormatException e) {
                return qosError("tier of " + qos + ": \"" + t + "\" is not a whole number");
            }
        }
        return editQos("change tier of " + qos, tiers, rules().chains());
    }

    /** The QOS's own escalation chain, e.g. "suspend, checkpoint, kill"; blank: it uses the default chain. */
    public boolean setChain(String qos, String text) {
        String t = text == null ? "" : text.strip();
        Map<String, List<PreemptMechanism>> chains = new LinkedHashMap<>(rules().chains());
        if (t.isEmpty()) {
            chains.remove(qos);
        } else {
            try {
                chains.put(qos, parseChain(t));
            } catch (IllegalArgumentException e) {
                return qosError("chain of " + qos + ": " + e.getMessage());
            }
        }
        return editQos("change chain of " + qos, rules().tiers(), chains);
    }

    private boolean editQos(String label, Map<String, Integer> tiers, Map<String, List<PreemptMechanism>> chains) {
        PreemptionRules r = rules();
        apply(label, editor.draft().withRules(new PreemptionRules(r.ownerPreemption(), r.qosPreemption(), tiers, r.victimOrder(),
                r.exemptSeconds(), chains, r.defaultChain())));
        errors.get(Field.QOS).set("");
        return true;
    }

    private boolean qosError(String message) {
        errors.get(Field.QOS).set(message);
        return false;
    }

    // ---------------------------------------------------------------- parsing

    /** "suspend, checkpoint, requeue, kill" (commas, spaces or arrows between). */
    public static List<PreemptMechanism> parseChain(String text) {
        List<String> words = Arrays.stream(text.split("[,\\s>→]+")).filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) throw new IllegalArgumentException("needs at least one mechanism: suspend, checkpoint, requeue, kill");
        return words.stream().map(PreemptMechanism::parse).toList();
    }

    private static long duration(String text, String what) {
        if (text.startsWith("-")) throw new IllegalArgumentException(what + " is " + text + "; must be ≥ 0");
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": \"" + text + "\" is not a duration (" + e.getMessage() + "); " + Durations.FORMS);
        }
    }

    private static double number(String text, String what) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": \"" + text + "\" is not a number");
        }
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + ": \"" + text + "\" is not a number");
        return v;
    }

    private long orDefault(Field f) {
        try {
            return Durations.parse(texts.get(f).get().strip());
        } catch (IllegalArgumentException e) {
            return DEFAULT_FIXED_SECONDS;
        }
    }

    // ---------------------------------------------------------------- draft

    /** One undo step; model constructors reject what is out of range (p = 0, storage ≤ 0) before this. */
    private void apply(String label, ScenarioDraft next) {
        applying = true;
        try {
            editor.applyEdit(label, next);
        } finally {
            applying = false;
        }
        refreshFlags();
    }

    /** Shows the draft's values in every field (another edit, undo, redo or a newly opened file). */
    public void sync() {
        PreemptionRules r = rules();
        PreemptionSettings s = settings();
        SchedulerSpec sch = scheduler();
        set(Field.EXEMPT, Durations.format(r.exemptSeconds()));
        set(Field.GRACE, Durations.format(s.graceSeconds()));
        set(Field.DEFAULT_CHAIN, QosRow.chainText(r.defaultChain()));
        if (!s.cost().imageModel()) {
            set(Field.CHECKPOINT_SECONDS, Durations.format(s.cost().checkpointSeconds()));
            set(Field.RESTART_SECONDS, Durations.format(s.cost().restartSeconds()));
        } else if (texts.get(Field.CHECKPOINT_SECONDS).get().isEmpty()) {
            set(Field.CHECKPOINT_SECONDS, Durations.format(DEFAULT_FIXED_SECONDS));
            set(Field.RESTART_SECONDS, Durations.format(DEFAULT_FIXED_SECONDS));
        }
        set(Field.STORAGE, number(s.storageMBps()));
        set(Field.P, number(sch.p()));
        set(Field.THRESHOLD, Durations.format(sch.thresholdSeconds()));
        set(Field.EXTEND, Durations.format(sch.extendSeconds()));
        for (ReadOnlyStringWrapper e : errors.values()) e.set("");
        refreshFlags();
    }

    private void set(Field f, String value) {
        texts.get(f).set(value);
    }

    private void refreshFlags() {
        aggressive.set(scheduler().hasParameters());
        slurm.set(scheduler().kind() == SchedulerKind.SLURM);
        imageModel.set(settings().cost().imageModel());
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
