package org.preemptlab.slurmconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class HostListTest {

    @Test
    void plainNamesAndCommaLists() {
        assertThat(HostList.expand("alpha,beta,gamma")).containsExactly("alpha", "beta", "gamma");
        assertThat(HostList.expand("n1")).containsExactly("n1");
        assertThat(HostList.expand("")).isEmpty();
    }

    @Test
    void rangesAndSingleNumbersInOneBracket() {
        assertThat(HostList.expand("node[01-04,07]")).containsExactly("node01", "node02", "node03", "node04", "node07");
        assertThat(HostList.expand("lx[15,18,32-33]")).containsExactly("lx15", "lx18", "lx32", "lx33");
    }

    @Test
    void theLowBoundFixesTheWidth() {
        assertThat(HostList.expand("n[1-10]")).hasSize(10).startsWith("n1").endsWith("n10");
        assertThat(HostList.expand("n[08-11]")).containsExactly("n08", "n09", "n10", "n11");
        assertThat(HostList.expand("linux[0000-0002]")).containsExactly("linux0000", "linux0001", "linux0002");
        assertThat(HostList.expand("n[001-1000]")).hasSize(1000).endsWith("n1000");
    }

    @Test
    void severalBracketsGiveEveryCombinationInSlurmsOrder() {
        assertThat(HostList.expand("rack[1-2]-n[1-2]")).containsExactly("rack1-n1", "rack1-n2", "rack2-n1", "rack2-n2");
        assertThat(HostList.expand("rack[0-1]_blade[0-2]")).hasSize(6).startsWith("rack0_blade0", "rack0_blade1");
        // Slurm expands the second-to-last bracket outermost (hostlist.c), the last innermost.
        assertThat(HostList.expand("a[1-2]b[1-2]c[1-2]")).containsExactly(
                "a1b1c1", "a1b1c2", "a2b1c1", "a2b1c2", "a1b2c1", "a1b2c2", "a2b2c1", "a2b2c2");
    }

    @Test
    void textAfterTheLastBracket() {
        assertThat(HostList.expand("n[1-2]-ib")).containsExactly("n1-ib", "n2-ib");
        assertThat(HostList.expand("/dev/nvidia[0-3]")).containsExactly("/dev/nvidia0", "/dev/nvidia1", "/dev/nvidia2", "/dev/nvidia3");
    }

    @Test
    void listsMixBracketsAndNames() {
        assertThat(HostList.expand("cn[001-002],gpu[1-2],login")).containsExactly("cn001", "cn002", "gpu1", "gpu2", "login");
        assertThat(HostList.expand("a[1-2] b")).containsExactly("a1", "a2", "b");
    }

    @Test
    void lettersInBracketsAreRefusedAsInSlurm() {
        assertThatThrownBy(() -> HostList.expand("gpu[1-4]-[a,b]"))
                .hasMessage("host list gpu[1-4]-[a,b]: [a,b] holds a, not a number or lo-hi range (Slurm's host lists take only numbers in brackets)");
    }

    @Test
    void malformedListsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> HostList.expand("n[1-4")).hasMessage("host list n[1-4: a '[' without ']'");
        assertThatThrownBy(() -> HostList.expand("n1-4]")).hasMessage("host list n1-4]: a ']' without '['");
        assertThatThrownBy(() -> HostList.expand("n[4-1]")).hasMessage("host list n[4-1]: range 4-1 runs backwards");
        assertThatThrownBy(() -> HostList.expand("n[1-]")).hasMessageContaining("[1-] holds 1-, not a number");
        assertThatThrownBy(() -> HostList.expand("n[]")).hasMessageContaining("holds an empty entry");
        assertThatThrownBy(() -> HostList.expand("n[[1-2]]")).hasMessage("host list n[[1-2]]: brackets inside brackets");
    }

    @Test
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeExpansionsAreRefusedWithTheLimitNotBuilt() {
        assertThatThrownBy(() -> HostList.expand("node[1-999999999]"))
                .hasMessage("host list node[1-999999999]: range 1-999999999 has 999999999 hosts; at most 65536 are expanded (Slurm's limit)");
        assertThatThrownBy(() -> HostList.expand("a[0-60000]b[0-60000]"))
                .hasMessage("host list a[0-60000]b[0-60000]: a[0-60000]b[0-60000] would expand to more than 65536 hosts; at most 65536 are expanded (Slurm's limit)");
        assertThatThrownBy(() -> HostList.expand("n[1-99999999999999999999]")).hasMessageContaining("not a number or lo-hi range");
        assertThat(HostList.expand("n[1-65536]")).hasSize(HostList.MAX_HOSTS);
    }

    @Test
    void theLimitCountsTheWholeList() {
        assertThatThrownBy(() -> HostList.expand("a[1-40000],b[1-40000]")).hasMessageContaining("at most 65536");
    }
}
