package org.preemptlab.slurmconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QosTableParserTest {

    @Test
    void theSitesQosTableEveryField() {
        ImportReport report = new ImportReport();
        QosFileTable t = QosTableParser.read(SiteFixture.dir().resolve("qos.txt"), report);
        assertThat(t.qos()).extracting(QosDefinition::name).containsExactly("normal", "high", "debug", "scavenger", "gpu_part");

        QosDefinition normal = t.get("normal").orElseThrow();
        assertThat(normal.priority()).isZero();
        assertThat(normal.preemptMode()).isEqualTo(Optional.empty()); // "cluster"
        assertThat(normal.usageFactor()).isEqualTo(1.0);
        assertThat(normal.maxWallSeconds()).isEqualTo(OptionalLong.empty());
        assertThat(normal.where()).isEqualTo("qos.txt:2");

        QosDefinition high = t.get("high").orElseThrow();
        assertThat(high.priority()).isEqualTo(1000);
        assertThat(high.graceTimeSeconds()).isEqualTo(120); // 00:02:00
        assertThat(high.preempt()).containsExactly("scavenger");
        assertThat(high.preemptMode()).contains(new PreemptModeSetting(PreemptModeSetting.Kind.REQUEUE, false, false, false));
        assertThat(high.flags()).containsExactly("DENYONLIMIT");
        assertThat(high.usageFactor()).isEqualTo(2.0);
        assertThat(high.maxWallSeconds()).hasValue(2 * 86_400);
        assertThat(high.maxTresPerUser()).isEqualTo(Map.of("cpu", 256L, "gres/gpu:a100", 4L));
        assertThat(high.maxJobsPerUser()).hasValue(4);
        assertThat(high.usageThreshold()).isEqualTo(OptionalDouble.empty());

        QosDefinition debug = t.get("debug").orElseThrow();
        assertThat(debug.maxTresPerJob()).isEqualTo(Map.of("node", 2L));
        assertThat(debug.maxWallSeconds()).hasValue(1800);
        assertThat(debug.maxSubmitJobsPerUser()).hasValue(5);

        QosDefinition scavenger = t.get("scavenger").orElseThrow();
        assertThat(scavenger.preemptExemptTimeSeconds()).hasValue(600);
        assertThat(scavenger.flags()).containsExactly("NODECAY");
        assertThat(scavenger.usageFactor()).isZero();

        assertThat(t.get("gpu_part").orElseThrow().grpTres()).isEqualTo(Map.of("gres/gpu", 12L));
        assertThat(report.ignored()).extracting(Object::toString).containsExactly("qos.txt:3: QOS high MaxTRESMins=cpu=100000 — ignored (not modelled)");
    }

    @Test
    void realOutputsOfOtherVersionsAndTheLowerCasePFlag() {
        // Slurm 20.11-style default columns (no MaxTRESRunMinsPA/PU) with -p: every row ends with '|'.
        String text = """
                Name|Priority|GraceTime|Preempt|PreemptExemptTime|PreemptMode|Flags|UsageThres|UsageFactor|GrpTRES|GrpTRESMins|GrpTRESRunMins|GrpJobs|GrpSubmit|GrpWall|MaxTRES|MaxTRESPerNode|MaxTRESMins|MaxWall|MaxTRESPU|MaxJobsPU|MaxSubmitPU|MaxTRESPA|MaxJobsPA|MaxSubmitPA|MinTRES|
                normal|1000|00:00:00|gutter||cluster|||1.000000|||||||||||||||||cpu=1|
                gutter|0|00:00:00|||cluster|||1.000000|cpu=32,mem=128G|||4|10|02:00:00||||||||||||
                """;
        QosFileTable t = QosTableParser.parse(text, "qos.txt", new ImportReport());
        assertThat(t.get("normal").orElseThrow().minTresPerJob()).isEqualTo(Map.of("cpu", 1L));
        QosDefinition gutter = t.get("gutter").orElseThrow();
        assertThat(gutter.grpTres()).isEqualTo(Map.of("cpu", 32L, "mem", 128L * 1024));
        assertThat(gutter.grpJobs()).hasValue(4);
        assertThat(gutter.grpSubmitJobs()).hasValue(10);
        assertThat(gutter.grpWallSeconds()).hasValue(7200);
    }

    @Test
    void aFormatWithFewColumns() {
        QosFileTable t = QosTableParser.parse("Name|Priority|MaxJobsPerUser\nlow|10|3\n", "q.txt", new ImportReport());
        assertThat(t.get("low").orElseThrow().maxJobsPerUser()).hasValue(3);
    }

    @Test
    void errorsNameTheRowAndColumn() {
        String header = "Name|Priority|MaxWall\n";
        assertThatThrownBy(() -> QosTableParser.parse(header + "a|x|\n", "q.txt", new ImportReport()))
                .hasMessage("q.txt:2: QOS a Priority=x: not a whole number");
        assertThatThrownBy(() -> QosTableParser.parse(header + "a|1|1-xx\n", "q.txt", new ImportReport()))
                .hasMessage("q.txt:2: QOS a MaxWall=1-xx: not a Slurm time (days-hours:minutes:seconds)");
        assertThatThrownBy(() -> QosTableParser.parse(header + "a|1\n", "q.txt", new ImportReport()))
                .hasMessage("q.txt:2: 2 cells, but the header (line 1) has 3");
        assertThatThrownBy(() -> QosTableParser.parse("Priority|MaxWall\n1|2\n", "q.txt", new ImportReport()))
                .hasMessageStartingWith("q.txt:1: no Name column in the header");
        assertThatThrownBy(() -> QosTableParser.parse(header + "a|1|\nA|2|\n", "q.txt", new ImportReport()))
                .hasMessage("q.txt:3: QOS a is listed twice");
        assertThatThrownBy(() -> QosTableParser.parse("\n", "q.txt", new ImportReport()))
                .hasMessage("q.txt: empty; expected the output of sacctmgr -P show qos");
    }
}
