package org.preemptlab.app.gui.site;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.preemptlab.account.AssocKey;
import org.preemptlab.app.gui.site.SiteText.Bare;
import org.preemptlab.partition.OverSubscribe;
import org.preemptlab.partition.Partition;
import org.preemptlab.partition.PartitionState;
import org.preemptlab.qos.PreemptMode;
import org.preemptlab.site.Site;

/**
 * The partitions page: the partitions in file order (the order jobs without a partition and ties
 * between tiers see them), the selected one's settings, add / remove / reorder. Times are shown as
 * {@code 1 d 2 h} and read in Slurm's forms too ({@code 1-00:00:00}; a bare number is minutes, as in
 * slurm.conf).
 */
public final class PartitionsViewModel extends SitePageViewModel<PartitionsViewModel.Field> {

    /** The typed settings of a partition. */
    public enum Field implements SlurmField {
        NAME("PartitionName"), NODES("Nodes"), PRIORITY_TIER("PriorityTier"), PRIORITY_JOB_FACTOR("PriorityJobFactor"),
        MAX_TIME("MaxTime"), DEFAULT_TIME("DefaultTime"), MAX_NODES("MaxNodes"), ALLOW_ACCOUNTS("AllowAccounts"),
        DENY_ACCOUNTS("DenyAccounts"), ALLOW_QOS("AllowQos");

        private final String slurm;

        Field(String slurm) {
            this.slurm = slurm;
        }

        @Override
        public String slurmName() {
            return slurm;
        }
    }

    /** Slurm's largest PriorityTier / PriorityJobFactor (uint16, less its reserved values). */
    static final long MAX_UINT16 = 65533;

    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);

    PartitionsViewModel(SiteEditorViewModel editor) {
        super(editor, Field.class);
        Site s = editor.site();
        if (s != null) selected.set(0);
        selected.addListener((o, a, b) -> reset());
        reset();
    }

    /** The partitions, in order. */
    public List<Partition> rows() {
        Site s = editor.site();
        return s == null ? List.of() : s.partitions();
    }

    /** The index of the selected partition; -1 for none. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public Partition selectedPartition() {
        Site s = editor.site();
        return s == null || !hasRow(s) ? null : s.partitions().get(selected.get());
    }

    // ---------------------------------------------------------------- choices

    /** {@code Default=YES} on the selected partition; Slurm has one default, so the others lose theirs. */
    public void setDefault(boolean on) {
        act(s -> {
            int i = index(s);
            List<Partition> ps = new ArrayList<>(s.partitions());
            for (int k = 0; k < ps.size(); k++) {
                Partition p = ps.get(k);
                boolean want = k == i ? on : (on ? false : p.isDefault());
                if (p.isDefault() != want) ps.set(k, p.toBuilder().isDefault(want).build());
            }
            return s.toBuilder().partitions(ps).build();
        });
    }

    public void setState(PartitionState state) {
        edit(p -> p.toBuilder().state(state).build());
    }

    public void setOverSubscribe(OverSubscribe o) {
        edit(p -> p.overSubscribe() == o ? p : p.toBuilder().overSubscribe(o).build()); // a new mode takes its default count (FORCE: 4)
    }

    /** The partition's PreemptMode; null: the cluster's. */
    public void setPreemptMode(PreemptMode m) {
        edit(p -> p.toBuilder().preemptMode(m).build());
    }

    private void edit(java.util.function.UnaryOperator<Partition> change) {
        act(s -> replace(s, index(s), change.apply(s.partitions().get(index(s)))));
    }

    // ---------------------------------------------------------------- structure

    /** Adds a partition over the selected one's node groups (UP, no limits), after it, and selects it. */
    public boolean add() {
        Site s = editor.site();
        if (s == null) return false;
        int at = hasRow(s) ? selected.get() : s.partitions().size() - 1;
        String name = freeName(s);
        boolean done = act(x -> {
            List<Partition> ps = new ArrayList<>(x.partitions());
            ps.add(at + 1, Partition.of(name, x.partitions().get(Math.max(at, 0)).groups()));
            return x.toBuilder().partitions(ps).build();
        });
        if (done) selected.set(at + 1);
        return done;
    }

    /** Removes the selected partition (not the last one: a site needs one). */
    public boolean remove() {
        Site s = editor.site();
        if (s == null || !hasRow(s)) return false;
        int i = selected.get();
        boolean done = act(x -> {
            if (x.partitions().size() == 1) throw new Refused(place(x) + ": the only partition; a Slurm site needs at least one");
            List<Partition> ps = new ArrayList<>(x.partitions());
            ps.remove(i);
            return x.toBuilder().partitions(ps).build();
        });
        if (done) {
            selected.set(Math.min(i, rows().size() - 1));
            reset();
        }
        return done;
    }

    /** Moves the selected partition one place up (-1) or down (+1). */
    public boolean move(int by) {
        Site s = editor.site();
        if (s == null || !hasRow(s)) return false;
        int i = selected.get();
        int j = i + by;
        if (j < 0 || j >= s.partitions().size()) return false;
        boolean done = act(x -> {
            List<Partition> ps = new ArrayList<>(x.partitions());
            ps.add(j, ps.remove(i));
            return x.toBuilder().partitions(ps).build();
        });
        if (done) selected.set(j);
        return done;
    }

    private static String freeName(Site s) {
        for (int n = s.partitions().size() + 1; ; n++) {
            String name = "part" + n;
            if (s.partition(name) == null) return name;
        }
    }

    // ---------------------------------------------------------------- fields

    @Override
    String show(Field f, Site site) {
        Partition p = site.partitions().get(selected.get());
        return switch (f) {
            case NAME -> p.name();
            case NODES -> String.join(",", p.groups());
            case PRIORITY_TIER -> Integer.toString(p.priorityTier());
            case PRIORITY_JOB_FACTOR -> Integer.toString(p.priorityJobFactor());
            case MAX_TIME -> SiteText.duration(p.maxTimeSeconds(), "UNLIMITED");
            case DEFAULT_TIME -> SiteText.duration(p.defaultTimeSeconds(), "NONE");
            case MAX_NODES -> SiteText.count(p.maxNodes(), "UNLIMITED");
            case ALLOW_ACCOUNTS -> SiteText.names(p.allowAccounts(), "ALL");
            case DENY_ACCOUNTS -> SiteText.names(p.denyAccounts(), "");
            case ALLOW_QOS -> SiteText.names(p.allowQos(), "ALL");
        };
    }

    @Override
    Site apply(Field f, String text, Site site) {
        int i = index(site);
        Partition p = site.partitions().get(i);
        Partition.Builder b = p.toBuilder();
        switch (f) {
            case NAME -> {
                String n = SiteText.name(text);
                Partition other = site.partition(n);
                if (other != null && other != p) throw new Refused("partitions[" + site.partitionIndex(n) + "] has that name");
                b.name(n);
            }
            case NODES -> {
                List<String> groups = SiteText.names(text, false);
                if (groups.isEmpty()) throw new Refused("a partition needs at least one node group");
                List<String> known = editor.nodeGroups();
                for (String g : groups) {
                    if (!known.isEmpty() && !known.contains(g)) {
                        throw new Refused("\"" + g + "\" is not a node group of the cluster (" + String.join(", ", known) + ")");
                    }
                }
                b.groups(groups);
            }
            case PRIORITY_TIER -> b.priorityTier((int) SiteText.count(text, 0, MAX_UINT16));
            case PRIORITY_JOB_FACTOR -> b.priorityJobFactor((int) SiteText.count(text, 0, MAX_UINT16));
            case MAX_TIME -> {
                long max = SiteText.duration(text, Bare.MINUTES, 1, "UNLIMITED");
                if (max > 0 && p.defaultTimeSeconds() > max) {
                    throw new Refused("shorter than DefaultTime " + SiteText.duration(p.defaultTimeSeconds(), "NONE"));
                }
                b.maxTimeSeconds(max);
            }
            case DEFAULT_TIME -> {
                long def = SiteText.duration(text, Bare.MINUTES, 1, "NONE");
                if (def > 0 && p.maxTimeSeconds() > 0 && def > p.maxTimeSeconds()) {
                    throw new Refused("longer than MaxTime " + SiteText.duration(p.maxTimeSeconds(), "UNLIMITED"));
                }
                b.defaultTimeSeconds(def);
            }
            case MAX_NODES -> b.maxNodes(SiteText.count(text, 1, "UNLIMITED"));
            case ALLOW_ACCOUNTS -> b.allowAccounts(accounts(text, true, site));
            case DENY_ACCOUNTS -> b.denyAccounts(accounts(text, false, site));
            case ALLOW_QOS -> {
                List<String> q = SiteText.names(text, true);
                for (String n : q) if (!site.qos().contains(n)) throw new Refused("\"" + n + "\": no such QOS");
                b.allowQos(q);
            }
        }
        return replace(site, i, b.build());
    }

    private static List<String> accounts(String text, boolean allMeansEmpty, Site site) {
        List<String> names = SiteText.names(text, allMeansEmpty);
        for (String n : names) {
            if (!site.accounts().contains(AssocKey.account(n))) throw new Refused("\"" + n + "\": no such account");
        }
        return names;
    }

    private static Site replace(Site s, int i, Partition p) {
        List<Partition> ps = new ArrayList<>(s.partitions());
        ps.set(i, p);
        return s.toBuilder().partitions(ps).build();
    }

    private int index(Site s) {
        if (!hasRow(s)) throw new Refused("no partition is selected");
        return selected.get();
    }

    @Override
    String place(Site site) {
        int i = selected.get();
        return hasRow(site) ? "partitions[" + i + "] " + site.partitions().get(i).name() : "partitions";
    }

    @Override
    boolean hasRow(Site site) {
        return selected.get() >= 0 && selected.get() < site.partitions().size();
    }

    @Override
    void selectionAfterReplace(Site site) {
        if (!hasRow(site)) selected.set(site.partitions().isEmpty() ? -1 : 0);
    }
}
