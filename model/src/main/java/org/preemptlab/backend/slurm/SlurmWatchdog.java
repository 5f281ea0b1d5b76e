package org.preemptlab.backend.slurm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.preemptlab.live.RunWatchdog;

/**
 * The Slurm backend's {@link RunWatchdog}: when the JVM that owns a run is gone without ending it
 * (its {@code owner} record is still in the run's job directory), it cancels every Slurm job the
 * run submitted ({@code slurm-jobs}: one {@code <id> <name>} line each), waits (≤ 30 s) until
 * {@code squeue} shows none of them unfinished, then removes the run's records, or the whole job
 * directory when the run made it for itself. After a normal {@link SlurmBackend#close()} the
 * owner record is gone and it just exits. {@code SLURM_CONF} comes from its environment.
 */
final class SlurmWatchdog {

    /** $1 = the run's job directory, $2 = delete it (true/false). */
    static final String SCRIPT = """
            dir=$1 delete=$2
            case $dir in /?*/?*) ;; *) exit 2 ;; esac
            [ -f "$dir/owner" ] || exit 0
            ids=()
            if [ -f "$dir/slurm-jobs" ]; then
              while read -r id _; do case $id in ''|*[!0-9]*) continue ;; esac; ids+=("$id"); done < "$dir/slurm-jobs"
            fi
            if [ ${#ids[@]} -gt 0 ]; then
              scancel "${ids[@]}" 2>/dev/null
              declare -A ours=()
              for id in "${ids[@]}"; do ours[$id]=1; done
              for try in $(seq 1 150); do
                left=0
                while read -r id state; do
                  [ -n "${ours[$id]+x}" ] || continue
                  case $state in COMPLETED|CANCELLED|FAILED|TIMEOUT|NODE_FAIL|PREEMPTED|BOOT_FAIL|DEADLINE|OUT_OF_MEMORY) ;;
                    *) left=$(( left + 1 )) ;; esac
                done < <(squeue -h -o '%i %T' 2>/dev/null)
                [ $left -eq 0 ] && break
                [ $(( try % 10 )) -eq 0 ] && scancel "${ids[@]}" 2>/dev/null
                sleep 0.2
              done
            fi
            if [ "$delete" = true ]; then rm -rf -- "$dir"; else rm -f -- "$dir/owner" "$dir/watchdog"; fi
            """;

    private SlurmWatchdog() {}

    /** Starts the watchdog of the run in {@code runDir}, with {@code SLURM_CONF} = {@code slurmConf} if given. */
    static RunWatchdog start(Path runDir, boolean deleteDir, Path slurmConf) throws IOException {
        Map<String, String> env = slurmConf == null ? Map.of() : Map.of("SLURM_CONF", slurmConf.toAbsolutePath().toString());
        Path dir = runDir.toAbsolutePath();
        return RunWatchdog.start("preemptlab-slurm-watchdog", SCRIPT, List.of(dir.toString(), Boolean.toString(deleteDir)), env,
                dir.getParent());
    }
}
