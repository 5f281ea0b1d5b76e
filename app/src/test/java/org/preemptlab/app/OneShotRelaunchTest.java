package org.preemptlab.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.OneShotRelaunch.ArchiveState;
import org.preemptlab.app.OneShotRelaunch.Plan;

class OneShotRelaunchTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Path JAR = Path.of("/opt/x/preemptlab.jar");

    private static List<String> plain(String... args) {
        List<String> p = new ArrayList<>(List.of("-jar", "preemptlab.jar"));
        p.addAll(Arrays.asList(args));
        return p;
    }

    @Test
    void aPlainJavaJarSimulateRunsInAChildWithTheLauncherOptionsAndTheArchive() {
        String[] args = {"simulate", "--trace", "t.swf", "--policy", "easy"};
        Plan plan = OneShotRelaunch.plan(args, plain(args), Map.of(), JAVA, JAR, ArchiveState.USABLE).orElseThrow();
        List<String> cmd = plan.command();
        assertThat(cmd.get(0)).isEqualTo(JAVA.toString());
        assertThat(cmd).containsSubsequence("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn32m",
                "-XX:SharedArchiveFile=/opt/x/preemptlab-jar.jsa", "-jar", "/opt/x/preemptlab.jar",
                "simulate", "--trace", "t.swf", "--policy", "easy");
        assertThat(cmd.subList(cmd.size() - args.length, cmd.size())).containsExactly(args);
        assertThat(plan.classList()).isNull();
        assertThat(plan.dumpCommand(Path.of("/tmp/a.jsa"))).isEmpty();
        // the child's own arguments start with an option: it runs the command itself
        assertThat(OneShotRelaunch.plan(args, cmd.subList(1, cmd.size()), Map.of(), JAVA, JAR, ArchiveState.USABLE)).isEmpty();
    }

    @Test
    void withoutAnArchiveTheFirstRunListsItsClassesAndTheDumpUsesTheSameClassPath() {
        String[] args = {"run", "s.json"};
        Plan plan = OneShotRelaunch.plan(args, plain(args), Map.of(), JAVA, JAR, ArchiveState.TO_MAKE).orElseThrow();
        assertThat(plan.classList()).isNotNull();
        assertThat(plan.classList().getParent()).isEqualTo(JAR.getParent());
        assertThat(plan.command()).contains("-XX:DumpLoadedClassList=" + plan.classList())
                .noneMatch(w -> w.startsWith("-XX:SharedArchiveFile"));
        List<String> dump = plan.dumpCommand(Path.of("/opt/x/tmp.jsa")).orElseThrow();
        assertThat(dump).containsSubsequence(JAVA.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + plan.classList(),
                "-XX:SharedArchiveFile=/opt/x/tmp.jsa", "-cp", JAR.toString());

        Plan none = OneShotRelaunch.plan(args, plain(args), Map.of(), JAVA, JAR, ArchiveState.NONE).orElseThrow();
        assertThat(none.command()).noneMatch(w -> w.contains("Shared") || w.contains("DumpLoadedClassList"));
    }

    @Test
    void notRelaunchedWhenTheUserChoseOptionsOrForTheWindowAndTheLongCommands() {
        String[] sim = {"simulate", "--trace", "t.swf"};
        assertThat(OneShotRelaunch.plan(sim, List.of("-Xmx2g", "-jar", "p.jar", "simulate"), Map.of(), JAVA, JAR,
                ArchiveState.USABLE)).isEmpty();
        for (String v : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "PREEMPTLAB_NO_RELAUNCH")) {
            assertThat(OneShotRelaunch.plan(sim, plain(sim), Map.of(v, "-Xmx1g"), JAVA, JAR, ArchiveState.USABLE))
                    .as(v).isEmpty();
        }
        assertThat(OneShotRelaunch.plan(sim, plain(sim), Map.of("JAVA_TOOL_OPTIONS", " "), JAVA, JAR, ArchiveState.USABLE))
                .isPresent();
        assertThat(OneShotRelaunch.plan(sim, plain(sim), Map.of(), JAVA, null, ArchiveState.USABLE)).isEmpty();
        assertThat(OneShotRelaunch.plan(sim, null, Map.of(), JAVA, JAR, ArchiveState.USABLE)).isEmpty();
        for (String[] args : List.of(new String[0], new String[] {"bench", "--cold"}, new String[] {"sweep"},
                new String[] {"s.json", "--smoke-test"}, new String[] {"--help"})) {
            assertThat(OneShotRelaunch.plan(args, plain(args), Map.of(), JAVA, JAR, ArchiveState.USABLE))
                    .as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void theArchiveIsUsedOnlyWhenNewerThanTheJar(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("preemptlab.jar"), "jar");
        assertThat(ArchiveState.of(jar)).isEqualTo(ArchiveState.TO_MAKE);
        Path archive = Files.writeString(dir.resolve(OneShotRelaunch.ARCHIVE_NAME), "jsa");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(2_000_000));
        assertThat(ArchiveState.of(jar)).isEqualTo(ArchiveState.USABLE);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(500_000));
        assertThat(ArchiveState.of(jar)).isEqualTo(ArchiveState.TO_MAKE);
    }

    @Test
    void aPlainJavaJarReplayRunsInAChildWithTheScriptsReplayOptionsAndItsOwnArchive() {
        String[] args = {"replay", "--slurm-conf", "s.conf", "--sacct", "h.txt"};
        Plan plan = OneShotRelaunch.plan(args, plain(args), Map.of(), JAVA, JAR, ArchiveState.USABLE).orElseThrow();
        List<String> cmd = plan.command();
        assertThat(cmd).containsSubsequence("-XX:+UseSerialGC", "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000", "-Xms1g",
                "-XX:SharedArchiveFile=/opt/x/preemptlab-replay.jsa", "-jar", "/opt/x/preemptlab.jar", "replay");
        assertThat(cmd).doesNotContain("-XX:TieredStopAtLevel=1", "-Xmn32m", "-XX:SharedArchiveFile=/opt/x/preemptlab-jar.jsa");
        assertThat(cmd.subList(cmd.size() - args.length, cmd.size())).containsExactly(args);
        assertThat(plan.classList()).isNull();
        // the first replay lists its classes for replay's archive (the one-shot commands' one is not touched)
        Plan first = OneShotRelaunch.plan(args, plain(args), Map.of(), JAVA, JAR, ArchiveState.TO_MAKE).orElseThrow();
        assertThat(first.archive()).isEqualTo(Path.of("/opt/x/preemptlab-replay.jsa"));
        assertThat(first.classList().getFileName().toString()).startsWith("preemptlab-replay.jsa.").endsWith(".classlist");
        assertThat(first.command()).contains("-XX:DumpLoadedClassList=" + first.classList()).noneMatch(w -> w.contains("Shared"));
        assertThat(first.dumpCommand(Path.of("/opt/x/tmp.jsa")).orElseThrow()).contains("-Xshare:dump",
                "-XX:SharedClassListFile=" + first.classList(), "-XX:SharedArchiveFile=/opt/x/tmp.jsa");
        Plan none = OneShotRelaunch.plan(args, plain(args), Map.of(), JAVA, JAR, ArchiveState.NONE).orElseThrow();
        assertThat(none.command()).noneMatch(w -> w.contains("Shared") || w.contains("DumpLoadedClassList"));
        assertThat(OneShotRelaunch.plan(args, List.of("-Xmx8g", "-jar", "p.jar", "replay"), Map.of(), JAVA, JAR,
                ArchiveState.USABLE)).isEmpty();
        assertThat(OneShotRelaunch.archiveFor("simulate", JAR)).isEqualTo(Path.of("/opt/x/preemptlab-jar.jsa"));
    }

    /** replay's archive is judged on its own: the one-shot commands' archive, fresh, does not make it usable. */
    @Test
    void replaysArchiveIsUsedOnlyWhenItselfNewerThanTheJar(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("preemptlab.jar"), "jar");
        Path replayArchive = OneShotRelaunch.archiveFor("replay", jar);
        Path oneShot = Files.writeString(dir.resolve(OneShotRelaunch.ARCHIVE_NAME), "jsa");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(oneShot, FileTime.fromMillis(2_000_000));
        assertThat(ArchiveState.of(jar)).isEqualTo(ArchiveState.USABLE);
        assertThat(ArchiveState.of(jar, replayArchive)).isEqualTo(ArchiveState.TO_MAKE);
        Files.writeString(replayArchive, "jsa");
        Files.setLastModifiedTime(replayArchive, FileTime.fromMillis(3_000_000));
        assertThat(ArchiveState.of(jar, replayArchive)).isEqualTo(ArchiveState.USABLE);
        Files.setLastModifiedTime(replayArchive, FileTime.fromMillis(500_000)); // a newer jar: stale, made again
        assertThat(ArchiveState.of(jar, replayArchive)).isEqualTo(ArchiveState.TO_MAKE);
    }

    /** An archive as the JVM writes it (r--r--r--) becomes rw-r--r--, as the jar next to it. */
    @Test
    void aDumpedArchiveIsMadeWritableByItsOwner(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.jsa"), "jsa");
        org.junit.jupiter.api.Assumptions.assumeTrue(a.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(a, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        OneShotRelaunch.ownerWritable(a);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(a))).isEqualTo("rw-r--r--");
        OneShotRelaunch.ownerWritable(dir.resolve("missing.jsa")); // no file: nothing, no exception
    }

    /** replay's options are the launcher script's replay line (plus its serial collector). */
    @Test
    void theReplayOptionsAreTheLauncherScripts() throws Exception {
        String text = Files.readString(Path.of("..", "preemptlab"));
        Matcher m = Pattern.compile("\\n  replay\\) opts\\+=\\(([^)]*)\\)").matcher(text);
        assertThat(m.find()).as("the replay case of the launcher script").isTrue();
        List<String> scriptOptions = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        scriptOptions.addAll(List.of(m.group(1).trim().split("\\s+")));
        assertThat(OneShotRelaunch.REPLAY_OPTIONS).containsExactlyInAnyOrderElementsOf(scriptOptions);
    }

    /** The installed app's replay launcher (installer/build.sh, bin/preemptlab-replay) has the same replay options. */
    @Test
    void theInstallersReplayLauncherHasTheReplayOptions() throws Exception {
        String text = Files.readString(Path.of("..", "installer", "build.sh"));
        Matcher java = Pattern.compile("\\njava_options=\\(([^)]*)\\)").matcher(text);
        assertThat(java.find()).as("java_options in installer/build.sh").isTrue();
        Matcher m = Pattern.compile("\\nreplay_options=\\(\"\\$\\{java_options\\[@\\]\\}\" ([^)]*)\\)").matcher(text);
        assertThat(m.find()).as("replay_options in installer/build.sh").isTrue();
        List<String> launcherOptions = new ArrayList<>(List.of(java.group(1).trim().split("\\s+")));
        launcherOptions.addAll(List.of(m.group(1).trim().split("\\s+")));
        assertThat(OneShotRelaunch.REPLAY_OPTIONS).containsExactlyInAnyOrderElementsOf(launcherOptions);
        assertThat(text).contains("--add-launcher \"$replay_name=$T/$replay_name.properties\"");
    }

    /** The options and commands are the launcher script's: one measurement, one list (they must not drift apart). */
    @Test
    void theOptionsAndCommandsAreTheLauncherScripts() throws Exception {
        Path script = Path.of("..", "preemptlab");
        String text = Files.readString(script);
        Matcher m = Pattern.compile("\\n  ([a-z|-]+)\\) one_shot=1\\n\\s*opts\\+=\\(([^)]*)\\)").matcher(text);
        assertThat(m.find()).as("the one-shot case of " + script).isTrue();
        assertThat(List.of(m.group(1).split("\\|"))).containsExactlyInAnyOrderElementsOf(OneShotRelaunch.ONE_SHOT);
        List<String> scriptOptions = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        scriptOptions.addAll(List.of(m.group(2).trim().split("\\s+")));
        assertThat(OneShotRelaunch.OPTIONS).containsExactlyInAnyOrderElementsOf(scriptOptions);
    }
}
