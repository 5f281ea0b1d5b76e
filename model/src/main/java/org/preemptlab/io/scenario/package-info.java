/**
 * Scenario files: JSON documents, written and diffed by people, that describe one what-if run.
 *
 * <p>Format version 1 ({@code "formatVersion": 1}, required). Top-level fields:
 * <ul>
 *   <li>{@code name} (required), {@code description} (a string, or a list of strings = lines),
 *       {@code seed} (default 1), {@code horizon} (optional time limit used for validation).</li>
 *   <li>{@code cluster}: {@code {"pools": [...]}} or {@code {"processors": P}}. A pool has
 *       {@code name} (letters, digits, {@code _ . -}; its nodes are {@code <name>-1 … <name>-n}),
 *       {@code nodes}, {@code coresPerNode} (both required), {@code memoryPerNodeMb} (0 = not
 *       modelled), {@code owner} (a group; empty = public), {@code borrowers} (QOS names or
 *       {@code "*"}), {@code checkpointBandwidthMBps} (default 1000). Processor names are
 *       {@code p0 … p(P-1)}.</li>
 *   <li>Exactly one of {@code jobs} and {@code trace}. A job: {@code name} (unique),
 *       {@code submit}, {@code estimate}, {@code runtime} (all required, runtime ≤ estimate),
 *       {@code nodes} and {@code coresPerNode} (default 1), {@code memoryPerNodeMb} on pools or
 *       {@code procs} on a processor machine, {@code qos} ("normal"), {@code group} (""),
 *       {@code pools} ([] = any that admits it), {@code rerunnable} and {@code checkpointable}
 *       (true), {@code imageMbPerNode} (0), {@code checkpointInterval} (0). Job ids are 1…n in file
 *       order. A trace: {@code path} (relative to the scenario file's directory), {@code firstJob},
 *       {@code lastJob} (inclusive), {@code fromSubmit}, {@code toSubmit} (exclusive),
 *       {@code maxJobs}, {@code procs}; it runs on a processor machine ({@code cluster} may be left
 *       out: the trace's own size is used).</li>
 *   <li>{@code policy} (required): {@code scheduler} = fcfs | easy | conservative |
 *       aggressive-checkpoint | preemption-backfill; the last-but-one also takes {@code p} (0.2),
 *       {@code thresholdSeconds} (1800), {@code extendSeconds} (T_chk + T_restart of a fixed
 *       checkpoint cost, else 430) and {@code killInstead} (false).</li>
 *   <li>{@code preemption} (absent: no preemption): {@code owner} (true), {@code qos} (false),
 *       {@code tiers} (QOS → integer), {@code victimOrder} (youngest-first), {@code exemptSeconds},
 *       {@code graceSeconds}, {@code requeue} (priority | head), {@code chains} (QOS → list of
 *       suspend / checkpoint / requeue / kill), {@code defaultChain} ([requeue, kill]),
 *       {@code checkpoint}: {@code model} (fixed | image; fixed when {@code checkpointSeconds} is
 *       given), {@code checkpointSeconds}, {@code restartSeconds} (= checkpointSeconds),
 *       {@code storageMBps} (1000). Who may preempt whom is a strict order on each pool: with
 *       {@code owner} and {@code qos} both on, a job's rank on a pool is (its group owns the pool,
 *       its QOS tier), compared in that order — an owner's job reclaims its pool from any borrower
 *       whatever the borrower's tier, a borrower never preempts the owner's jobs on the owner's pool,
 *       and otherwise the higher tier preempts the lower. Slurm has one PreemptType
 *       (partition_prio or qos, never both; under preempt/qos a suspending preemptor must be in a
 *       partition of higher or equal PriorityTier) and refuses a QOS preemption loop ("QOS
 *       Preemption loop detected"); likewise a file whose tiers loop against the owner rule — a
 *       QOS that may borrow an owned pool ranked above the QOS of one of the owner's jobs that may
 *       run there — is refused, at {@code preemption.tiers.<qos>}.</li>
 *   <li>{@code maintenance}: windows with {@code name}, {@code start}, {@code duration},
 *       {@code nodes} (names or {@code "all"}) and/or {@code pools} (united), {@code strategy}
 *       (drain | checkpoint | kill | drain-then-checkpoint) and, for the last,
 *       {@code drainHorizon}.</li>
 *   <li>{@code failures}: {@code nodeMtbf} (required; 0 = none), {@code repair} (0),
 *       {@code seed} (the scenario's seed).</li>
 * </ul>
 *
 * <p>Times and durations are integer seconds or text ({@link org.preemptlab.time.Durations}):
 * {@code "90s"}, {@code "15m"}, {@code "1h30m"}, {@code "2d"}, {@code "01:30:00"}. A JSON
 * {@code null} counts as absent. Unknown fields are errors.
 */
package org.preemptlab.io.scenario;

import org.preemptlab.scenario.Scenario;
