package org.preemptlab.app.gui.site;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;
import org.preemptlab.app.gui.site.SiteText.Bare;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.priority.ClassicFairShare;
import org.preemptlab.priority.FairShareRow;
import org.preemptlab.priority.FairShareSnapshot;
import org.preemptlab.priority.FairTree;
import org.preemptlab.site.Site;

/**
 * The accounts page: the account tree (accounts, and users in them), the selected association's
 * {@code Fairshare}, {@code Priority}, QOS and limits, and its normalised share: of its siblings
 * (what Fair Tree compares at each level) and of the whole cluster (classic fair-share's product up
 * to root), both as the model's fair-share code computes them. Add an account or a user, remove
 * (with everything below), move under another account.
 */
public final class AccountsViewModel extends SitePageViewModel<AccountsViewModel.Field> {

    /** The typed settings of an association. */
    public enum Field implements SlurmField {
        SHARES("Fairshare"), PRIORITY("Priority"), DEFAULT_QOS("DefaultQOS"), QOS("QOS"), GRP_TRES("GrpTRES"),
        GRP_JOBS("GrpJobs"), GRP_SUBMIT_JOBS("GrpSubmitJobs"), MAX_JOBS("MaxJobs"), MAX_SUBMIT_JOBS("MaxSubmitJobs"),
        MAX_WALL("MaxWall"), MAX_TRES_PER_JOB("MaxTRESPerJob");

        private final String slurm;

        Field(String slurm) {
            this.slurm = slurm;
        }

        @Override
        public String slurmName() {
            return slurm;
        }
    }

    private final ObjectProperty<AssocKey> selected = new SimpleObjectProperty<>(this, "selected", AssocKey.ROOT);

    AccountsViewModel(SiteEditorViewModel editor) {
        super(editor, Field.class);
        selected.addListener((o, a, b) -> reset());
        reset();
    }

    /** The selected association; root at first. */
    public ObjectProperty<AssocKey> selectedProperty() {
        return selected;
    }

    /** The tree; null without a site. */
    public AccountTree tree() {
        Site s = editor.site();
        return s == null ? null : s.accounts();
    }

    /** {@code key}'s shares over its own and its siblings' (Fair Tree's S), 0 to 1; root 1. */
    public double siblingShare(AssocKey key) {
        FairShareRow r = FairTree.compute(tree(), k -> 0.0).row(key);
        return r == null ? 0 : r.normShares();
    }

    /** {@code key}'s share of the cluster: the product of the sibling shares up to root (classic fair-share's S). */
    public double clusterShare(AssocKey key) {
        FairShareSnapshot snap = ClassicFairShare.compute(tree(), k -> 0.0, 1);
        FairShareRow r = snap.row(key);
        return r == null ? 0 : r.normShares();
    }

    // ---------------------------------------------------------------- structure

    /** Adds account {@code name} under the selected account (a user's account; root if none), with Fairshare 1. */
    public boolean addAccount(String name) {
        AssocKey parent = accountOf(selected.get());
        AssocKey[] added = new AssocKey[1];
        boolean done = act(s -> {
            String n = SiteText.name(name);
            AssocKey k = AssocKey.account(n);
            if (s.accounts().contains(k)) throw new Refused(k.path() + ": already in the tree");
            added[0] = k;
            return with(s, all(s.accounts()), Association.account(n, parent.account(), 1));
        });
        if (done) selected.set(added[0]);
        return done;
    }

    /** Adds user {@code name} to the selected account (a user's account; root if none), with Fairshare 1. */
    public boolean addUser(String name) {
        AssocKey account = accountOf(selected.get());
        AssocKey[] added = new AssocKey[1];
        boolean done = act(s -> {
            String n = SiteText.name(name);
            AssocKey k = AssocKey.user(n, account.account());
            if (s.accounts().contains(k)) throw new Refused(k.path() + ": already in the tree");
            added[0] = k;
            return with(s, all(s.accounts()), Association.user(n, account.account(), 1));
        });
        if (done) selected.set(added[0]);
        return done;
    }

    /** Removes the selected association and everything under it (not root). */
    public boolean remove() {
        AssocKey k = selected.get();
        AssocKey parent = tree() == null ? null : tree().parent(k);
        boolean done = act(s -> {
            if (k.isRoot()) throw new Refused(k.path() + ": root cannot be removed");
            Set<AssocKey> gone = new HashSet<>();
            collect(s.accounts(), k, gone);
            List<Association> keep = new ArrayList<>();
            for (Association a : all(s.accounts())) if (!gone.contains(a.key())) keep.add(a);
            return s.toBuilder().accounts(build(keep)).build();
        });
        if (done) selected.set(parent == null ? AssocKey.ROOT : parent);
        return done;
    }

    /** Moves the selected account (with its subtree) or user under account {@code parent}. */
    public boolean move(String parent) {
        AssocKey k = selected.get();
        AssocKey[] moved = new AssocKey[1];
        boolean done = act(s -> {
            if (k.isRoot()) throw new Refused(k.path() + ": root cannot be moved");
            String p = parent == null ? "" : parent.strip();
            if (!s.accounts().contains(AssocKey.account(p))) throw new Refused(k.path() + ": \"" + p + "\" is not an account");
            Association a = s.accounts().get(k).withParent(p);
            if (!a.key().equals(k) && s.accounts().contains(a.key())) {
                throw new Refused(a.key().path() + ": already in the tree");
            }
            if (!k.isUser() && s.accounts().chain(AssocKey.account(p)).contains(k)) {
                throw new Refused(k.path() + ": cannot move under \"" + p + "\", which is in its own subtree");
            }
            moved[0] = a.key();
            List<Association> rest = new ArrayList<>();
            for (Association x : all(s.accounts())) if (!x.key().equals(k)) rest.add(x);
            return with(s, rest, a);
        });
        if (done) selected.set(moved[0]);
        return done;
    }

    /** Every account name, for the move choice. */
    public List<String> accountNames() {
        AccountTree t = tree();
        if (t == null) return List.of();
        List<String> out = new ArrayList<>();
        for (AssocKey k : t.keys()) if (!k.isUser()) out.add(k.account());
        return out;
    }

    private static void collect(AccountTree t, AssocKey k, Set<AssocKey> out) {
        out.add(k);
        for (AssocKey c : t.children(k)) collect(t, c, out);
    }

    private static AssocKey accountOf(AssocKey k) {
        return k == null ? AssocKey.ROOT : AssocKey.account(k.account());
    }

    private static List<Association> all(AccountTree t) {
        List<Association> out = new ArrayList<>();
        for (AssocKey k : t.keys()) out.add(t.get(k));
        return out;
    }

    private static Site with(Site s, List<Association> rest, Association extra) {
        List<Association> all = new ArrayList<>(rest);
        all.add(extra);
        return s.toBuilder().accounts(build(all)).build();
    }

    /** The tree of these associations; {@link Refused} with the tree's first problem. */
    private static AccountTree build(List<Association> all) {
        AccountTree.Builder b = AccountTree.builder();
        all.forEach(b::add);
        List<String> problems = b.problems();
        if (!problems.isEmpty()) throw new Refused(problems.get(0));
        return b.build();
    }

    // ---------------------------------------------------------------- fields

    @Override
    String show(Field f, Site site) {
        Association a = site.accounts().get(selected.get());
        LimitSet l = a.limits();
        return switch (f) {
            case SHARES -> Integer.toString(a.shares());
            case PRIORITY -> a.priority() < 0 ? "" : Integer.toString(a.priority());
            case DEFAULT_QOS -> a.defaultQos() == null ? "" : a.defaultQos();
            case QOS -> SiteText.names(new TreeSet<>(a.allowedQos()), "");
            case GRP_TRES -> SiteText.tres(l.grpTres());
            case GRP_JOBS -> SiteText.count(l.grpJobs(), "");
            case GRP_SUBMIT_JOBS -> SiteText.count(l.grpSubmitJobs(), "");
            case MAX_JOBS -> SiteText.count(l.maxJobsPerUser(), "");
            case MAX_SUBMIT_JOBS -> SiteText.count(l.maxSubmitJobsPerUser(), "");
            case MAX_WALL -> SiteText.duration(l.maxWallSeconds(), "");
            case MAX_TRES_PER_JOB -> SiteText.tres(l.maxTresPerJob());
        };
    }

    @Override
    Site apply(Field f, String text, Site site) {
        AssocKey k = selected.get();
        Association a = site.accounts().get(k);
        LimitSet l = a.limits();
        Association next = switch (f) {
            case SHARES -> a.withShares((int) SiteText.count(text, 1, Integer.MAX_VALUE));
            case PRIORITY -> a.withPriority((int) Math.min(Integer.MAX_VALUE, SiteText.count(text, 0, "")));
            case DEFAULT_QOS -> {
                String q = text.strip();
                if (q.isEmpty()) yield a.withDefaultQos(null);
                if (!site.qos().contains(q)) throw new Refused("no such QOS");
                if (!a.allowedQos().isEmpty() && !a.allowedQos().contains(q)) {
                    throw new Refused("not in its QOS list " + SiteText.names(new TreeSet<>(a.allowedQos()), ""));
                }
                yield a.withDefaultQos(q);
            }
            case QOS -> {
                List<String> q = SiteText.names(text, false);
                for (String n : q) if (!site.qos().contains(n)) throw new Refused("\"" + n + "\": no such QOS");
                if (a.defaultQos() != null && !q.isEmpty() && !q.contains(a.defaultQos())) {
                    throw new Refused("leaves out its DefaultQOS " + a.defaultQos());
                }
                yield a.withAllowedQos(new TreeSet<>(q));
            }
            case GRP_TRES -> a.withLimits(l.withGrpTres(SiteText.tres(text)));
            case GRP_JOBS -> a.withLimits(l.withGrpJobs(SiteText.count(text, 0, "")));
            case GRP_SUBMIT_JOBS -> a.withLimits(l.withGrpSubmitJobs(SiteText.count(text, 0, "")));
            case MAX_JOBS -> a.withLimits(l.withMaxJobsPerUser(SiteText.count(text, 0, "")));
            case MAX_SUBMIT_JOBS -> a.withLimits(l.withMaxSubmitJobsPerUser(SiteText.count(text, 0, "")));
            case MAX_WALL -> a.withLimits(l.withMaxWall(SiteText.duration(text, Bare.MINUTES, 1, "")));
            case MAX_TRES_PER_JOB -> a.withLimits(l.withMaxTresPerJob(SiteText.tres(text)));
        };
        List<Association> rest = new ArrayList<>();
        for (Association x : all(site.accounts())) if (!x.key().equals(k)) rest.add(x);
        return with(site, rest, next);
    }

    @Override
    String place(Site site) {
        return selected.get() == null ? "accounts" : selected.get().path();
    }

    @Override
    boolean hasRow(Site site) {
        return selected.get() != null && site.accounts().contains(selected.get());
    }

    @Override
    void selectionAfterReplace(Site site) {
        if (!hasRow(site)) selected.set(AssocKey.ROOT);
    }
}
