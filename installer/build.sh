#!/usr/bin/env bash
# Builds PreemptLab's desktop app: a trimmed Java runtime with JavaFX (jdeps + jlink), an app image
# (jpackage --type app-image) and a Debian package (jpackage --type deb), all with JAVA_HOME's tools
# (JDK 17 and 25 work; default: the JDK of `javac`/`java` on PATH). Output, under installer/target/:
#   PreemptLab/                  the app image: PreemptLab/bin/PreemptLab [FILE.json] [--smoke-test] (the window and
#                                every command), PreemptLab/bin/preemptlab-cli COMMAND ... (the one-shot commands' JVM options),
#                                PreemptLab/bin/preemptlab-replay replay ... (replay's JVM options)
#   preemptlab_<version>_amd64.deb  installs to /opt/preemptlab, a menu entry, the icon, and the
#                                   association of *.preemptlab.json files (see package/scenario-association.properties)
# installer/package/resources/ overrides three of jpackage's files: PreemptLab.desktop (jpackage's
# has no %f in Exec, so an associated file would not reach the app), postinst and prerm (the menu
# and file-type registration only warn where the system has no menu directories, e.g. a server).
# Needs: a JDK with jlink and jpackage; for the .deb: dpkg-deb and fakeroot.
# MVN_ARGS: extra Maven arguments (e.g. MVN_ARGS=-o to build offline).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
T=installer/target
started=$(date +%s.%N)

say() { echo "[installer] $*"; }
die() { echo "installer/build.sh: $*" >&2; exit 1; }
seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

if [[ -z "${JAVA_HOME:-}" ]]; then
  javac_path="$(command -v javac || true)"
  [[ -n "$javac_path" ]] || die "JAVA_HOME is not set and there is no javac on PATH; set JAVA_HOME to a JDK 17+"
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$javac_path")")")"
fi
export JAVA_HOME
for tool in java jdeps jlink jpackage; do
  [[ -x "$JAVA_HOME/bin/$tool" ]] || die "$JAVA_HOME/bin/$tool not found; JAVA_HOME must be a full JDK 17+ (with jlink and jpackage)"
done
feature="$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
[[ "$feature" =~ ^[0-9]+$ && "$feature" -ge 17 ]] || die "$JAVA_HOME is Java '${feature}'; PreemptLab needs 17 or later"

version="$(sed -n 's:^  <version>\([^<]*\)</version>.*:\1:p' pom.xml | head -1)"
[[ -n "$version" ]] || die "pom.xml: no project <version> found"
app_version="${version%-SNAPSHOT}"
name="PreemptLab"
vendor="PreemptLab"
description="What-if planner for HPC batch scheduling with preemption"
say "PreemptLab ${app_version} with JDK ${feature} (${JAVA_HOME})"

# ---------------------------------------------------------------- 1. jars
step=$(date +%s.%N)
if [[ ! -f app/target/preemptlab.jar ]]; then
  say "app/target/preemptlab.jar is missing: building it"
fi
rm -rf "$T"
mkdir -p "$T/deps" "$T/fx" "$T/input"
# one Maven run: (re)package the modules (quick when up to date) and copy the app's runtime
# dependencies; the plugin is named in full so the build needs no pom change
# (Maven itself on JDK 24+ warns about sun.misc.Unsafe unless told otherwise)
if [[ "$feature" -ge 24 && -z "${MAVEN_OPTS:-}" ]]; then export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow"; fi
# shellcheck disable=SC2086
./mvnw -B -q ${MVN_ARGS:-} -DskipTests package \
  org.apache.maven.plugins:maven-dependency-plugin:3.7.0:copy-dependencies \
  -DincludeScope=runtime -DexcludeGroupIds=org.preemptlab -DoutputDirectory="$repo/$T/deps"
[[ -f app/target/preemptlab.jar ]] || die "the Maven build did not produce app/target/preemptlab.jar"
main_jar="preemptlab-app-${version}.jar"
cp "app/target/$main_jar" "model/target/preemptlab-model-${version}.jar" "$T/input/"
# JavaFX goes into the runtime as modules (only the -linux jars hold classes; the others are empty)
mv "$T"/deps/javafx-*-linux.jar "$T/fx/"
rm -f "$T"/deps/javafx-*.jar
mv "$T"/deps/*.jar "$T/input/"
rmdir "$T/deps"
say "jars: $(cd "$T/input" && ls ./*.jar | wc -l) on the class path, JavaFX modules: $(cd "$T/fx" && ls | tr '\n' ' ')($(seconds_since "$step") s)"

# ---------------------------------------------------------------- 2. runtime
step=$(date +%s.%N)
jdk_modules="$("$JAVA_HOME/bin/jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps --recursive \
  --module-path "$T/fx" --class-path "$T/input/*" "$T/input/$main_jar")"
[[ -n "$jdk_modules" ]] || die "jdeps found no modules"
modules="$(echo "${jdk_modules},javafx.controls,javafx.swing" | tr ',' '\n' | sort -u | paste -sd, -)"
say "jdeps: the app needs ${jdk_modules}"
say "jlink: ${modules}"
if [[ "$feature" -ge 21 ]]; then compress="--compress=zip-6"; else compress="--compress=2"; fi
# --generate-cds-archive: the runtime's own class-data sharing archive (the JDK's classes mapped, not parsed, at start)
"$JAVA_HOME/bin/jlink" --module-path "$T/fx" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages "$compress" --generate-cds-archive --output "$T/runtime"
say "runtime: $(du -sh "$T/runtime" | cut -f1) ($(seconds_since "$step") s)"

# ---------------------------------------------------------------- 3. icon
"$JAVA_HOME/bin/java" -Djava.awt.headless=true installer/package/DrawIcon.java "$T/$name.png" 256

# ---------------------------------------------------------------- 4. app image
step=$(date +%s.%N)
# (the samples need nothing here: they are in the jar and copied out to ~/.preemptlab/samples)
# -XX:+UseSerialGC, chosen by measurement (docs/performance.md): on 2 cores a one-shot `simulate` used 10 % less CPU
# than with G1, same results. Not -XX:TieredStopAtLevel=1 here: C1 alone cut a cold `simulate` CPU 1.45x, but the
# one launcher also runs the window and the long commands, where C2 wins (the ./preemptlab script chooses per command).
java_options=(-XX:+UseSerialGC)
# class-data sharing of the app's classes (issue 16): a static archive dumped below from the classes a `simulate`
# loads (picocli's and the engine's, parsed and verified once at build time, mapped at every start), as the
# ./preemptlab launcher does; -Xlog:cds=off: where it cannot be used (another JVM) the JVM runs without it, silently
java_options+=('-XX:SharedArchiveFile=$APPDIR/'"$name.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
# JavaFX 21 calls restricted methods (JDK 22+) and sun.misc.Unsafe (warned about from JDK 24)
if [[ "$feature" -ge 22 ]]; then java_options+=("--enable-native-access=javafx.graphics"); fi
if [[ "$feature" -ge 24 ]]; then java_options+=("--sun-misc-unsafe-memory-access=allow"); fi
jpackage_java_options=()
# the window's heap (issue 16, docs/performance.md "The planner, HPC2N, third round"; as the ./preemptlab script's
# window): a 1 GB initial heap on transparent huge pages, so that a 200k-job trace opened in the window is copied by a
# few young collections and no full one; bin/PreemptLab only (the one-shot launcher below has its small young generation)
window_options=(-Xms1g -XX:+UseTransparentHugePages)
for o in "${java_options[@]+"${java_options[@]}"}" "${window_options[@]}"; do jpackage_java_options+=(--java-options "$o"); done
# a second launcher, bin/preemptlab-cli, for the one-shot commands (simulate, run, maintenance, import-slurm, collect):
# the ./preemptlab script's one-shot options (C1 only, a 32 MB young generation tenured at the first collection,
# transparent huge pages; docs/performance.md), which would slow the window and the long commands (bench, sweep: C2
# wins there) that bin/PreemptLab keeps running with the options above; no menu entry of its own
cli_name="preemptlab-cli"
cli_options=("${java_options[@]}" -XX:TieredStopAtLevel=1 -Xmn32m -XX:MaxTenuringThreshold=0 -XX:+UseTransparentHugePages
  -Dpreemptlab.jvm=tuned)
{
  echo "description=PreemptLab's one-shot commands (simulate, run, ...) with their JVM options"
  echo "java-options=${cli_options[*]}"
  echo "linux-shortcut=false"
} > "$T/$cli_name.properties"
# a third launcher, bin/preemptlab-replay, for `replay` (issue 12): the ./preemptlab script's replay options (C2 with less
# inlining, a 1 GB initial heap whose young objects are tenured at the first collection; docs/performance.md, "Slurm's
# loop on a busy history: JIT and engine" and "Replay as a whole process"), as OneShotRelaunch.REPLAY_OPTIONS gives a
# plain `java -jar … replay` (OneShotRelaunchTest checks the three lists agree)
replay_name="preemptlab-replay"
replay_options=("${java_options[@]}" -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -Xms1g -XX:MaxTenuringThreshold=0 -Dpreemptlab.jvm=tuned)
{
  echo "description=PreemptLab's replay of a Slurm history with its JVM options"
  echo "java-options=${replay_options[*]}"
  echo "linux-shortcut=false"
} > "$T/$replay_name.properties"
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$T" --name "$name" \
  --app-version "$app_version" --vendor "$vendor" --description "$description" \
  --copyright "PreemptLab contributors" --icon "$T/$name.png" \
  --runtime-image "$T/runtime" --input "$T/input" --main-jar "$main_jar" --main-class org.preemptlab.app.Launcher \
  "${jpackage_java_options[@]+"${jpackage_java_options[@]}"}" --add-launcher "$cli_name=$T/$cli_name.properties" \
  --add-launcher "$replay_name=$T/$replay_name.properties"
image="$T/$name"
[[ -x "$image/bin/$name" ]] || die "jpackage made no launcher at $image/bin/$name"
[[ -x "$image/bin/$cli_name" ]] || die "jpackage made no launcher at $image/bin/$cli_name"
grep -q -- '-XX:TieredStopAtLevel=1' "$image/lib/app/$cli_name.cfg" \
  || die "$image/lib/app/$cli_name.cfg lacks the one-shot options"
! grep -q -- '-XX:TieredStopAtLevel=1' "$image/lib/app/$name.cfg" || die "$image/lib/app/$name.cfg got the one-shot options"
grep -q -- '-Xms1g' "$image/lib/app/$name.cfg" || die "$image/lib/app/$name.cfg lacks the window's heap options"
! grep -q -- '-Xms1g' "$image/lib/app/$cli_name.cfg" || die "$image/lib/app/$cli_name.cfg got the window's heap options"
[[ -x "$image/bin/$replay_name" ]] || die "jpackage made no launcher at $image/bin/$replay_name"
grep -q -- '-XX:FreqInlineSize=100' "$image/lib/app/$replay_name.cfg" || die "$image/lib/app/$replay_name.cfg lacks the replay options"
! grep -q -- '-XX:TieredStopAtLevel=1' "$image/lib/app/$replay_name.cfg" || die "$image/lib/app/$replay_name.cfg got the one-shot options"
say "app image: $image ($(du -sh "$image" | cut -f1), $(seconds_since "$step") s)"

# ---------------------------------------------------------------- 4b. class-data sharing archive
# the launcher's own JVM lists the classes of a one-shot run (kept in the image as lib/app/$name.classlist), then
# dumps them (-Xshare:dump) to the archive its options name ($APPDIR/$name.jsa), so the class path recorded is the
# launcher's; JAVA_TOOL_OPTIONS reaches the JVM that jpackage's native launcher starts. JDK 17 refuses an archive
# whose application jars moved ("shared class paths mismatch"), so the archive made here serves the image where it
# is; the .deb leaves it out and its postinst dumps one at /opt/preemptlab from the same class list.
step=$(date +%s.%N)
list="$repo/$image/lib/app/$name.classlist"
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list" "$image/bin/$name" simulate \
  --trace sample-clusters/traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz >/dev/null 2>&1 \
  || die "the app image's launcher failed a simulate run (for the class list)"
# replay's classes too (the history reader, the Slurm scheduler, the replay's report: issue 12), from the replay launcher on a
# real Slurm run's history (a fixture of the proof against Slurm): the one archive the three launchers map then holds them, as
# `java -jar … replay` maps its own (OneShotRelaunch.REPLAY_ARCHIVE_NAME); merged after the commands' (first occurrence kept)
rh=model/src/test/resources/org/preemptlab/history/slurm-local/ci-log-fresh-run1
if JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list.replay" "$image/bin/$replay_name" replay --slurm-conf "$rh/slurm.conf" \
    --gres-conf "$rh/gres.conf" --sacctmgr-dump "$rh/sacctmgr-dump.txt" --sacctmgr-qos "$rh/sacctmgr-qos.txt" --sacct "$rh/sacct.txt" \
    --out-csv "$T/replay-classes.csv" --report "$T/replay-classes.json" >/dev/null 2>&1; then
  cat "$list" "$list.replay" | awk '!seen[$0]++' > "$list.all" && mv "$list.all" "$list"
  rm -f "$list.replay"
else
  die "$image/bin/$replay_name cannot replay $rh (for the class list)"
fi
grep -qE '^org/preemptlab/replay/SiteReplay( |$)' "$list" || die "the class list $list lacks replay's classes (org/preemptlab/replay/SiteReplay)"
# the window's classes too (JavaFX, the views: about 4,000 more; issue 13, time to the first window), from its smoke test
# where a display or xvfb-run is at hand; merged after the commands' (first occurrence kept, order kept)
x=(); [[ -n "${DISPLAY:-}" ]] || { command -v xvfb-run >/dev/null && x=(xvfb-run -a); }
if [[ -n "${DISPLAY:-}" || ${#x[@]} -gt 0 ]]; then
  if JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$list.gui" "${x[@]}" "$image/bin/$name" --smoke-test >/dev/null 2>&1; then
    cat "$list" "$list.gui" | awk '!seen[$0]++' > "$list.all" && mv "$list.all" "$list"
  else
    say "class list: the window's smoke test failed; the archive has the commands' classes only"
  fi
  rm -f "$list.gui"
fi
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$list" "$image/bin/$name" >"$T/cds-dump.log" 2>&1 || true
[[ -s "$image/lib/app/$name.jsa" ]] || die "no class-data sharing archive at $image/lib/app/$name.jsa (see $T/cds-dump.log)"
JAVA_TOOL_OPTIONS="-Xshare:on" "$image/bin/$name" --version >/dev/null 2>&1 \
  || die "the launcher cannot map $image/lib/app/$name.jsa (-Xshare:on failed)"
JAVA_TOOL_OPTIONS="-Xshare:on" "$image/bin/$cli_name" simulate \
  --trace sample-clusters/traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz >/dev/null 2>&1 \
  || die "$image/bin/$cli_name cannot run simulate with $image/lib/app/$name.jsa mapped (-Xshare:on failed)"
# the replay launcher on a real Slurm run's history (a fixture of the proof against Slurm)
h=model/src/test/resources/org/preemptlab/history/slurm-local/ci-log-fresh-run1
"$image/bin/$replay_name" replay --slurm-conf "$h/slurm.conf" --gres-conf "$h/gres.conf" --sacctmgr-dump "$h/sacctmgr-dump.txt" --sacctmgr-qos "$h/sacctmgr-qos.txt" --sacct "$h/sacct.txt" \
  --out-csv "$T/replay-smoke.csv" --report "$T/replay-smoke.json" >/dev/null 2>&1 \
  || die "$image/bin/$replay_name cannot replay $h"
[[ "$(wc -l < "$T/replay-smoke.csv")" -gt 40 ]] || die "$image/bin/$replay_name wrote no jobs to $T/replay-smoke.csv"
say "class-data sharing: $image/lib/app/$name.jsa ($(du -h "$image/lib/app/$name.jsa" | cut -f1), $(wc -l < "$list") classes, $(seconds_since "$step") s)"

# ---------------------------------------------------------------- 5. .deb
step=$(date +%s.%N)
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || die "$tool not found: the .deb needs it (apt-get install dpkg-dev fakeroot)"
done
# the build-time archive is valid only where it was dumped: out of the package (postinst makes the installed one)
mv "$image/lib/app/$name.jsa" "$T/$name.jsa"
"$JAVA_HOME/bin/jpackage" --type deb --dest "$T" --app-image "$image" --name "$name" \
  --app-version "$app_version" --vendor "$vendor" --description "$description" \
  --copyright "PreemptLab contributors" --icon "$T/$name.png" \
  --linux-package-name preemptlab --linux-deb-maintainer "preemptlab@localhost" \
  --linux-menu-group "Science" --linux-app-category science --linux-shortcut \
  --linux-package-deps "libgtk-3-0" \
  --file-associations installer/package/scenario-association.properties \
  --resource-dir installer/package/resources
mv "$T/$name.jsa" "$image/lib/app/$name.jsa"
deb="$(ls "$T"/preemptlab_*.deb)"
say "deb: $deb ($(du -h "$deb" | cut -f1), $(seconds_since "$step") s)"

say "done in $(seconds_since "$started") s: $image/bin/$name and $deb"
