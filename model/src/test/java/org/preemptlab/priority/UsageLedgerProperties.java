package org.preemptlab.priority;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;

/**
 * The ledger (usage by association index, unboxed) against the map-based ledger it replaced, kept here as the
 * reference: after every start, stop, tick and charge, every association's usage is the same double, bit for bit
 * (0.0 and −0.0 told apart), and {@code advanceTo} returns the same ticks. Random trees, jobs starting and stopping
 * between and at ticks, decay on and off, daily resets, charges of 0 and −0.
 */
class UsageLedgerProperties {

    @Property(tries = 300, seed = "20261207")
    void theLedgerChargesAsTheMapBasedOne(@ForAll long seed) {
        Random rnd = new Random(seed);
        AccountTree.Builder b = AccountTree.builder();
        List<AssocKey> users = new ArrayList<>();
        List<AssocKey> all = new ArrayList<>(List.of(AssocKey.ROOT));
        int accounts = 1 + rnd.nextInt(3);
        for (int a = 0; a < accounts; a++) {
            String acct = "a" + a;
            String parent = a > 0 && rnd.nextBoolean() ? "a" + rnd.nextInt(a) : "root";
            b.account(acct, parent, 1 + rnd.nextInt(3));
            all.add(AssocKey.account(acct));
            int n = 1 + rnd.nextInt(3);
            for (int u = 0; u < n; u++) {
                b.user("u" + a + "_" + u, acct, 1 + rnd.nextInt(2));
                AssocKey k = AssocKey.user("u" + a + "_" + u, acct);
                users.add(k);
                all.add(k);
            }
        }
        AccountTree tree = b.build();
        long period = 60 + rnd.nextInt(600);
        PriorityConfig c = PriorityConfig.builder().halfLife(rnd.nextInt(4) == 0 ? 0 : 600 + rnd.nextInt(20000))
                .calcPeriod(period).resetPeriod(rnd.nextInt(3) == 0 ? ResetPeriod.DAILY : ResetPeriod.NONE).build();
        long start = rnd.nextInt(1000);
        long epoch = 1_700_000_000L + rnd.nextInt(86400);
        UsageLedger ledger = new UsageLedger(tree, c, start, epoch);
        Reference ref = new Reference(tree, c, start, epoch);
        long now = start;
        List<Long> running = new ArrayList<>();
        long nextJob = 1;
        for (int step = 0; step < 400; step++) {
            int op = rnd.nextInt(10);
            if (op < 3) {
                now += rnd.nextInt(4) == 0 ? period * rnd.nextInt(3) : rnd.nextInt((int) (2 * period));
                assertThat(ledger.advanceTo(now)).isEqualTo(ref.advanceTo(now));
            } else if (op < 6 || running.isEmpty()) {
                long job = rnd.nextInt(5) == 0 ? nextJob + 1000 + rnd.nextInt(1000) : nextJob;
                nextJob = Math.max(nextJob, job) + 1;
                AssocKey u = users.get(rnd.nextInt(users.size()));
                double rate = rnd.nextInt(8) == 0 ? 0.0 : 1 + rnd.nextInt(64) * (rnd.nextBoolean() ? 1.0 : 0.37);
                ledger.advanceTo(now);
                ref.advanceTo(now);
                ledger.start(job, u, rate, now);
                ref.start(job, u, rate, now);
                running.add(job);
            } else if (op < 9) {
                long job = running.remove(rnd.nextInt(running.size()));
                ledger.advanceTo(now);
                ref.advanceTo(now);
                ledger.stop(job, now);
                ref.stop(job, now);
            } else {
                AssocKey k = all.get(rnd.nextInt(all.size()));
                double amount = switch (rnd.nextInt(4)) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    default -> rnd.nextDouble() * 1e6;
                };
                ledger.charge(k, amount);
                ref.charge(k, amount);
            }
            for (AssocKey k : all) {
                assertThat(Double.doubleToRawLongBits(ledger.raw(k))).as("%s at step %d", k, step)
                        .isEqualTo(Double.doubleToRawLongBits(ref.raw(k)));
            }
            assertThat(ledger.lastTick()).isEqualTo(ref.lastRan);
        }
    }

    /** The ledger as it was before the indexed one (same order of every operation). */
    private static final class Reference {
        private record Segment(AssocKey assoc, double rate, long start) {}

        private final AccountTree tree;
        private final PriorityConfig config;
        private final long epochOfZero;
        private final Map<AssocKey, Double> raw = new HashMap<>();
        private final Map<Long, Segment> running = new TreeMap<>();
        private long lastRan;
        private long nextReset;

        Reference(AccountTree tree, PriorityConfig config, long start, long epochOfZero) {
            this.tree = tree;
            this.config = config;
            this.epochOfZero = epochOfZero;
            this.lastRan = start;
            this.nextReset = config.resetPeriod().nextAfter(epochOfZero + start) - epochOfZero;
        }

        List<Long> advanceTo(long now) {
            List<Long> ticks = new ArrayList<>();
            for (long t = lastRan + config.calcPeriodSeconds(); t <= now; t = lastRan + config.calcPeriodSeconds()) {
                tick(t);
                ticks.add(t);
            }
            return ticks;
        }

        private void tick(long t) {
            if (t >= nextReset) {
                raw.clear();
                nextReset = config.resetPeriod().nextAfter(epochOfZero + nextReset) - epochOfZero;
            }
            double d = Math.pow(config.decayPerSecond(), t - lastRan);
            if (d != 1) raw.replaceAll((k, v) -> v * d);
            for (Segment s : running.values()) chargeSince(s, t);
            lastRan = t;
        }

        void start(long jobId, AssocKey assoc, double rate, long at) {
            running.put(jobId, new Segment(assoc, rate, at));
        }

        void stop(long jobId, long at) {
            chargeSince(running.remove(jobId), at);
        }

        private void chargeSince(Segment s, long to) {
            long from = Math.max(lastRan, s.start);
            long delta = to - from;
            if (delta <= 0) return;
            charge(s.assoc, delta * Math.pow(config.decayPerSecond(), delta) * s.rate);
        }

        void charge(AssocKey assoc, double amount) {
            for (AssocKey k : tree.chain(assoc)) raw.merge(k, amount, Double::sum);
        }

        double raw(AssocKey key) {
            return raw.getOrDefault(key, 0.0);
        }
    }
}
