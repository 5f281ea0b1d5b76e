package org.preemptlab.backend.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.preemptlab.live.RunWatchdog;

/**
 * The local backend's {@link RunWatchdog}: when the JVM that owns a run is gone (or closed the
 * run), it ends whatever of the run is left, the way {@link RunDirectory#reapOrphans} would at the
 * next start, but at once:
 * <ol>
 *   <li>thaws the run's freezer cgroups (a v1-frozen task acts on no signal, SIGKILL included);</li>
 *   <li>finds the run's live processes: members of the recorded process groups (a group whose
 *       leader pid now belongs to a process with another start time is not ours; members started
 *       before the recorded leader are not ours), members of the run's cgroups, and processes
 *       whose environment names the run ({@code PREEMPTLAB_RUN_DIR}: what escaped both);</li>
 *   <li>SIGCONT + SIGTERM to each (a stopped process acts on SIGTERM only once continued), then
 *       SIGKILL to what is left after the grace time, until nothing is left;</li>
 *   <li>removes the run's cgroups, and, if the owner did not release the run itself (its
 *       {@code owner} record is still there), the run directory (or only its records when the run
 *       files are kept).</li>
 * </ol>
 * After a normal {@link LocalProcessBackend#close()} there is nothing left and it just exits.
 * Everything it runs is a bash builtin except {@code sleep}, {@code grep} and {@code rm}/{@code rmdir}.
 */
final class LocalWatchdog {

    /** $1 = run directory, $2 = grace time in ms, $3 = keep the run files (true/false). */
    static final String SCRIPT = """
            run=$1 grace_ms=$2 keep=$3
            case $run in /?*/?*) ;; *) exit 2 ;; esac
            marker="PREEMPTLAB_RUN_DIR=$run"
            declare -A gstart=()
            for rec in "$run"/procs/*.proc; do
              [ -f "$rec" ] || continue
              pg='' st=-1
              while IFS='=' read -r k v; do case $k in pgid) pg=$v ;; start) st=$v ;; esac; done < "$rec"
              case $pg in ''|*[!0-9]*) continue ;; esac
              case $st in ''|*[!0-9]*) st=0 ;; esac
              [ "$pg" -gt 1 ] && gstart[$pg]=$st
            done
            cg=''
            if [ -f "$run/cgroup" ]; then
              while IFS='=' read -r k v; do [ "$k" = cgroup ] && cg=$v; done < "$run/cgroup"
            fi
            # never a cgroup that is not one of ours (a damaged record must not name a hierarchy's root)
            case $cg in */preemptlab/?*) ;; *) cg='' ;; esac
            [ -n "$cg" ] && [ ! -d "$cg" ] && cg=''

            now_ms() { local t=${EPOCHREALTIME/[.,]/}; NOW=$(( t / 1000 )); }
            thaw() {
              [ -n "$cg" ] || return 0
              local d
              for d in "$cg"/*/ "$cg"; do
                d=${d%/}
                if [ -f "$d/freezer.state" ]; then echo THAWED 2>/dev/null > "$d/freezer.state"
                elif [ -f "$d/cgroup.freeze" ]; then echo 0 2>/dev/null > "$d/cgroup.freeze"; fi
              done
            }
            alive() { # $1 pid: 0 if it exists and is not a zombie
              local line
              read -r line 2>/dev/null < "/proc/$1/stat" || return 1
              line=${line##*) }
              case ${line:0:1} in Z|X) return 1 ;; esac
              return 0
            }
            scan() { # targets = the run's live processes
              targets=()
              local f line rest pid pg a d p
              local -A seen=()
              for pg in "${!gstart[@]}"; do # a live leader with another start time: the pid was recycled
                read -r line 2>/dev/null < "/proc/$pg/stat" || continue
                rest=${line##*) }; a=($rest)
                case ${a[0]} in Z|X) continue ;; esac
                [ "${a[19]}" = "${gstart[$pg]}" ] || unset "gstart[$pg]"
              done
              if [ ${#gstart[@]} -gt 0 ]; then
                for f in /proc/[0-9]*/stat; do
                  read -r line 2>/dev/null < "$f" || continue
                  rest=${line##*) }; a=($rest)
                  case ${a[0]} in Z|X) continue ;; esac
                  pg=${a[2]}
                  [ -n "${gstart[$pg]+x}" ] || continue
                  [ "${a[19]}" -ge "${gstart[$pg]}" ] 2>/dev/null || continue
                  pid=${f#/proc/}; pid=${pid%/stat}
                  [ "$pid" = "$$" ] && continue
                  targets+=("$pid"); seen[$pid]=1
                done
              fi
              if [ -n "$cg" ]; then
                for d in "$cg"/*/ "$cg"/; do
                  [ -f "${d}cgroup.procs" ] || continue
                  while read -r p; do
                    [ -n "$p" ] && [ -z "${seen[$p]+x}" ] && [ "$p" != "$$" ] && alive "$p" && { targets+=("$p"); seen[$p]=1; }
                  done 2>/dev/null < "${d}cgroup.procs"
                done
              fi
              while IFS= read -r f; do
                p=${f#/proc/}; p=${p%/environ}
                [ -z "${seen[$p]+x}" ] && [ "$p" != "$$" ] && alive "$p" && { targets+=("$p"); seen[$p]=1; }
              done < <(grep -lzxF -e "$marker" /proc/[0-9]*/environ 2>/dev/null)
            }
            signal_all() {
              local pg p
              for pg in "${!gstart[@]}"; do kill -s "$1" -- "-$pg" 2>/dev/null; done
              for p in "${targets[@]}"; do kill -s "$1" "$p" 2>/dev/null; done
            }

            scan
            if [ ${#targets[@]} -gt 0 ]; then
              thaw
              signal_all CONT; signal_all TERM; signal_all CONT
              now_ms; end=$(( NOW + grace_ms ))
              while :; do
                scan
                [ ${#targets[@]} -eq 0 ] && break
                now_ms; [ "$NOW" -ge "$end" ] && break
                sleep 0.05
              done
              tries=0
              while [ ${#targets[@]} -gt 0 ] && [ $tries -lt 200 ]; do
                thaw
                signal_all KILL
                sleep 0.05
                scan
                tries=$(( tries + 1 ))
              done
            fi
            if [ -n "$cg" ]; then
              for i in 1 2 3 4 5 6 7 8 9 10; do
                for d in "$cg"/*/; do [ -d "$d" ] && rmdir "${d%/}" 2>/dev/null; done
                rmdir "$cg" 2>/dev/null
                [ -d "$cg" ] || break
                sleep 0.1
              done
            fi
            if [ ${#targets[@]} -eq 0 ] && [ -f "$run/owner" ]; then
              # the owner never released the run: it is over now
              if [ "$keep" = true ]; then rm -rf -- "$run/procs" "$run/cgroup" "$run/owner" "$run/watchdog"
              else rm -rf -- "$run"; fi
            fi
            """;

    private LocalWatchdog() {}

    /** Starts the run's watchdog (in the runs directory, which outlives the run). */
    static RunWatchdog start(RunDirectory run, long graceMillis, boolean keepRunFiles) throws IOException {
        Path dir = run.path().toAbsolutePath();
        return RunWatchdog.start("preemptlab-watchdog", SCRIPT,
                List.of(dir.toString(), Long.toString(Math.max(0, graceMillis)), Boolean.toString(keepRunFiles)), Map.of(), dir.getParent());
    }
}
