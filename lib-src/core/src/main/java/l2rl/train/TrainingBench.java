package l2rl.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import l2rl.env.Tasks;

/**
 * Training throughput, in environment steps per second: the real trainer (ND4J/SameDiff) with one and two
 * workers, split into acting and learning, next to a plain-Java LSTM doing the same arithmetic (the
 * machine's limit for this work without library overhead), with one and two threads. The machine may be
 * shared: compare figures as ratios within one run; the load average is printed with each.
 */
public final class TrainingBench {
    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    public static void run(PrintStream out) throws Exception {
        var defaults = TrainConfig.defaults();
        int batch = defaults.batch();
        out.printf(Locale.ROOT, "training bench: LSTM(%d), T = %d, batch %d per worker, %d cores, load %s%n",
                defaults.hidden(), defaults.trials(), batch, Runtime.getRuntime().availableProcessors(), load());
        trainer(out, 1, batch, 1);  // warm-up: natives, graph, JIT
        double one = trainer(out, 1, batch, 24);
        double two = trainer(out, 2, batch, 24);
        out.printf(Locale.ROOT, "  trainer w=2 / w=1: %.2fx%n", two / one);
        double p1 = plain(out, 1, batch, 20);
        double p2 = plain(out, 2, batch, 20);
        out.printf(Locale.ROOT, "  plain Java 2 threads / 1: %.2fx; trainer w=1 reaches %.0f%% of plain Java's one thread%n",
                p2 / p1, 100 * one / p1);
    }

    /** Trains for {@code batchesPerWorker} updates per worker; returns env steps per second. */
    static double trainer(PrintStream out, int workers, int batch, int batchesPerWorker) throws IOException {
        var config = TrainConfig.defaults().with(java.util.Map.of("task", Tasks.INDEPENDENT,
                "workers", Integer.toString(workers), "batch", Integer.toString(batch),
                "episodes", Integer.toString(workers * batch * batchesPerWorker), "checkpointEvery", "0"));
        long gcBefore = gcMillis();
        var result = Trainer.create(config, null, null).run();
        long gc = gcMillis() - gcBefore;
        long steps = result.episodes() * config.trials();
        double total = steps / result.wallSeconds();
        if (batchesPerWorker > 1) {
            out.printf(Locale.ROOT, "  trainer w=%d: %,.0f env steps/s (acting %,.0f, learning %,.0f steps per "
                    + "worker-second; %.0f%% of time acting); worker CPU %.1f us/step, GC %.1f%% of wall; load %s%n",
                    workers, total, steps / result.actSeconds(), steps / result.learnSeconds(),
                    100 * result.actSeconds() / (result.actSeconds() + result.learnSeconds()),
                    1e6 * result.workerCpuSeconds() / steps, 100.0 * gc / 1000 / result.wallSeconds(), load());
        }
        return total;
    }

    /** Plain-Java act + learn of {@code rounds} batches per thread; returns env steps per second. */
    static double plain(PrintStream out, int threads, int batch, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var jobs = new ArrayList<Callable<long[]>>();
            for (int i = 0; i < threads; i++) {
                int id = i;
                jobs.add(() -> plainWorker(id, batch, rounds));
            }
            plainWorker(99, batch, 3);  // warm-up
            long start = System.nanoTime();
            long act = 0;
            long learn = 0;
            for (var f : pool.invokeAll(jobs)) {
                act += f.get()[0];
                learn += f.get()[1];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long steps = (long) threads * rounds * batch * 100;
            out.printf(Locale.ROOT, "  plain Java %d thread(s): %,.0f env steps/s (acting %,.0f, learning %,.0f "
                    + "steps per thread-second), load %s%n", threads, steps / seconds, steps / (act / 1e9),
                    steps / (learn / 1e9), load());
            return steps / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] plainWorker(int id, int batch, int rounds) {
        int trials = 100;
        var net = new PlainLstm(4, 48, 2, id);
        var rng = new SplittableRandom(id);
        long act = 0;
        long learn = 0;
        var traces = new PlainLstm.Trace[batch];
        var actions = new int[batch][trials];
        var adv = new float[batch][trials];
        var ret = new float[batch][trials];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int b = 0; b < batch; b++) {
                traces[b] = new PlainLstm.Trace(trials, 4, 48, 2);
            }
            for (int t = 0; t < trials; t++) {
                for (int b = 0; b < batch; b++) {
                    var tr = traces[b];
                    if (t > 0) {
                        tr.x[t][actions[b][t - 1]] = 1;
                        tr.x[t][2] = rng.nextDouble() < 0.5 ? 1 : 0;
                    }
                    tr.x[t][3] = t / 100f;
                    net.step(tr, t);
                    actions[b][t] = rng.nextDouble() < tr.probs[t][0] ? 0 : 1;
                }
            }
            long t1 = System.nanoTime();
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < trials; t++) {
                    adv[b][t] = (float) rng.nextGaussian();
                    ret[b][t] = (float) rng.nextDouble();
                }
                net.backward(traces[b], actions[b], adv[b], ret[b], 0.05);
            }
            long t2 = System.nanoTime();
            act += t1 - t0;
            learn += t2 - t1;
        }
        return new long[] {act, learn};
    }

    static long gcMillis() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** The load average (1, 5, 15 minutes) that goes beside every figure, or "unknown". */
    public static String load() {
        try {
            var f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
