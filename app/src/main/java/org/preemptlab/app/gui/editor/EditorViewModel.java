package org.preemptlab.app.gui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.preemptlab.app.gui.scenario.ImportReport;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.app.gui.scenario.JobMix;
import org.preemptlab.app.gui.scenario.JobMixGenerator;
import org.preemptlab.scenario.MaintenanceDraft;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.PoolDraft;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.scenario.ScenarioProblem;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.site.Site;
import org.preemptlab.job.SlurmRequest;

/**
 * The scenario editor's state and commands. Every edit replaces the immutable draft through the
 * {@link CommandStack}, so each one can be undone; after each edit the draft is validated and the
 * issues are published by field ({@code pools[1].nodes}) for the view to show next to the field.
 *
 * <p>Text typed in a field that does not parse (an escalation chain, a duration, a number) never
 * reaches the draft, so the draft still holds the field's previous value. Such an input error is
 * {@linkplain #reportInput reported} by the field's owner and is one of the scenario's
 * {@link #issues()} (the Problems list, the header) until it is fixed or the field is reset;
 * {@link #checkInput()} refuses a run, comparison or save while there is one, so none of them
 * silently uses the previous value.
 */
public final class EditorViewModel {

    private static final Pattern POOL_FIELD = Pattern.compile("cluster\\.(?:pools|nodes)\\[(\\d+)]");

    private final CommandStack<ScenarioDraft> stack;
    private final ObservableList<ScenarioProblem> issues = FXCollections.observableArrayList();
    /** Field path → why the text typed there does not parse; sorted by path. */
    private final SortedMap<String, String> inputErrors = new TreeMap<>();
    private final IntegerProperty selectedPool = new SimpleIntegerProperty(this, "selectedPool", 0);
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty", false);
    private final ObjectProperty<JobMix> mix = new SimpleObjectProperty<>(this, "mix", JobMix.defaults());
    /** The generator's GPU and memory mixes as typed ({@link org.preemptlab.workload.ResourceMix} text forms; version-2 drafts only). */
    private final javafx.beans.property.StringProperty gpuMix = new javafx.beans.property.SimpleStringProperty(this, "gpuMix", "");
    private final javafx.beans.property.StringProperty memoryMix = new javafx.beans.property.SimpleStringProperty(this, "memoryMix", "");
    private final ObjectProperty<ImportReport> importReport = new SimpleObjectProperty<>(this, "importReport");
    private final ObjectProperty<org.preemptlab.app.gui.scenario.SlurmImportReport> slurmImportReport =
            new SimpleObjectProperty<>(this, "slurmImportReport");
    private final PreemptionViewModel preemption;
    /** The draft last judged by the rules, its problems, and its scenario when it had none. */
    private ScenarioDraft judged;
    private List<ScenarioProblem> judgedProblems = List.of();
    private org.preemptlab.scenario.Scenario judgedScenario;
    /** The draft's Slurm site (null: a version-1 draft), for the site pages to bind to. */
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>(this, "site");
    private boolean showingSite;

    public EditorViewModel(ScenarioDraft initial) {
        stack = new CommandStack<>(initial);
        stack.currentProperty().addListener((o, a, b) -> validate());
        validate();
        preemption = new PreemptionViewModel(this);
        site.set(initial.site());
        stack.currentProperty().addListener((o, a, b) -> showSite(b.site()));
        site.addListener((o, a, b) -> {
            if (showingSite || b == draft().site()) return;
            if (b == null || draft().site() == null) { // the version is the file's: a site is edited, not added or removed
                showSite(draft().site());
                return;
            }
            edit("edit Slurm site", draft().withSite(b));
        });
    }

    /**
     * The draft's Slurm site, or null for a version-1 draft. Setting another site (the site pages:
     * partitions, accounts, QOS, priority) is one undoable edit of the draft; undo and redo, or
     * opening a file, set it back. A version-1 draft cannot be given a site here, nor a version-2
     * draft lose its own: such a set is undone at once.
     */
    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    private void showSite(Site value) {
        showingSite = true;
        try {
            site.set(value);
        } finally {
            showingSite = false;
        }
    }

    /** The preemption section (policy details and mechanisms). */
    public PreemptionViewModel preemption() {
        return preemption;
    }

    /** One undoable edit made by a section's own view-model. */
    void applyEdit(String label, ScenarioDraft next) {
        edit(label, next);
    }

    public CommandStack<ScenarioDraft> history() {
        return stack;
    }

    public ReadOnlyObjectProperty<ScenarioDraft> draftProperty() {
        return stack.currentProperty();
    }

    public ScenarioDraft draft() {
        return stack.current();
    }

    public ObservableList<ScenarioProblem> issues() {
        return issues;
    }

    public IntegerProperty selectedPoolProperty() {
        return selectedPool;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public ObjectProperty<JobMix> mixProperty() {
        return mix;
    }

    /** What the SWF reader did to the trace the draft was imported from; null when not imported. */
    public ObjectProperty<ImportReport> importReportProperty() {
        return importReport;
    }

    /** What a Slurm import left out (settings not modelled, warnings); null when the draft was not imported from Slurm's site. */
    public ObjectProperty<org.preemptlab.app.gui.scenario.SlurmImportReport> slurmImportReportProperty() {
        return slurmImportReport;
    }

    /** The message for one field, if it has a problem. */
    public Optional<String> issueFor(String field) {
        return issues.stream().filter(i -> i.path().equals(field)).map(ScenarioProblem::message).findFirst();
    }

    /** All problems under a prefix such as {@code jobs[3].}. */
    public List<ScenarioProblem> issuesUnder(String prefix) {
        return issues.stream().filter(i -> i.path().startsWith(prefix)).toList();
    }

    public boolean isValid() {
        return issues.isEmpty();
    }

    /**
     * Reports that the text typed in {@code field} (a path such as {@code preemption.defaultChain})
     * does not parse, with {@code message} saying why; a null or blank message withdraws it (the
     * text was fixed or the field was reset to the draft's value).
     */
    public void reportInput(String field, String message) {
        boolean changed = message == null || message.isBlank() ? inputErrors.remove(field) != null
                : !message.equals(inputErrors.put(field, message));
        if (changed) validate();
    }

    /** The fields whose typed text does not parse, as problems (the draft holds their previous values). */
    public List<ScenarioProblem> inputProblems() {
        return inputErrors.entrySet().stream().map(e -> new ScenarioProblem(e.getKey(), e.getValue())).toList();
    }

    /**
     * Throws when a field holds text that does not parse: running, comparing or saving now would
     * silently use the field's previous value.
     */
    public void checkInput() throws ScenarioException {
        List<ScenarioProblem> pending = inputProblems();
        if (!pending.isEmpty()) {
            throw new ScenarioException(draft().name().isBlank() ? "scenario" : draft().name(), pending);
        }
    }

    /** Replaces the whole draft without history (a file was opened or a new scenario made). */
    public void load(ScenarioDraft draft) {
        load(draft, null);
    }

    /**
     * As {@link #load(ScenarioDraft)}, for a draft whose scenario is known already: {@code judgedAs} is
     * what {@link ScenarioValidator#toScenario} makes of it (the file reader's scenario of the file the
     * draft was read from, by the same rules), so the draft is not judged again (null: it is judged).
     */
    public void load(ScenarioDraft draft, org.preemptlab.scenario.Scenario judgedAs) {
        if (judgedAs != null) {
            judged = draft;
            judgedScenario = judgedAs;
            judgedProblems = List.of();
        }
        importReport.set(null);
        slurmImportReport.set(null);
        inputErrors.clear(); // the fields show the new draft's values
        stack.reset(draft);
        preemption.sync(); // its fields show the draft's values, without input errors
        validate();
        selectedPool.set(draft.pools().isEmpty() ? -1 : 0);
        dirty.set(false);
    }

    public void markSaved() {
        dirty.set(false);
    }

    public void undo() {
        stack.undo();
        dirty.set(true);
        clampSelection();
    }

    public void redo() {
        stack.redo();
        dirty.set(true);
        clampSelection();
    }

    private void edit(String label, ScenarioDraft next) {
        if (stack.apply(label, next)) dirty.set(true);
    }

    /** An edit that merges with the previous one of the same field (typing, dragging). */
    private void editField(String label, String field, ScenarioDraft next) {
        if (stack.apply(label, next, field)) dirty.set(true);
    }

    /** Ends a run of merged edits: the next edit of the same field is a new undo step. */
    public void commitField() {
        stack.seal();
    }

    /** The draft's problems, after the input errors of fields whose text did not parse. */
    private void validate() {
        dropPoolInput(stack.current().pools().size()); // pools that are gone (removed, undone)
        List<ScenarioProblem> all = new ArrayList<>(inputProblems());
        all.addAll(judge(stack.current()));
        issues.setAll(all);
    }

    /**
     * The draft's problems by the rules; a draft is judged once (the draft is immutable, so opening
     * a file, an edit and its listener, a run, all share one judgement of a 200k-job trace).
     */
    private List<ScenarioProblem> judge(ScenarioDraft draft) {
        if (draft != judged) {
            try {
                judgedScenario = ScenarioValidator.toScenario(draft);
                judgedProblems = List.of();
            } catch (ScenarioException e) {
                judgedScenario = null;
                judgedProblems = List.copyOf(e.problems());
            }
            judged = draft;
        }
        return judgedProblems;
    }

    /**
     * The scenario of {@code draft} as judged by the rules (the same as
     * {@link ScenarioValidator#toScenario}), judging it only if it is not the draft judged last.
     *
     * @throws ScenarioException listing the draft's problems
     */
    public org.preemptlab.scenario.Scenario scenarioOf(ScenarioDraft draft) throws ScenarioException {
        if (draft != judged) return ScenarioValidator.toScenario(draft);
        if (judgedScenario == null) {
            throw new ScenarioException(draft.name().isBlank() ? "scenario" : draft.name(), judgedProblems);
        }
        return judgedScenario;
    }

    /** Forgets the input errors of pools {@code from} and after (they were removed or renumbered). */
    private void dropPoolInput(int from) {
        inputErrors.keySet().removeIf(field -> {
            Matcher m = POOL_FIELD.matcher(field);
            return m.lookingAt() && Integer.parseInt(m.group(1)) >= from;
        });
    }

    private void clampSelection() {
        int n = draft().pools().size();
        if (selectedPool.get() >= n) selectedPool.set(n - 1);
    }

    // ---------------------------------------------------------------- scenario

    public void setName(String name) {
        editField("rename scenario", "name", draft().withName(name));
    }

    public void setDescription(String text) {
        editField("edit description", "description", draft().withDescription(text));
    }

    public void setOwnerPreemption(boolean on) {
        var r = draft().rules();
        edit(on ? "enable owner preemption" : "disable owner preemption", draft().withRules(new org.preemptlab.preempt.PreemptionRules(
                on, r.qosPreemption(), r.tiers(), r.victimOrder(), r.exemptSeconds(), r.chains(), r.defaultChain())));
    }

    public void setQosPreemption(boolean on) {
        var r = draft().rules();
        edit(on ? "enable QOS preemption" : "disable QOS preemption", draft().withRules(new org.preemptlab.preempt.PreemptionRules(
                r.ownerPreemption(), on, r.tiers(), r.victimOrder(), r.exemptSeconds(), r.chains(), r.defaultChain())));
    }

    public void setPolicy(SchedulerKind policy) {
        edit("change scheduler", draft().withScheduler(draft().scheduler().withKind(policy)));
    }

    // ---------------------------------------------------------------- pools

    public void addPool() {
        List<PoolDraft> pools = new ArrayList<>(draft().pools());
        String name = uniqueName("pool", pools.stream().map(PoolDraft::name).toList());
        pools.add(PoolDraft.of(name, 4, 8));
        edit("add pool " + name, draft().withPools(pools));
        selectedPool.set(pools.size() - 1);
    }

    public void removePool(int index) {
        if (index < 0 || index >= draft().pools().size()) return;
        List<PoolDraft> pools = new ArrayList<>(draft().pools());
        PoolDraft removed = pools.remove(index);
        dropPoolInput(index); // the pools after it move up: their typed text is reset
        List<MaintenanceDraft> windows = draft().maintenance().stream().filter(m -> !m.pool().equals(removed.name())).toList();
        edit("remove pool " + removed.name(), draft().withPools(pools).withMaintenance(windows));
        clampSelection();
    }

    public void renamePool(int index, String name) {
        String old = draft().pools().get(index).name();
        String trimmed = name == null ? "" : name.trim();
        List<MaintenanceDraft> windows = draft().maintenance().stream()
                .map(m -> m.pool().equals(old) ? m.withPool(trimmed) : m)
                .toList();
        ScenarioDraft next = draft().withPool(index, p -> p.withName(trimmed)).withMaintenance(windows);
        if (next.site() != null) { // a Slurm site's partitions name the node group: they follow it
            List<org.preemptlab.partition.Partition> parts = next.site().partitions().stream()
                    .map(pt -> pt.groups().contains(old) ? pt.toBuilder().groups(pt.groups().stream()
                            .map(g -> g.equals(old) ? trimmed : g).toList()).build() : pt)
                    .toList();
            next = next.withSite(next.site().toBuilder().partitions(parts).build());
        }
        editField("rename pool " + old, "pool" + index + "name", next);
    }

    public void setPoolNodes(int index, int nodes) {
        editPool(index, "resize pool", p -> p.withNodes(nodes));
    }

    public void setPoolCores(int index, int cores) {
        editPool(index, "change cores", p -> p.withCoresPerNode(cores));
    }

    public void setPoolMemory(int index, long mb) {
        editPool(index, "change memory", p -> p.withMemoryPerNodeMb(mb));
    }

    public void setPoolOwner(int index, String owner) {
        editPool(index, "change owner", p -> p.withOwner(owner == null ? "" : owner.trim()));
    }

    /** Borrowers as typed: QOS names separated by commas or spaces. */
    public void setPoolBorrowers(int index, String text) {
        List<String> list = text == null ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        editPool(index, "change borrowers", p -> p.withBorrowers(list));
    }

    /**
     * The JSON path prefix of a pool's fields: {@code cluster.pools[i].}, or {@code cluster.nodes[i].}
     * for a node group of a version-2 (Slurm site) draft.
     */
    public String poolPrefix(int index) {
        return (draft().isSlurm() ? "cluster.nodes[" : "cluster.pools[") + index + "].";
    }

    /**
     * A node group's generic resources as typed ({@code gpu:a100:4,gpu:t4:2}; empty: none); a text
     * that does not parse is an input problem of {@code cluster.nodes[i].gres} and the draft keeps its value.
     */
    public void setPoolGres(int index, String text) {
        String path = poolPrefix(index) + "gres";
        List<org.preemptlab.gres.Gres> gres;
        try {
            gres = text == null || text.isBlank() ? List.of() : org.preemptlab.gres.Gres.parseList(text.strip());
        } catch (IllegalArgumentException e) {
            reportInput(path, "\"" + text + "\": " + e.getMessage());
            return;
        }
        reportInput(path, null);
        editPool(index, "change GRES", p -> p.withGres(gres));
    }

    public void setPoolBandwidth(int index, double mbps) {
        editPool(index, "change bandwidth", p -> p.withBandwidthMBps(mbps));
    }

    private void editPool(int index, String label, UnaryOperator<PoolDraft> change) {
        if (index < 0 || index >= draft().pools().size()) return;
        editField(label + " " + draft().pools().get(index).name(), "pool" + index + label, draft().withPool(index, change));
    }

    // ---------------------------------------------------------------- jobs

    public void addJob() {
        List<JobDraft> jobs = new ArrayList<>(draft().jobs());
        String name = uniqueName("job", jobs.stream().map(JobDraft::name).toList());
        long submit = jobs.isEmpty() ? 0 : jobs.get(jobs.size() - 1).submit();
        JobDraft job = new JobDraft(name, submit, "normal", "", 1, 1, 3600, 1800, 0, true, false, 0);
        edit("add job " + name, draft().withJobs(add(jobs, forSite(job, jobs.isEmpty() ? null : jobs.get(jobs.size() - 1)))));
    }

    private static List<JobDraft> add(List<JobDraft> jobs, JobDraft job) {
        jobs.add(job);
        return jobs;
    }

    /**
     * A new job of a version-2 draft: a Slurm request of the user and account of {@code like} (the
     * table's last job), else of the site's first user association, in the default partition and the
     * QOS the association defaults to; unchanged in a version-1 draft.
     */
    JobDraft forSite(JobDraft job, JobDraft like) {
        Site s = draft().site();
        if (s == null || job.slurm() != null) return job;
        String user = "user";
        String account = "default";
        if (like != null && like.slurm() != null) {
            user = like.slurm().user();
            account = like.slurm().account();
        } else if (!s.accounts().userAssociations().isEmpty()) {
            var k = s.accounts().userAssociations().get(0);
            user = k.user();
            account = k.account();
        }
        String qos = s.accounts().contains(org.preemptlab.account.AssocKey.user(user, account))
                ? s.accounts().defaultQos(org.preemptlab.account.AssocKey.user(user, account)) : null;
        if (qos == null || !s.qos().contains(qos)) qos = s.qos().contains(job.qos()) ? job.qos() : s.qos().names().iterator().next();
        return job.withQos(qos).withGroup(account).withPools(List.of()).withSlurm(SlurmRequest.of(user, account));
    }

    public void removeJobs(Collection<Integer> indices) {
        TreeSet<Integer> sorted = new TreeSet<>(indices);
        List<JobDraft> jobs = new ArrayList<>(draft().jobs());
        for (Integer i : sorted.descendingSet()) if (i >= 0 && i < jobs.size()) jobs.remove((int) i);
        edit("remove " + org.preemptlab.units.Units.count(sorted.size(), "job"), draft().withJobs(jobs));
    }

    public void setJob(int index, JobDraft job) {
        if (index < 0 || index >= draft().jobs().size()) return;
        JobDraft old = draft().jobs().get(index);
        if (old.slurm() != null && old.slurm().inArray() && job.slurm() != null && job.name().equals(old.name())) {
            // an array is one entry of the file: an edit of one of its tasks is an edit of every task
            List<JobDraft> jobs = new ArrayList<>(draft().jobs());
            String array = old.slurm().arrayName();
            for (int k = 0; k < jobs.size(); k++) {
                JobDraft t = jobs.get(k);
                if (t.slurm() == null || !t.slurm().inArray() || !t.slurm().arrayName().equals(array)) continue;
                jobs.set(k, job.withName(t.name()).withSlurm(job.slurm().toBuilder().arrayTask(t.slurm().arrayTask()).build()));
            }
            edit("edit array " + array, draft().withJobs(jobs));
            return;
        }
        edit("edit job " + job.name(), draft().withJob(index, j -> job));
    }

    /** The generator's GPU mix, e.g. {@code 0.2:1/node:a100,0.05:4/job} (used when the draft has a Slurm site). */
    public javafx.beans.property.StringProperty gpuMixProperty() {
        return gpuMix;
    }

    /** The generator's memory mix, e.g. {@code 0.6:2G/cpu,0.1:100G/node} (used when the draft has a Slurm site). */
    public javafx.beans.property.StringProperty memoryMixProperty() {
        return memoryMix;
    }

    /**
     * Problems of the generator's parameters (shown next to its fields); for a version-2 draft also
     * of the GPU mix (path {@code gpuMix}) and memory mix ({@code memoryMix}), naming the bad entry.
     */
    public List<ScenarioProblem> mixIssues() {
        List<ScenarioProblem> issues = new ArrayList<>(JobMixGenerator.validate(mix.get()));
        if (draft().site() != null) {
            try {
                siteWorkload();
            } catch (MixException e) {
                issues.add(new ScenarioProblem(e.path, e.getMessage()));
            }
        }
        return issues;
    }

    /** A bad GPU or memory mix, with the generator field it belongs to. */
    private static final class MixException extends Exception {
        final String path;

        MixException(String path, String message) {
            super(message);
            this.path = path;
        }
    }

    /** The GPU and memory mixes placed on the draft's site (its node groups and partitions, without its jobs). */
    private org.preemptlab.workload.SiteWorkload siteWorkload() throws MixException {
        org.preemptlab.workload.ResourceMix gpus, both;
        try {
            gpus = org.preemptlab.workload.ResourceMix.parse(gpuMix.get(), null);
        } catch (IllegalArgumentException e) {
            throw new MixException("gpuMix", e.getMessage());
        }
        try {
            both = new org.preemptlab.workload.ResourceMix(gpus.gpus(),
                    org.preemptlab.workload.ResourceMix.parse(null, memoryMix.get()).memory());
        } catch (IllegalArgumentException e) {
            throw new MixException("memoryMix", e.getMessage());
        }
        ScenarioDraft d = draft();
        // a scenario needs a job: one one-core minute stands in for the table (whose problems are not the mix's)
        JobDraft probe = forSite(new JobDraft("probe", 0, "normal", "", 1, 1, 60, 60, 0, true, false, 0, List.of(), 0), null);
        ScenarioDraft clusterOnly = new ScenarioDraft(d.name(), d.description(), d.processors(), d.pools(), List.of(probe),
                d.scheduler(), d.rules(), d.settings(), List.of(), d.failures(), d.seed(), d.horizon(), null, List.of(),
                d.gang(), List.of(), d.site());
        org.preemptlab.scenario.Scenario s;
        try {
            s = ScenarioValidator.toScenario(clusterOnly);
        } catch (ScenarioException e) {
            throw new MixException("gpuMix", "the cluster or site has problems; fix them first (" + e.getMessage() + ")");
        }
        if (!(s.cluster() instanceof org.preemptlab.cluster.NodeCluster nc)) {
            throw new MixException("gpuMix", "GPU and memory mixes need a Slurm site's node groups");
        }
        try {
            return new org.preemptlab.workload.SiteWorkload(nc, both);
        } catch (IllegalArgumentException e) {
            throw new MixException("gpuMix", e.getMessage());
        }
    }

    /** Generated jobs as jobs of the draft's site, GPU and memory requests drawn from the mixes with the mix's seed. */
    private List<JobDraft> onSite(List<JobDraft> generated) {
        org.preemptlab.workload.SiteWorkload w;
        try {
            w = siteWorkload();
        } catch (MixException e) {
            throw new IllegalStateException(e.getMessage(), e); // mixIssues() was empty
        }
        List<org.preemptlab.job.JobSpec> specs = new ArrayList<>(generated.size());
        for (int i = 0; i < generated.size(); i++) specs.add(org.preemptlab.scenario.ScenarioRules.toSpec(generated.get(i), i));
        List<JobDraft> out = new ArrayList<>(generated.size());
        for (org.preemptlab.job.JobSpec j : w.place(specs, mix.get().seed())) {
            out.add(new JobDraft(j.name(), j.submit(), j.qos(), j.group(), j.nodes(), j.coresPerNode(), j.estimate(),
                    j.runtime(), j.memoryPerNodeMb(), j.rerunnable(), j.checkpointable(), j.imageMbPerNode(), j.pools(),
                    j.checkpointInterval(), j.slurm()));
        }
        return out;
    }

    /** Generates jobs from the current mix; replaces the table or appends to it. */
    public boolean generateJobs(boolean replace) {
        if (!mixIssues().isEmpty()) return false;
        List<JobDraft> jobs = replace ? new ArrayList<>() : new ArrayList<>(draft().jobs());
        long offset = replace || jobs.isEmpty() ? 0 : jobs.stream().mapToLong(JobDraft::submit).max().orElse(0);
        int first = replace ? 1 : jobs.size() + 1;
        List<JobDraft> generated = JobMixGenerator.generate(mix.get(), "job", first);
        if (draft().site() != null) generated = onSite(generated);
        for (JobDraft j : generated) {
            JobDraft shifted = forSite(j.withSubmit(j.submit() + offset), jobs.isEmpty() ? null : jobs.get(jobs.size() - 1));
            String name = uniqueName(shifted.name(), jobs.stream().map(JobDraft::name).toList());
            jobs.add(shifted.withName(name));
        }
        edit((replace ? "generate " : "append ") + org.preemptlab.units.Units.count(mix.get().count(), "job"), draft().withJobs(jobs).withSeed(mix.get().seed()));
        return true;
    }

    // ---------------------------------------------------------------- maintenance

    public void addMaintenance() {
        if (draft().pools().isEmpty()) return;
        List<MaintenanceDraft> list = new ArrayList<>(draft().maintenance());
        String pool = draft().pools().get(Math.max(0, selectedPool.get())).name();
        list.add(MaintenanceDraft.onPool(uniqueName("maint", list.stream().map(MaintenanceDraft::name).toList()), pool,
                3600, 3600, MaintenanceStrategy.DRAIN));
        edit("add maintenance window", draft().withMaintenance(list));
    }

    /**
     * Adds a reservation made elsewhere (drawn on the Gantt) as one undoable edit; a blank name gets
     * the next free "resvN". Returns it as added.
     */
    public org.preemptlab.scenario.ReservationDraft addReservation(org.preemptlab.reservation.ReservationSpec spec) {
        List<org.preemptlab.scenario.ReservationDraft> list = new ArrayList<>(draft().reservations());
        org.preemptlab.reservation.ReservationSpec s = spec;
        if (s.name().isBlank()) {
            s = new org.preemptlab.reservation.ReservationSpec(uniqueName("resv", list.stream().map(r -> r.spec().name()).toList()),
                    s.nodes(), s.nodeCount(), s.pool(), s.users(), s.accounts(), s.start(), s.duration(), s.recurrence(),
                    s.flags(), s.purgeAfter(), s.jobs());
        }
        var r = new org.preemptlab.scenario.ReservationDraft(s, List.of());
        list.add(r);
        edit("draw reservation", draft().withReservations(list));
        return r;
    }

    /**
     * Adds a window made elsewhere (drawn on the Gantt) as one undoable edit; a blank name gets
     * the next free "maintN". Returns the window as added.
     */
    public MaintenanceDraft addMaintenance(MaintenanceDraft window) {
        List<MaintenanceDraft> list = new ArrayList<>(draft().maintenance());
        MaintenanceDraft w = window;
        if (w.name().isBlank()) {
            w = new MaintenanceDraft(uniqueName("maint", list.stream().map(MaintenanceDraft::name).toList()), w.pool(), w.nodes(),
                    w.start(), w.duration(), w.strategy(), w.drainHorizon());
        }
        list.add(w);
        edit("draw maintenance window", draft().withMaintenance(list));
        return w;
    }

    public void setMaintenance(int index, MaintenanceDraft window) {
        List<MaintenanceDraft> list = new ArrayList<>(draft().maintenance());
        if (index < 0 || index >= list.size()) return;
        list.set(index, window);
        edit("edit maintenance window", draft().withMaintenance(list));
    }

    public void removeMaintenance(int index) {
        List<MaintenanceDraft> list = new ArrayList<>(draft().maintenance());
        if (index < 0 || index >= list.size()) return;
        list.remove(index);
        edit("remove maintenance window", draft().withMaintenance(list));
    }

    /** {@code base} itself if it ends in a number and is free, else the stem with the first free number. */
    static String uniqueName(String base, List<String> taken) {
        if (!taken.contains(base) && base.matches(".*\\d$")) return base;
        String stem = base.replaceAll("\\d+$", "");
        for (int i = 1; ; i++) {
            if (!taken.contains(stem + i)) return stem + i;
        }
    }
}
