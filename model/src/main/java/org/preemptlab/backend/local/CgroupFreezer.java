package org.preemptlab.backend.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A cgroup freezer hierarchy for the local backend's jobs: one cgroup per run
 * ({@code <mount>/<this JVM's cgroup>/preemptlab/<run id>}) and one per launch below it.
 * <ul>
 *   <li>v1: {@code freezer.state} takes FROZEN / THAWED and reads FREEZING until every task is
 *       frozen. A frozen task shows state D and does not act on any signal, SIGKILL included,
 *       until thawed: everything that ends a job thaws it first.</li>
 *   <li>v2: {@code cgroup.freeze} takes 1 / 0; {@code cgroup.events} reads {@code frozen 1} once
 *       frozen. SIGKILL ends frozen tasks; {@code cgroup.kill} kills every member.</li>
 * </ul>
 * A process joins by writing its pid to {@code cgroup.procs}; its later children are born inside.
 * The freezer has no "join before allocating" caveat (unlike memory accounting).
 */
final class CgroupFreezer {

    /** The freezer's cgroup version. */
    enum Version { V1, V2 }

    static final String DIR_NAME = "preemptlab";
    private static final Path MOUNTS = Path.of("/proc/self/mounts");
    private static final Path SELF_CGROUP = Path.of("/proc/self/cgroup");

    private final Version version;
    private final Path runGroup;

    private CgroupFreezer(Version version, Path runGroup) {
        this.version = version;
        this.runGroup = runGroup;
    }

    /** The outcome of {@link #open}: a freezer, or why there is none. */
    record Detection(Optional<CgroupFreezer> freezer, String reason) {}

    /**
     * Creates the run's cgroup in the freezer {@code requested} allows ({@link SuspendMethod#AUTO} /
     * {@link SuspendMethod#FREEZER}: v1 first, then v2) and checks that it can be thawed (written).
     */
    static Detection open(SuspendMethod requested, String runId) {
        List<String> reasons = new ArrayList<>();
        List<Version> versions = switch (requested) {
            case FREEZER_V1 -> List.of(Version.V1);
            case FREEZER_V2 -> List.of(Version.V2);
            case AUTO, FREEZER -> List.of(Version.V1, Version.V2);
            case SIGNALS -> List.of();
        };
        for (Version v : versions) {
            Optional<Path> base = base(v);
            if (base.isEmpty()) {
                reasons.add(v == Version.V1 ? "no cgroup v1 freezer is mounted" : "no cgroup2 hierarchy is mounted");
                continue;
            }
            Path group = base.get().resolve(DIR_NAME).resolve(runId);
            try {
                Files.createDirectories(group);
                CgroupFreezer f = new CgroupFreezer(v, group);
                if (!Files.exists(f.controlFile(group))) {
                    removeQuietly(group);
                    reasons.add(v + ": " + group + " has no " + f.controlFile(group).getFileName());
                    continue;
                }
                f.thaw(group);
                return new Detection(Optional.of(f), "cgroup " + (v == Version.V1 ? "v1 freezer" : "v2 cgroup.freeze") + " at " + group);
            } catch (IOException | RuntimeException e) {
                removeQuietly(group);
                reasons.add(v + ": " + group + " is not writable (" + e.getMessage() + ")");
            }
        }
        return new Detection(Optional.empty(), requested == SuspendMethod.SIGNALS ? "signals requested" : String.join("; ", reasons));
    }

    /** {@code <mount>/<this process's cgroup>} of the hierarchy, if mounted. */
    static Optional<Path> base(Version v) {
        try {
            Path mount = null;
            for (String line : Files.readAllLines(MOUNTS)) {
                String[] f = line.split(" ");
                if (f.length < 4) continue;
                if (v == Version.V1 && f[2].equals("cgroup") && List.of(f[3].split(",")).contains("freezer")) mount = Path.of(unescape(f[1]));
                if (v == Version.V2 && f[2].equals("cgroup2")) mount = Path.of(unescape(f[1]));
                if (mount != null) break;
            }
            if (mount == null) return Optional.empty();
            String own = "/";
            for (String line : Files.readAllLines(SELF_CGROUP)) {
                String[] f = line.split(":", 3);
                if (f.length < 3) continue;
                boolean match = v == Version.V1 ? List.of(f[1].split(",")).contains("freezer") : f[0].equals("0") && f[1].isEmpty();
                if (match) {
                    own = f[2];
                    break;
                }
            }
            Path base = mount;
            for (String part : own.split("/")) if (!part.isEmpty()) base = base.resolve(part);
            return Optional.of(base);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String unescape(String mountField) {
        return mountField.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
    }

    Version version() {
        return version;
    }

    SuspendMethod method() {
        return version == Version.V1 ? SuspendMethod.FREEZER_V1 : SuspendMethod.FREEZER_V2;
    }

    Path runGroup() {
        return runGroup;
    }

    /** Creates the cgroup of one launch. */
    Path create(String name) throws IOException {
        Path g = runGroup.resolve(name);
        Files.createDirectories(g);
        return g;
    }

    /** Moves a process into the cgroup; its future children are born there. */
    static void join(Path group, long pid) throws IOException {
        Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
    }

    /** True if the process is a member of the cgroup. */
    static boolean contains(Path group, long pid) {
        return members(group).contains(pid);
    }

    /** The pids in the cgroup (empty if it is gone). */
    static List<Long> members(Path group) {
        List<Long> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(group.resolve("cgroup.procs"))) {
                if (!line.isBlank()) pids.add(Long.parseLong(line.trim()));
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return pids;
    }

    private Path controlFile(Path group) {
        return group.resolve(version == Version.V1 ? "freezer.state" : "cgroup.freeze");
    }

    void freeze(Path group) throws IOException {
        Files.writeString(controlFile(group), version == Version.V1 ? "FROZEN" : "1");
    }

    void thaw(Path group) throws IOException {
        Files.writeString(controlFile(group), version == Version.V1 ? "THAWED" : "0");
    }

    /** True once every task of the cgroup is frozen (v1 FROZEN, v2 {@code frozen 1}). */
    boolean isFrozen(Path group) {
        return "FROZEN".equals(state(group));
    }

    /** True if the cgroup is neither frozen nor freezing. */
    boolean isThawed(Path group) {
        return "THAWED".equals(state(group));
    }

    /** FROZEN, FREEZING, THAWED, or "?" when unreadable. */
    String state(Path group) {
        return stateOf(version, group);
    }

    static String stateOf(Version version, Path group) {
        try {
            if (version == Version.V1) return Files.readString(group.resolve("freezer.state")).trim();
            boolean frozen = Files.readAllLines(group.resolve("cgroup.events")).contains("frozen 1");
            String wanted = Files.readString(group.resolve("cgroup.freeze")).trim();
            return frozen ? "FROZEN" : wanted.equals("1") ? "FREEZING" : "THAWED";
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The version of an existing cgroup directory, from its files. */
    static Optional<Version> versionOf(Path group) {
        if (Files.exists(group.resolve("freezer.state"))) return Optional.of(Version.V1);
        if (Files.exists(group.resolve("cgroup.freeze"))) return Optional.of(Version.V2);
        return Optional.empty();
    }

    /** Thaws an existing cgroup of either version (no-op if it is gone). */
    static void thawQuietly(Path group) {
        Optional<Version> v = versionOf(group);
        if (v.isEmpty()) return;
        try {
            Files.writeString(group.resolve(v.get() == Version.V1 ? "freezer.state" : "cgroup.freeze"), v.get() == Version.V1 ? "THAWED" : "0");
        } catch (IOException e) {
            // gone
        }
    }

    /**
     * Ends what is left in a cgroup (every member is ours: only our launches join it): thaw,
     * SIGKILL each member (v2: {@code cgroup.kill}), wait until it is empty.
     *
     * @return true if the cgroup is empty
     */
    static boolean killMembers(Path group, long timeoutMillis) {
        if (!Files.isDirectory(group)) return true;
        thawQuietly(group);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            List<Long> pids = members(group);
            if (pids.isEmpty()) return true;
            if (System.nanoTime() > deadline) return false;
            Path kill = group.resolve("cgroup.kill");
            boolean killed = false;
            if (Files.exists(kill)) {
                try {
                    Files.writeString(kill, "1");
                    killed = true;
                } catch (IOException e) {
                    // fall back to signals
                }
            }
            if (!killed) {
                for (long pid : pids) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
            if (!ProcessGroups.sleep(10)) return members(group).isEmpty();
        }
    }

    /** Removes a cgroup directory (thawed, with no members) and its empty sub-cgroups; true if it is gone. */
    static boolean remove(Path group, long timeoutMillis) {
        if (!Files.isDirectory(group)) return true;
        thawQuietly(group);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            try (var children = Files.list(group)) {
                for (Path c : children.filter(Files::isDirectory).toList()) remove(c, 0);
            } catch (IOException e) {
                // listing a vanishing directory
            }
            try {
                Files.deleteIfExists(group); // rmdir: cgroupfs ignores the control files
                return true;
            } catch (IOException e) {
                if (System.nanoTime() > deadline || !ProcessGroups.sleep(10)) return !Files.isDirectory(group);
            }
        }
    }

    private static void removeQuietly(Path group) {
        remove(group, 0);
    }
}
