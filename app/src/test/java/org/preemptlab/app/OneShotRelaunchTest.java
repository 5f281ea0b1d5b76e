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
    void aPlainJavaJarReplayRunsInAChildWithTheScriptsReplayOptionsAndNeverMakesTheArchive() {
        String[] args = {"replay", "--slurm-conf", "s.conf", "--sacct", "h.txt"};
        Plan plan = OneShotRelaunch.plan(args, plain(args), Map.of(), JAVA, JAR, ArchiveState.USABLE).orElseThrow();
        List<String> cmd = plan.command();
        assertThat(cmd).containsSubsequence("-XX:+UseSerialGC", "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000", "-Xms1g",
                "-XX:SharedArchiveFile=/opt/x/preemptlab-jar.jsa", "-jar", "/opt/x/preemptlab.jar", "replay");
        assertThat(cmd).doesNotContain("-XX:TieredStopAtLevel=1", "-Xmn32m");
        assertThat(cmd.subList(cmd.size() - args.length, cmd.size())).containsExactly(args);
        Plan first = OneShotRelaunch.plan(args, plain(args), Map.of(), JAVA, JAR, ArchiveState.TO_MAKE).orElseThrow();
        assertThat(first.classList()).isNull();
        assertThat(first.command()).noneMatch(w -> w.contains("Shared") || w.contains("DumpLoadedClassList"));
        assertThat(OneShotRelaunch.plan(args, List.of("-Xmx8g", "-jar", "p.jar", "replay"), Map.of(), JAVA, JAR,
                ArchiveState.USABLE)).isEmpty();
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
