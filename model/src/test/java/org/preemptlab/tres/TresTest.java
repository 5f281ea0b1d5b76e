package org.preemptlab.tres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TresTest {

    @Test
    void parsesSlurmsFormWithMemoryUnits() {
        Tres t = Tres.parse("cpu=4,mem=16G,node=1,gres/gpu:a100=2");
        assertThat(t.get(Tres.CPU)).isEqualTo(4);
        assertThat(t.get(Tres.MEM)).isEqualTo(16 * 1024);
        assertThat(t.get("gres/gpu:a100")).isEqualTo(2);
        assertThat(t.toString()).isEqualTo("cpu=4,gres/gpu:a100=2,mem=16384M,node=1");
        assertThat(Tres.parse(t.toString())).isEqualTo(t);
        assertThat(Tres.parse("mem=2T").get(Tres.MEM)).isEqualTo(2L * 1024 * 1024);
        assertThat(Tres.parse("mem=1500K").get(Tres.MEM)).isEqualTo(2);
        assertThat(Tres.parse("cpu=-1,mem=10").has(Tres.CPU)).isFalse(); // sacctmgr's "unset"
        assertThat(Tres.parse("")).isEqualTo(Tres.NONE);
    }

    @Test
    void refusesWhatItDoesNotModelNamingIt() {
        assertThatThrownBy(() -> Tres.parse("license/matlab=1")).hasMessageContaining("\"license/matlab\" is not a modelled TRES");
        assertThatThrownBy(() -> Tres.parse("cpu=x")).hasMessage("cpu=x; not a whole number");
        assertThatThrownBy(() -> Tres.parse("cpu=-2")).hasMessage("cpu=-2; must be ≥ 0");
        assertThatThrownBy(() -> Tres.parse("cpu=1,cpu=2")).hasMessage("cpu is given twice");
        assertThatThrownBy(() -> Tres.parse("cpu")).hasMessage("\"cpu\" is not NAME=VALUE");
        assertThatThrownBy(() -> Tres.parse("mem=3Q")).hasMessageContaining("use a number with K, M, G or T");
    }

    @Test
    void arithmeticAndLimits() {
        Tres a = Tres.of(4, 100, 1);
        Tres b = Tres.of(2, 0, 1).with(Tres.GPU, 1);
        assertThat(a.plus(b)).isEqualTo(Tres.of(6, 100, 2).with(Tres.GPU, 1));
        assertThat(a.plus(b).minus(b)).isEqualTo(a.with(Tres.GPU, 0).with(Tres.NODE, 1));
        assertThatThrownBy(() -> a.minus(b)).isInstanceOf(IllegalStateException.class).hasMessageContaining("gres/gpu");
        assertThat(a.times(3)).isEqualTo(Tres.of(12, 300, 3));
        Tres limit = Tres.parse("cpu=4,gres/gpu=0");
        assertThat(a.firstOver(limit)).isNull();
        assertThat(b.firstOver(limit)).isEqualTo(Tres.GPU);
        assertThat(a.plus(b).firstOver(limit)).isEqualTo(Tres.CPU);
        assertThat(a.firstOver(Tres.NONE)).isNull();
    }
}
