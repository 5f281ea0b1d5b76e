package org.preemptlab.app.gui.site;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;
import org.preemptlab.app.gui.site.SiteText.Bare;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.partition.Partition;
import org.preemptlab.qos.PreemptMode;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.site.Site;

/**
 * The QOS page: every QOS (by name, as {@code sacctmgr show qos} lists them), the selected one's
 * priority, preemption ({@code Preempt}, {@code PreemptMode}, {@code GraceTime},
 * {@code PreemptExemptTime}), {@code UsageFactor} and limits. Renaming a QOS renames it wherever the
 * site names it (Preempt lists, partitions' AllowQos, associations); removing one that is still
 * named is refused, naming where.
 */
public final class QosViewModel extends SitePageViewModel<QosViewModel.Field> {

    /** The typed settings of a QOS. */
    public enum Field implements SlurmField {
        NAME("Name"), PRIORITY("Priority"), PREEMPT("Preempt"), GRACE_TIME("GraceTime"),
        PREEMPT_EXEMPT_TIME("PreemptExemptTime"), USAGE_FACTOR("UsageFactor"), MAX_WALL("MaxWall"),
        MAX_TRES_PER_JOB("MaxTRESPerJob"), MAX_TRES_PER_USER("MaxTRESPerUser"), MAX_JOBS_PER_USER("MaxJobsPerUser"),
        MAX_SUBMIT_JOBS_PER_USER("MaxSubmitJobsPerUser"), GRP_TRES("GrpTRES"), GRP_JOBS("GrpJobs"),
        GRP_SUBMIT_JOBS("GrpSubmitJobs");

        private final String slurm;

        Field(String slurm) {
            this.slurm = slurm;
        }

        @Override
        public String slurmName() {
            return slurm;
        }
    }

    private final ObjectProperty<String> selected = new SimpleObjectProperty<>(this, "selected");

    QosViewModel(SiteEditorViewModel editor) {
        super(editor, Field.class);
        Site s = editor.site();
        if (s != null && !s.qos().names().isEmpty()) selected.set(s.qos().names().iterator().next());
        selected.addListener((o, a, b) -> reset());
        reset();
    }

    /** The selected QOS's name; null for none. */
    public ObjectProperty<String> selectedProperty() {
        return selected;
    }

    public List<Qos> rows() {
        Site s = editor.site();
        return s == null ? List.of() : s.qos().all();
    }

    public Qos selectedQos() {
        Site s = editor.site();
        return s == null || selected.get() == null ? null : s.qos().get(selected.get());
    }

    public void setPreemptMode(PreemptMode m) {
        act(s -> table(s, current(s).withPreemptMode(m), current(s).name()));
    }

    // ---------------------------------------------------------------- structure

    /** Adds a QOS (priority 0, nothing set) and selects it. */
    public boolean add() {
        Site s = editor.site();
        if (s == null) return false;
        String name = "qos" + (s.qos().names().size() + 1);
        for (int n = s.qos().names().size() + 2; s.qos().contains(name); n++) name = "qos" + n;
        String chosen = name;
        boolean done = act(x -> table(x, Qos.of(chosen, 0), null));
        if (done) selected.set(chosen);
        return done;
    }

    /** Removes the selected QOS unless something still names it, or it is the last one. */
    public boolean remove() {
        Site s = editor.site();
        if (s == null || !hasRow(s)) return false;
        String name = selected.get();
        boolean done = act(x -> {
            List<String> users = references(x, name);
            if (!users.isEmpty()) throw new Refused("qos[" + name + "]: still named by " + String.join(", ", users));
            if (x.qos().names().size() == 1) throw new Refused("qos[" + name + "]: the only QOS; jobs need one");
            QosTable.Builder b = QosTable.builder();
            for (Qos q : x.qos().all()) if (!q.name().equals(name)) b.add(q);
            return x.toBuilder().qos(b.build()).build();
        });
        if (done) selected.set(editor.site().qos().names().iterator().next());
        return done;
    }

    /** Where the site names QOS {@code name}, in Slurm terms. */
    static List<String> references(Site s, String name) {
        List<String> out = new ArrayList<>();
        for (Qos q : s.qos().all()) if (q.preempt().contains(name)) out.add("qos[" + q.name() + "].Preempt");
        for (int i = 0; i < s.partitions().size(); i++) {
            Partition p = s.partitions().get(i);
            if (p.allowQos().contains(name)) out.add("partitions[" + i + "] " + p.name() + ".AllowQos");
        }
        AccountTree t = s.accounts();
        for (AssocKey k : t.keys()) {
            Association a = t.get(k);
            if (name.equals(a.defaultQos())) out.add(k.path() + ".DefaultQOS");
            if (a.allowedQos().contains(name)) out.add(k.path() + ".QOS");
        }
        return out;
    }

    // ---------------------------------------------------------------- fields

    private Qos current(Site s) {
        Qos q = selected.get() == null ? null : s.qos().get(selected.get());
        if (q == null) throw new Refused("no QOS is selected");
        return q;
    }

    @Override
    String show(Field f, Site site) {
        Qos q = site.qos().get(selected.get());
        LimitSet l = q.limits();
        return switch (f) {
            case NAME -> q.name();
            case PRIORITY -> Integer.toString(q.priority());
            case PREEMPT -> SiteText.names(new TreeSet<>(q.preempt()), "");
            case GRACE_TIME -> SiteText.duration(q.graceSeconds(), "0 s");
            case PREEMPT_EXEMPT_TIME -> SiteText.duration(q.exemptSeconds(), "NONE");
            case USAGE_FACTOR -> SiteText.number(q.usageFactor());
            case MAX_WALL -> SiteText.duration(l.maxWallSeconds(), "");
            case MAX_TRES_PER_JOB -> SiteText.tres(l.maxTresPerJob());
            case MAX_TRES_PER_USER -> SiteText.tres(l.maxTresPerUser());
            case MAX_JOBS_PER_USER -> SiteText.count(l.maxJobsPerUser(), "");
            case MAX_SUBMIT_JOBS_PER_USER -> SiteText.count(l.maxSubmitJobsPerUser(), "");
            case GRP_TRES -> SiteText.tres(l.grpTres());
            case GRP_JOBS -> SiteText.count(l.grpJobs(), "");
            case GRP_SUBMIT_JOBS -> SiteText.count(l.grpSubmitJobs(), "");
        };
    }

    @Override
    Site apply(Field f, String text, Site site) {
        Qos q = current(site);
        LimitSet l = q.limits();
        if (f == Field.NAME) return rename(site, q, SiteText.name(text));
        Qos next = switch (f) {
            case NAME -> q;
            case PRIORITY -> q.withPriority((int) SiteText.count(text, 0, Integer.MAX_VALUE));
            case PREEMPT -> {
                List<String> names = SiteText.names(text, false);
                for (String n : names) {
                    if (n.equals(q.name())) throw new Refused("a QOS cannot preempt itself");
                    if (!site.qos().contains(n)) throw new Refused("\"" + n + "\": no such QOS");
                }
                yield q.withPreempt(new TreeSet<>(names));
            }
            case GRACE_TIME -> q.withGraceSeconds(SiteText.duration(text, Bare.SECONDS, 0, null));
            case PREEMPT_EXEMPT_TIME -> q.withExemptSeconds(SiteText.duration(text, Bare.MINUTES, 0, "NONE"));
            case USAGE_FACTOR -> q.withUsageFactor(SiteText.decimal(text, 0));
            case MAX_WALL -> q.withLimits(l.withMaxWall(SiteText.duration(text, Bare.MINUTES, 1, "")));
            case MAX_TRES_PER_JOB -> q.withLimits(l.withMaxTresPerJob(SiteText.tres(text)));
            case MAX_TRES_PER_USER -> q.withLimits(l.withMaxTresPerUser(SiteText.tres(text)));
            case MAX_JOBS_PER_USER -> q.withLimits(l.withMaxJobsPerUser(SiteText.count(text, 0, "")));
            case MAX_SUBMIT_JOBS_PER_USER -> q.withLimits(l.withMaxSubmitJobsPerUser(SiteText.count(text, 0, "")));
            case GRP_TRES -> q.withLimits(l.withGrpTres(SiteText.tres(text)));
            case GRP_JOBS -> q.withLimits(l.withGrpJobs(SiteText.count(text, 0, "")));
            case GRP_SUBMIT_JOBS -> q.withLimits(l.withGrpSubmitJobs(SiteText.count(text, 0, "")));
        };
        return table(site, next, q.name());
    }

    /** The site with {@code q} in place of {@code replaced} (null: added); {@link Refused} with the table's first problem. */
    private static Site table(Site s, Qos q, String replaced) {
        QosTable.Builder b = QosTable.builder();
        for (Qos x : s.qos().all()) if (!x.name().equals(replaced)) b.add(x);
        b.add(q);
        List<String> problems = b.problems();
        if (!problems.isEmpty()) throw new Refused(problems.get(0));
        return s.toBuilder().qos(b.build()).build();
    }

    private Site rename(Site s, Qos q, String to) {
        String from = q.name();
        if (to.equals(from)) return s;
        if (s.qos().contains(to)) throw new Refused("qos[" + to + "] has that name");
        QosTable.Builder b = QosTable.builder();
        for (Qos x : s.qos().all()) {
            Qos y = x.name().equals(from) ? x.withName(to) : x;
            if (y.preempt().contains(from)) y = y.withPreempt(new TreeSet<>(swap(y.preempt(), from, to)));
            b.add(y);
        }
        List<Partition> ps = new ArrayList<>();
        for (Partition p : s.partitions()) {
            ps.add(p.allowQos().contains(from) ? p.toBuilder().allowQos(swap(p.allowQos(), from, to)).build() : p);
        }
        AccountTree.Builder tb = AccountTree.builder();
        for (AssocKey k : s.accounts().keys()) {
            Association a = s.accounts().get(k);
            if (from.equals(a.defaultQos())) a = a.withDefaultQos(to);
            if (a.allowedQos().contains(from)) a = a.withAllowedQos(new TreeSet<>(swap(a.allowedQos(), from, to)));
            tb.add(a);
        }
        Site next = s.toBuilder().qos(b.build()).partitions(ps).accounts(tb.build()).build();
        selectAfterRename = to;
        return next;
    }

    private String selectAfterRename;

    @Override
    public boolean commit(Field f) {
        selectAfterRename = null;
        boolean done = super.commit(f);
        if (done && selectAfterRename != null) selected.set(selectAfterRename);
        return done;
    }

    private static List<String> swap(java.util.Collection<String> names, String from, String to) {
        List<String> out = new ArrayList<>();
        for (String n : names) out.add(n.equals(from) ? to : n);
        return out;
    }

    @Override
    String place(Site site) {
        return selected.get() == null ? "qos" : "qos[" + selected.get() + "]";
    }

    @Override
    boolean hasRow(Site site) {
        return selected.get() != null && site.qos().contains(selected.get());
    }

    @Override
    void selectionAfterReplace(Site site) {
        if (!hasRow(site)) selected.set(site.qos().names().isEmpty() ? null : site.qos().names().iterator().next());
    }
}
