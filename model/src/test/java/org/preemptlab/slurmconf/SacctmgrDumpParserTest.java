package org.preemptlab.slurmconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SacctmgrDumpParserTest {

    private static SacctmgrDump site(ImportReport report) {
        return SacctmgrDumpParser.read(SiteFixture.dir().resolve("tundra.cfg"), report);
    }

    private static SacctmgrDump parse(String text) {
        return SacctmgrDumpParser.parse(text, "dump.cfg", new ImportReport());
    }

    @Test
    void theAccountTree() {
        SacctmgrDump d = site(new ImportReport());
        assertThat(d.cluster()).isEqualTo("tundra");
        assertThat(d.root().qos()).containsExactly("normal", "high", "debug", "scavenger", "gpu_part");
        assertThat(d.root().shares()).isEqualTo(1);
        assertThat(d.accounts()).extracting(SacctmgrDump.Account::name).containsExactly("science", "ml", "guests", "physics", "chem");
        assertThat(d.children(SacctmgrDump.ROOT)).extracting(SacctmgrDump.Account::name).containsExactly("science", "ml", "guests");
        assertThat(d.children("science")).extracting(SacctmgrDump.Account::name).containsExactly("physics", "chem");
        assertThat(d.ancestors("chem")).containsExactly("chem", "science");

        SacctmgrDump.Account science = d.account("science").orElseThrow();
        assertThat(science.description()).isEqualTo("faculty of science");
        assertThat(science.organization()).isEqualTo("uni");
        assertThat(science.limits().shares()).isEqualTo(60);
        assertThat(science.where()).isEqualTo("tundra.cfg:21");

        AssociationLimits ml = d.account("ml").orElseThrow().limits();
        assertThat(ml.shares()).isEqualTo(30);
        assertThat(ml.grpTres()).isEqualTo(Map.of("gres/gpu", 8L));
        assertThat(ml.qos()).containsExactly("normal", "high", "scavenger");

        AssociationLimits guests = d.account("guests").orElseThrow().limits();
        assertThat(guests.grpJobs()).hasValue(10);
        assertThat(guests.maxJobs()).hasValue(2);

        assertThat(d.account("physics").orElseThrow().limits().defaultQos()).isEqualTo("normal");
        AssociationLimits chem = d.account("chem").orElseThrow().limits();
        assertThat(chem.grpTres()).isEqualTo(Map.of("cpu", 1024L, "mem", 4L * 1024 * 1024)); // 4T in MB
        assertThat(chem.maxWallSeconds()).hasValue(2880 * 60); // minutes in the dump
    }

    @Test
    void theUsersAndTheirAssociations() {
        SacctmgrDump d = site(new ImportReport());
        assertThat(d.users()).extracting(u -> u.user() + "@" + u.account())
                .containsExactly("root@root", "alice@physics", "bob@physics", "alice@chem", "carol@chem", "dave@ml", "eve@guests");
        SacctmgrDump.UserAssociation aliceChem = d.users().get(3);
        assertThat(aliceChem.defaultAccount()).isEqualTo("physics");
        assertThat(aliceChem.limits().shares()).isEqualTo(2);
        assertThat(d.users().get(2).limits().fairshareParent()).isTrue(); // bob: Fairshare=parent
        SacctmgrDump.UserAssociation carol = d.usersOf("chem").get(1);
        assertThat(carol.limits().maxJobs()).hasValue(10);
        assertThat(carol.limits().maxSubmitJobs()).hasValue(50);
        SacctmgrDump.UserAssociation dave = d.usersOf("ml").get(0);
        assertThat(dave.adminLevel()).isEqualTo("Operator");
        assertThat(dave.limits().defaultQos()).isEqualTo("high");
        assertThat(dave.limits().qos()).containsExactly("normal", "high");
        assertThat(dave.limits().shares()).isEqualTo(100);
        assertThat(dave.where()).isEqualTo("tundra.cfg:34");
    }

    @Test
    void theQosLinesOfANewerDump() {
        SacctmgrDump d = site(new ImportReport());
        assertThat(d.qos()).extracting(QosDefinition::name).containsExactly("normal", "high", "debug", "scavenger", "gpu_part");
        QosDefinition high = d.qos().get(1);
        assertThat(high.description()).isEqualTo("paid priority");
        assertThat(high.priority()).isEqualTo(1000);
        assertThat(high.graceTimeSeconds()).isEqualTo(120); // seconds in the dump
        assertThat(high.preempt()).containsExactly("scavenger");
        assertThat(high.preemptMode()).contains(new PreemptModeSetting(PreemptModeSetting.Kind.REQUEUE, false, false, false));
        assertThat(high.flags()).containsExactly("DENYONLIMIT");
        assertThat(high.usageFactor()).isEqualTo(2.0);
        assertThat(high.maxJobsPerUser()).hasValue(4);
        assertThat(high.maxTresPerUser()).isEqualTo(Map.of("cpu", 256L, "gres/gpu:a100", 4L)); // the ':' of a typed TRES does not split
        assertThat(high.maxWallSeconds()).hasValue(2880 * 60);
        QosDefinition scavenger = d.qos().get(3);
        assertThat(scavenger.preemptExemptTimeSeconds()).hasValue(600);
        assertThat(scavenger.usageFactor()).isZero();
        assertThat(d.qos().get(2).maxSubmitJobsPerUser()).hasValue(5);
        assertThat(d.qos().get(2).maxTresPerJob()).isEqualTo(Map.of("node", 2L));
    }

    @Test
    void theReportListsWhatTheDumpHasButTheModelDoesNot() {
        ImportReport report = new ImportReport();
        site(report);
        assertThat(report.ignored()).extracting(Object::toString).containsExactly(
                "tundra.cfg:26: Account chem GrpTRESMins=cpu=6000000 — ignored (not modelled)",
                "tundra.cfg:34: User dave (account ml) Coordinator=ml — ignored (not modelled)",
                "tundra.cfg:36: User eve (account guests) WCKeys=teaching — ignored (not modelled)");
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void quotingAndOldForms() {
        ImportReport report = new ImportReport();
        SacctmgrDump d = SacctmgrDumpParser.parse("""
                Cluster - 'c':MaxNodesPerJob=50
                Account - "lab one":Description="a: lab":GrpNodes=4:MaxWallDurationPerJob=1-0
                Parent - 'lab one'
                User - 'Jean-Luc':Partition='gpu':Fairshare=2147483647
                """, "old.cfg", report);
        assertThat(d.root().maxTresPerJob()).isEqualTo(Map.of("node", 50L));
        SacctmgrDump.Account lab = d.account("lab one").orElseThrow();
        assertThat(lab.description()).isEqualTo("a: lab");
        assertThat(lab.limits().grpTres()).isEqualTo(Map.of("node", 4L));
        assertThat(lab.limits().maxWallSeconds()).hasValue(86_400); // days-hours: a dump cannot hold ':' in a time
        assertThatThrownBy(() -> parse("Cluster - 'c':MaxWallDurationPerJob=1-00:00:00\n"))
                .hasMessageStartingWith("dump.cfg:1: Cluster c: 00 is not Key=Value\n"); // sacctmgr load splits it there too
        SacctmgrDump.UserAssociation u = d.users().get(0);
        assertThat(u.user()).isEqualTo("Jean-Luc"); // user names keep their case
        assertThat(u.partition()).isEqualTo("gpu");
        assertThat(u.limits().fairshareParent()).isTrue();
        assertThat(u.limits().fairshare()).isEqualTo(OptionalLong.empty());
        assertThat(report.warnings()).containsExactly(
                "old.cfg:1: Cluster c: MaxNodesPerJob=50 is Slurm's old form; read as node=50 in TRES",
                "old.cfg:2: Account lab one: GrpNodes=4 is Slurm's old form; read as node=4 in TRES");
    }

    @Test
    void errorsNameTheLineAndTheEntity() {
        assertThatThrownBy(() -> parse("Cluster - 'c'\nParent - 'nope'\n"))
                .hasMessage("dump.cfg:2: Parent - 'nope': no Account line for nope before it");
        assertThatThrownBy(() -> parse("Account - 'a'\n")).hasMessage("dump.cfg:1: Account - 'a' before the Cluster line");
        assertThatThrownBy(() -> parse("Cluster - 'c'\nAccount - 'a':MaxJobs=many\n"))
                .hasMessage("dump.cfg:2: Account a MaxJobs=many: not a whole number");
        assertThatThrownBy(() -> parse("Cluster - 'c'\nAccount - 'a':MaxWallDurationPerJob=1-xx\n"))
                .hasMessage("dump.cfg:2: Account a MaxWallDurationPerJob=1-xx: not a Slurm time (days-hours:minutes:seconds)");
        assertThatThrownBy(() -> parse("Cluster - 'c'\nQOS - 'late'\n"))
                .hasMessage("dump.cfg:2: QOS - 'late': QOS lines must come before the Cluster line");
        assertThatThrownBy(() -> parse("Cluster - 'c'\nAccount - 'a'\nAccount - 'a'\n")).hasMessage("dump.cfg:3: Account - 'a' is defined twice");
        assertThatThrownBy(() -> parse("Cluster - 'c'\nAccount - 'a:Description=x\n")).hasMessage("dump.cfg:2: a quote (') is not closed");
        assertThatThrownBy(() -> parse("Users - 'x'\n")).hasMessage("dump.cfg:1: Users: not a dump title (QOS, Cluster, Parent, Account, User)");
        assertThatThrownBy(() -> parse("# only comments\n")).hasMessage("dump.cfg: no Cluster line; not a sacctmgr dump file");
        assertThatThrownBy(() -> parse("QOS - 'q':GraceTime=soon\nCluster - 'c'\n"))
                .hasMessage("dump.cfg:1: QOS q GraceTime=soon: not a Slurm time (days-hours:minutes:seconds)");
    }

    @Test
    void aMinimalDump() {
        SacctmgrDump d = parse("Cluster - 'c'\n");
        assertThat(d.root()).isEqualTo(AssociationLimits.NONE);
        assertThat(d.accounts()).isEmpty();
        assertThat(d.qos()).isEmpty();
        assertThat(d.account("x")).isEqualTo(Optional.empty());
        assertThat(List.of(d.cluster())).containsExactly("c");
    }
}
