package org.preemptlab.gres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A GRES request list in Slurm's notation, and the binary-suffixed counts it shares with slurm.conf's node GRES. */
class GresTest {

    @Test
    void readsNamesTypesAndSuffixedCounts() {
        assertThat(Gres.parseList("gpu:a100:4, nvme:2K,gpu:t4,fpga")).containsExactly(new Gres("gpu", "a100", 4),
                new Gres("nvme", "", 2048), new Gres("gpu", "t4", 1), new Gres("fpga", "", 1));
        assertThat(Gres.format(Gres.parseList("gpu:a100:1t"))).isEqualTo("gpu:a100:" + (1L << 40));
        assertThat(Gres.parseList(" ")).isEqualTo(List.of());
    }

    @Test
    void namesTheEntryThatIsNotAGres() {
        assertThatThrownBy(() -> Gres.parseList("gpu:a100:x")).hasMessage("\"gpu:a100:x\": the count \"x\" is not a whole number");
        assertThatThrownBy(() -> Gres.parseList("gpu:4P")).hasMessage("\"gpu:4P\": the count \"4P\" is not a whole number");
        assertThatThrownBy(() -> Gres.parseList("gpu:9999999T")).hasMessage("\"gpu:9999999T\": the count \"9999999T\" is not a whole number");
        assertThatThrownBy(() -> Gres.parseList("gpu:2,gpu:1")).hasMessage("\"gpu:1\": gpu is given twice");
        assertThatThrownBy(() -> Gres.parseList(":2")).hasMessage("\":2\" is not a GRES; write name[:type]:count, e.g. gpu:a100:4");
    }

    @Test
    void scaledCountTakesTheSuffixesItIsGiven() {
        assertThat(Gres.scaledCount("3", "KMGT")).isEqualTo(3);
        assertThat(Gres.scaledCount("3m", "KMGT")).isEqualTo(3L << 20);
        assertThat(Gres.scaledCount("2P", "KMGTP")).isEqualTo(2L << 50);
        assertThatThrownBy(() -> Gres.scaledCount("2P", "KMGT")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> Gres.scaledCount("16384P", "KMGTP")).isInstanceOf(ArithmeticException.class);
    }
}
