package org.preemptlab.slurmconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Bad input never crashes or hangs: on any text, and on the teaching site's files with random
 * damage, every parser either returns records or throws its own exception with a message
 * (SlurmConfException for files, IllegalArgumentException for a host list or a time).
 */
class ParsersNeverCrashProperties {

    /** Include lines resolve here: a directory that does not exist, so no real file is read. */
    private static final Path NOWHERE = Path.of("target", "no-such-dir-for-includes");

    private static final String ALPHABET = "abcNodeNamPrtiSsQOUDLEFGHTXYZ0123456789=[]-,:#\\\"' \n|/%.*+_()";

    @Provide
    Arbitrary<String> slurmish() {
        return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(300);
    }

    private static final List<String> KEYS = List.of("NodeName", "PartitionName", "Nodes", "CPUs", "Sockets", "SocketsPerBoard", "Boards",
            "CoresPerSocket", "ThreadsPerCore", "RealMemory", "Gres", "Features", "Weight", "State", "MaxTime", "DefaultTime", "MaxNodes",
            "OverSubscribe", "Exclusive", "PreemptMode", "PriorityTier", "Priority", "AllowAccounts", "DenyQos", "DefMemPerCPU",
            "DefMemPerNode", "SchedulerParameters", "SelectType", "SelectTypeParameters", "PriorityFlags", "PriorityWeightTRES",
            "PreemptType", "PreemptExemptTime", "DownNodes", "NodeSet", "Feature", "Name", "Type", "Count", "File", "AutoDetect",
            "Include", "ClusterName", "PriorityDecayHalfLife", "PriorityUsageResetPeriod", "GresTypes");

    private static final List<String> VALUES = List.of("", "\"\"", "DEFAULT", "ALL", "n[1-3]", "n[01-04,7]", "n[", "[]", "x[1-2]y[3-4]", "0",
            "-1", "65536", "99999999999999999999", "UNLIMITED", "1-xx:00", "2-00:00:00", "1:30", "gpu:a100:4", "gpu:", ":4", "gpu:a:b:2",
            "YES", "NO", "FORCE:0", "YES:1", "EXCLUSIVE", "SUSPEND,GANG", "bf_window=,bf_continue", "CR_Core,CR_CPU", "CPU=x",
            "%c.conf", "*.conf", "\"a b\"", "=", "\\", "#");

    private static Arbitrary<String> lines(List<String> keys) {
        Arbitrary<String> pair = net.jqwik.api.Combinators.combine(Arbitraries.of(keys), Arbitraries.of(VALUES), Arbitraries.of("=", " = ", "+=", " "))
                .as((k, v, eq) -> k + eq + v);
        Arbitrary<String> line = pair.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(" ", l));
        return line.list().ofMaxSize(12).map(l -> String.join("\n", l));
    }

    @Provide
    Arbitrary<String> slurmConfLines() {
        return lines(KEYS);
    }

    @Provide
    Arbitrary<String> gresConfLines() {
        return lines(List.of("NodeName", "Name", "Type", "Count", "File", "AutoDetect", "Cores"));
    }

    @Property(tries = 400, seed = "20261206")
    void anySlurmConfLinesAreReadOrRefusedWithAMessage(@ForAll("slurmConfLines") String text) {
        parseAs("slurm.conf", text);
    }

    @Property(tries = 400, seed = "20261206")
    void anyGresConfLinesAreReadOrRefusedWithAMessage(@ForAll("gresConfLines") String text) {
        parseAs("gres.conf", text);
    }

    @Provide
    Arbitrary<String> fileName() {
        return Arbitraries.of("slurm.conf", "nodes.conf", "gres.conf", "tundra.cfg", "qos.txt");
    }

    private static void onlyOwnErrors(Runnable parse) {
        try {
            parse.run();
        } catch (SlurmConfException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.problems()).allSatisfy(p -> assertThat(p).isNotBlank());
        }
    }

    private static void parseAs(String file, String text) {
        ImportReport report = new ImportReport();
        switch (file) {
            case "slurm.conf", "nodes.conf" -> onlyOwnErrors(() -> SlurmConfParser.parse(text, file, NOWHERE, report));
            case "gres.conf" -> onlyOwnErrors(() -> GresConfParser.parse(text, file, report));
            case "tundra.cfg" -> onlyOwnErrors(() -> SacctmgrDumpParser.parse(text, file, report));
            default -> onlyOwnErrors(() -> QosTableParser.parse(text, file, report));
        }
        assertThat(report.render()).isNotNull();
    }

    @Property(tries = 250, seed = "20261206")
    void anyTextIsReadOrRefusedWithAMessage(@ForAll("slurmish") String text, @ForAll("fileName") String file) {
        parseAs(file, text);
    }

    @Property(tries = 250, seed = "20261206")
    void theSitesFilesWithRandomDamage(@ForAll("fileName") String file, @ForAll @IntRange(min = 0, max = 100_000) int at,
                                       @ForAll @IntRange(min = 1, max = 40) int length, @ForAll("slurmish") String insert) {
        String text = read(file);
        int from = at % (text.length() + 1);
        int to = Math.min(text.length(), from + length);
        parseAs(file, text.substring(0, from) + insert + text.substring(to));
    }

    @Property(tries = 400, seed = "20261206")
    void hostListsAndTimes(@ForAll("slurmish") String text) {
        for (Consumer<String> parse : List.<Consumer<String>>of(HostList::expand, SlurmTime::parseSeconds, GresSpec::parseList, TresText::parse)) {
            try {
                parse.accept(text);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(SiteFixture.dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
