package org.preemptlab.app.gui.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.preemptlab.account.AssocKey;
import org.preemptlab.app.gui.site.SiteText.Bare;
import org.preemptlab.partition.Partition;
import org.preemptlab.partition.PartitionState;
import org.preemptlab.priority.PriorityFlag;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.site.Site;

/** The site editor's view-models without the FX toolkit: structural edits, cross-references, and reading times. */
class SiteEditorViewModelTest {

    private final ObjectProperty<Site> site = new SimpleObjectProperty<>();

    private SiteEditorViewModel open(String sample) throws Exception {
        site.set(SiteSamples.site(sample));
        return new SiteEditorViewModel(site);
    }

    @Test
    void partitions_add_move_remove_and_default() throws Exception {
        SiteEditorViewModel vm = open("gpu-shared-nodes.json");
        PartitionsViewModel p = vm.partitions();
        Site start = site.get();
        assertThat(p.add()).isTrue();
        assertThat(site.get().partitions()).extracting(Partition::name).containsExactly("batch", "part3", "gpu");
        assertThat(site.get().partitions().get(1).groups()).isEqualTo(List.of("cpu"));
        assertThat(p.selectedProperty().get()).isEqualTo(1);
        assertThat(p.move(1)).isTrue();
        assertThat(site.get().partitions()).extracting(Partition::name).containsExactly("batch", "gpu", "part3");
        assertThat(p.remove()).isTrue();
        assertThat(site.get()).isEqualTo(start);

        p.selectedProperty().set(1);
        p.setDefault(true);
        assertThat(site.get().partitions()).extracting(Partition::isDefault).containsExactly(false, true);
        assertThat(site.get().defaultPartition().name()).isEqualTo("gpu");
        p.setState(PartitionState.DRAIN);
        assertThat(site.get().partition("gpu").state()).isEqualTo(PartitionState.DRAIN);

        p.remove();
        assertThat(p.remove()).isFalse();
        assertThat(p.messageProperty().get()).isEqualTo("partitions[0] batch: the only partition; a Slurm site needs at least one");
        assertThat(site.get().partitions()).hasSize(1);
    }

    @Test
    void partition_fields_check_names_against_the_site() throws Exception {
        SiteEditorViewModel vm = open("gpu-shared-nodes.json");
        PartitionsViewModel p = vm.partitions();
        Site start = site.get();
        p.selectedProperty().set(1);
        p.textProperty(PartitionsViewModel.Field.NAME).set("batch");
        assertThat(p.commit(PartitionsViewModel.Field.NAME)).isFalse();
        assertThat(p.error(PartitionsViewModel.Field.NAME)).isEqualTo("partitions[1] gpu: PartitionName batch; partitions[0] has that name");
        p.textProperty(PartitionsViewModel.Field.ALLOW_QOS).set("normal,gold");
        assertThat(p.commit(PartitionsViewModel.Field.ALLOW_QOS)).isFalse();
        assertThat(p.error(PartitionsViewModel.Field.ALLOW_QOS)).isEqualTo("partitions[1] gpu: AllowQos normal,gold; \"gold\": no such QOS");
        vm.nodeGroups().setAll("gpu", "cpu");
        p.textProperty(PartitionsViewModel.Field.NODES).set("gpu, fat");
        assertThat(p.commit(PartitionsViewModel.Field.NODES)).isFalse();
        assertThat(p.error(PartitionsViewModel.Field.NODES)).contains("\"fat\" is not a node group of the cluster (gpu, cpu)");
        assertThat(site.get()).isSameAs(start);
        // the refused texts stay while another field is taken
        p.textProperty(PartitionsViewModel.Field.PRIORITY_TIER).set("5");
        assertThat(p.commit(PartitionsViewModel.Field.PRIORITY_TIER)).isTrue();
        assertThat(site.get().partition("gpu").priorityTier()).isEqualTo(5);
        assertThat(p.textProperty(PartitionsViewModel.Field.NAME).get()).isEqualTo("batch");
        assertThat(p.error(PartitionsViewModel.Field.NAME)).isNotEmpty();
        // replacing the site from outside shows it afresh
        site.set(start);
        assertThat(p.textProperty(PartitionsViewModel.Field.NAME).get()).isEqualTo("gpu");
        assertThat(p.error(PartitionsViewModel.Field.NAME)).isEmpty();
    }

    @Test
    void accounts_add_move_remove() throws Exception {
        SiteEditorViewModel vm = open("fairshare-catch-up.json");
        AccountsViewModel a = vm.accounts();
        a.selectedProperty().set(AssocKey.account("physics"));
        assertThat(a.addAccount("theory")).isTrue();
        assertThat(a.selectedProperty().get()).isEqualTo(AssocKey.account("theory"));
        assertThat(site.get().accounts().parent(AssocKey.account("theory"))).isEqualTo(AssocKey.account("physics"));
        assertThat(a.addUser("carl")).isTrue();
        assertThat(site.get().accounts().contains(AssocKey.user("carl", "theory"))).isTrue();
        // physics: 50 shares of 100 at root; theory: 1 of (1 + ana's 1) under physics
        assertThat(a.clusterShare(AssocKey.account("theory"))).isEqualTo(0.25);

        a.selectedProperty().set(AssocKey.account("physics"));
        assertThat(a.move("theory")).isFalse();
        assertThat(a.messageProperty().get()).isEqualTo("accounts[physics]: cannot move under \"theory\", which is in its own subtree");

        a.selectedProperty().set(AssocKey.user("carl", "theory"));
        assertThat(a.move("chem")).isTrue();
        assertThat(a.selectedProperty().get()).isEqualTo(AssocKey.user("carl", "chem"));
        assertThat(site.get().accounts().children(AssocKey.account("chem")))
                .containsExactly(AssocKey.user("ben", "chem"), AssocKey.user("carl", "chem"));

        a.selectedProperty().set(AssocKey.account("physics"));
        assertThat(a.remove()).isTrue();
        assertThat(site.get().accounts().keys()).containsExactlyInAnyOrder(AssocKey.ROOT, AssocKey.account("chem"),
                AssocKey.user("ben", "chem"), AssocKey.user("carl", "chem"));
        a.selectedProperty().set(AssocKey.ROOT);
        assertThat(a.remove()).isFalse();
        assertThat(a.messageProperty().get()).isEqualTo("accounts[root]: root cannot be removed");
    }

    @Test
    void account_default_qos_must_exist() throws Exception {
        SiteEditorViewModel vm = open("fairshare-catch-up.json");
        AccountsViewModel a = vm.accounts();
        a.selectedProperty().set(AssocKey.user("ben", "chem"));
        a.textProperty(AccountsViewModel.Field.DEFAULT_QOS).set("gold");
        assertThat(a.commit(AccountsViewModel.Field.DEFAULT_QOS)).isFalse();
        assertThat(a.error(AccountsViewModel.Field.DEFAULT_QOS)).isEqualTo("accounts[chem].users[ben]: DefaultQOS gold; no such QOS");
        a.textProperty(AccountsViewModel.Field.GRP_TRES).set("cpu=16,mem=64G");
        assertThat(a.commit(AccountsViewModel.Field.GRP_TRES)).isTrue();
        assertThat(site.get().accounts().get(AssocKey.user("ben", "chem")).limits().grpTres().get("mem")).isEqualTo(65_536);
        assertThat(a.textProperty(AccountsViewModel.Field.GRP_TRES).get()).isEqualTo("cpu=16,mem=64G");
    }

    @Test
    void qos_rename_follows_references_and_cycles_are_refused() throws Exception {
        SiteEditorViewModel vm = open("gpu-shared-nodes.json");
        QosViewModel q = vm.qos();
        assertThat(q.add()).isTrue();
        assertThat(q.selectedProperty().get()).isEqualTo("qos2");
        q.textProperty(QosViewModel.Field.PREEMPT).set("normal");
        assertThat(q.commit(QosViewModel.Field.PREEMPT)).isTrue();
        q.selectedProperty().set("normal");
        q.textProperty(QosViewModel.Field.PREEMPT).set("qos2");
        assertThat(q.commit(QosViewModel.Field.PREEMPT)).isFalse();
        assertThat(q.error(QosViewModel.Field.PREEMPT)).startsWith("qos[normal]: Preempt qos2; qos[normal].preempt: cycle normal → qos2 → normal");

        vm.partitions().selectedProperty().set(1);
        vm.partitions().textProperty(PartitionsViewModel.Field.ALLOW_QOS).set("normal");
        assertThat(vm.partitions().commit(PartitionsViewModel.Field.ALLOW_QOS)).isTrue();
        q.textProperty(QosViewModel.Field.NAME).set("standard");
        assertThat(q.commit(QosViewModel.Field.NAME)).isTrue();
        assertThat(q.selectedProperty().get()).isEqualTo("standard");
        assertThat(site.get().partition("gpu").allowQos()).containsExactly("standard");
        assertThat(site.get().qos().get("qos2").preempt()).containsExactly("standard");

        assertThat(q.remove()).isFalse();
        assertThat(q.messageProperty().get()).isEqualTo("qos[standard]: still named by qos[qos2].Preempt, partitions[1] gpu.AllowQos");
        q.selectedProperty().set("qos2");
        assertThat(q.remove()).isTrue();
        assertThat(site.get().qos()).isEqualTo(QosTable.builder().add(Qos.of("standard", 0)).build());
    }

    @Test
    void priority_choices_and_tres_weights() throws Exception {
        SiteEditorViewModel vm = open("fairshare-catch-up.json");
        PriorityViewModel p = vm.priority();
        Site start = site.get();
        p.setFairTree(false);
        assertThat(site.get().priority().flags()).isEqualTo(Set.of(PriorityFlag.NO_FAIR_TREE));
        p.setFairTree(true);
        assertThat(site.get()).isEqualTo(start);
        p.setMultifactor(false);
        assertThat(site.get()).isEqualTo(start.toBuilder().multifactor(false).build());

        p.textProperty(PriorityViewModel.Field.WEIGHT_TRES).set("cpu=2000,gres/gpu=5000");
        assertThat(p.commit(PriorityViewModel.Field.WEIGHT_TRES)).isTrue();
        assertThat(site.get().priority().weightTres()).containsEntry("gres/gpu", 5000.0).hasSize(2);
        assertThat(p.weightShares()).extracting(PriorityViewModel.WeightShare::name).contains("TRES cpu", "TRES gres/gpu");
        p.textProperty(PriorityViewModel.Field.WEIGHT_TRES).set("disk=3");
        assertThat(p.commit(PriorityViewModel.Field.WEIGHT_TRES)).isFalse();
        assertThat(p.error(PriorityViewModel.Field.WEIGHT_TRES)).startsWith("priority: PriorityWeightTRES disk=3; \"disk\" is not a modelled TRES");

        p.textProperty(PriorityViewModel.Field.DECAY_HALF_LIFE).set("0");
        assertThat(p.commit(PriorityViewModel.Field.DECAY_HALF_LIFE)).isTrue();
        assertThat(site.get().priority().halfLifeSeconds()).isZero();
        assertThat(p.textProperty(PriorityViewModel.Field.DECAY_HALF_LIFE).get()).isEqualTo("0 s");
    }

    @Test
    void times_read_in_slurm_and_human_forms() {
        assertThat(SiteText.duration("1-00:00:00", Bare.MINUTES, 1, "UNLIMITED")).isEqualTo(86_400);
        assertThat(SiteText.duration("2 h", Bare.MINUTES, 1, "UNLIMITED")).isEqualTo(7200);
        assertThat(SiteText.duration("1 d 2 h 5 min 3 s", Bare.MINUTES, 1, null)).isEqualTo(93_903);
        assertThat(SiteText.duration("90", Bare.MINUTES, 1, null)).isEqualTo(5400);
        assertThat(SiteText.duration("90", Bare.SECONDS, 0, null)).isEqualTo(90);
        assertThat(SiteText.duration("1:30", Bare.MINUTES, 1, null)).isEqualTo(90);
        assertThat(SiteText.duration("UNLIMITED", Bare.MINUTES, 1, "UNLIMITED")).isEqualTo(-1);
        assertThatThrownBy(() -> SiteText.duration("UNLIMITED", Bare.MINUTES, 1, null)).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> SiteText.duration("2 weeks", Bare.MINUTES, 1, null)).hasMessageStartingWith("not a time");
        assertThatThrownBy(() -> SiteText.duration("-5", Bare.MINUTES, 1, "UNLIMITED")).hasMessage("must be ≥ 1 s (or UNLIMITED)");
        for (long s : new long[] {0, 1, 59, 60, 3600, 86_400, 93_903, 7 * 86_400 + 1}) {
            assertThat(SiteText.duration(SiteText.duration(s, "-"), Bare.MINUTES, 0, null)).as(s + " s").isEqualTo(s);
        }
        List<String> shown = new ArrayList<>();
        for (long s : new long[] {0, 90, 86_400, 93_903}) shown.add(SiteText.duration(s, "-"));
        assertThat(shown).containsExactly("0 s", "1 min 30 s", "1 d", "1 d 2 h 5 min 3 s");
    }
}
