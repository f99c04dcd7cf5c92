package l2rl.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import l2rl.agent.ActorCritic;
import l2rl.agent.AgentSpec;
import l2rl.agent.Cell;
import l2rl.agent.Rollout;
import l2rl.agent.kernels.Kernels;
import l2rl.agent.kernels.ScalarKernels;
import l2rl.env.Tasks;
import l2rl.train.TrainConfig;
import l2rl.train.Trainer;

/**
 * Training throughput in environment steps per second: the real trainer with each engine at the default config,
 * one and two workers; the fused engine alone (act + learn on a fixed rollout, no parameter server, no bandits) on
 * one and two threads, which is what two plain Java threads gain on this machine; the double-precision reference
 * engine beside the default; then the trainer for both cells across batch sizes, as achieved GFLOP/s against the
 * multiply-add peaks measured in the same run. The machine may be shared: compare figures as ratios within one run;
 * the load average is printed with each.
 */
public final class TrainingBench {
    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    public static void run(PrintStream out) throws Exception {
        var defaults = TrainConfig.defaults();
        out.printf(Locale.ROOT, "training bench: LSTM(%d), T = %d, rollout %d trials, batch %d per worker, %d cores, "
                + "kernels %s, load %s%n", defaults.hidden(), defaults.trials(), defaults.rollout(), defaults.batch(),
                Runtime.getRuntime().availableProcessors(), Kernels.best().name(), load());
        if (!Kernels.vectorized()) {
            out.println("  (this JVM has no module jdk.incubator.vector: the fused engine runs its scalar kernels; "
                    + "start java with --add-modules=jdk.incubator.vector for the vector ones)");
        }
        var fused = ActorCritic.Engine.FUSED;
        var asConfigured = Map.<String, String>of();
        trainer(out, fused, 1, 2000, asConfigured, false);  // warm-up: JIT
        double fused1 = trainer(out, fused, 1, 8000, asConfigured, true);
        double fused2 = trainer(out, fused, 2, 16000, asConfigured, true);
        double plain1 = engineAlone(out, 1, 20000);
        double plain2 = engineAlone(out, 2, 20000);
        out.printf(Locale.ROOT, "  w=2 / w=1: fused trainer %.2fx, plain Java threads %.2fx%n", fused2 / fused1,
                plain2 / plain1);
        var reference = ActorCritic.Engine.FUSED_DOUBLE;
        trainer(out, reference, 1, 400, asConfigured, false);
        double double1 = trainer(out, reference, 1, 1500, asConfigured, true);
        out.printf(Locale.ROOT, "  fused (float, %s kernels) / fused-double (the test reference): %.1fx%n",
                Kernels.best().name(), fused1 / double1);
        // samediff cannot train truncated rollouts (TrainConfig says why): the engines on whole-episode rollouts
        var whole = Map.of("rollout", Integer.toString(TrainConfig.defaults().trials()));
        out.printf(Locale.ROOT, "  the engines on the same config, rollout = the whole episode:%n");
        double fusedWhole1 = trainer(out, fused, 1, 6000, whole, true);
        double fusedWhole2 = trainer(out, fused, 2, 12000, whole, true);
        var sameDiff = ActorCritic.Engine.SAMEDIFF;
        trainer(out, sameDiff, 1, 16, whole, false);  // warm-up: natives, graph
        double sd1 = trainer(out, sameDiff, 1, 64, whole, true);
        double sd2 = trainer(out, sameDiff, 2, 128, whole, true);
        out.printf(Locale.ROOT, "  fused / samediff: %.1fx (w=1), %.1fx (w=2); samediff w=2 / w=1: %.2fx%n",
                fusedWhole1 / sd1, fusedWhole2 / sd2, sd2 / sd1);
        batchSizes(out);
    }

    /** The batch sizes a worker plays side by side that the engine's speed is compared at. */
    static final int[] BATCHES = {1, 8, 64, 256};

    /**
     * The fused trainer for each cell at each batch size, one and two workers, as env steps/s and achieved GFLOP/s
     * per worker, beside the multiply-add peaks measured in the same run. A step costs about 6 flops per parameter
     * (2 forward, 4 backward: the usual estimate; the matrix products dominate at this size). Each figure is a run
     * of about two seconds, sized from a short run before it.
     */
    static void batchSizes(PrintStream out) {
        var defaults = TrainConfig.defaults();
        double scalarPeak = new ScalarKernels().multiplyAddPeak();
        double autoPeak = MultiplyAddPeak.autoVectorized();
        double peak = Kernels.best().multiplyAddPeak();
        out.printf(Locale.ROOT, "  multiply-add peak of one core: %.1f GFLOP/s in scalar FMA chains, %.1f GFLOP/s "
                + "auto-vectorized over L1-resident arrays, %.1f GFLOP/s in FMA chains of the %s kernels, load %s%n",
                scalarPeak / 1e9, autoPeak / 1e9, peak / 1e9, Kernels.best().name(), load());
        for (var cell : Cell.values()) {
            var overrides = Map.of("cell", cell.key());
            double flopsPerStep = 6.0 * defaults.with(overrides).agentSpec().parameterCount();
            out.printf(Locale.ROOT, "  the fused trainer by batch, %s(%d), rollout %d, %,.0f flops per env step:%n",
                    cell.key().toUpperCase(Locale.ROOT), defaults.hidden(), defaults.rollout(), flopsPerStep);
            for (int batch : BATCHES) {
                for (int workers = 1; workers <= 2; workers++) {
                    var config = Map.of("cell", cell.key(), "batch", Integer.toString(batch));
                    int round = workers * batch;
                    var probe = run(ActorCritic.Engine.FUSED, workers, Math.max(2, 400 * workers / round) * round,
                            config);
                    double probeRate = probe.episodes() / probe.wallSeconds();
                    int episodes = (int) Math.max(2, Math.ceil(2.0 * probeRate / round)) * round;
                    var result = run(ActorCritic.Engine.FUSED, workers, episodes, config);
                    double perSecond = result.episodes() * defaults.trials() / result.wallSeconds();
                    double perWorker = perSecond / workers;
                    out.printf(Locale.ROOT, "  batch %3d w=%d: %,9.0f env steps/s = %5.2f GFLOP/s per worker (%4.1f%% "
                            + "of the %s FMA peak), load %s%n", batch, workers, perSecond,
                            perWorker * flopsPerStep / 1e9, 100 * perWorker * flopsPerStep / peak,
                            Kernels.best().name(), load());
                }
            }
        }
    }

    private static Trainer.Result run(ActorCritic.Engine engine, int workers, int episodes,
            Map<String, String> overrides) {
        var config = TrainConfig.defaults().with(overrides).with(Map.of("task", Tasks.INDEPENDENT,
                "engine", engine.key(), "workers", Integer.toString(workers), "episodes", Integer.toString(episodes),
                "checkpointEvery", "0"));
        try {
            return Trainer.create(config, null, null).run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Trains {@code episodes} episodes with {@code workers} workers; returns env steps per second. */
    static double trainer(PrintStream out, ActorCritic.Engine engine, int workers, int episodes,
            Map<String, String> overrides, boolean print) {
        var result = run(engine, workers, episodes, overrides);
        long steps = result.episodes() * TrainConfig.defaults().trials();
        double total = steps / result.wallSeconds();
        if (print) {
            out.printf(Locale.ROOT, "  trainer %-8s w=%d: %,9.0f env steps/s (%.0f%% of worker time acting; worker CPU "
                    + "%.1f us/step), load %s%n", engine.key(), workers, total,
                    100 * result.actSeconds() / (result.actSeconds() + result.learnSeconds()),
                    1e6 * result.workerCpuSeconds() / steps, load());
        }
        return total;
    }

    /**
     * The fused engine alone, one instance per thread with nothing shared: {@code updates} rollouts of the
     * default size (act over the rollout, then learn) per thread; returns env steps per second.
     */
    static double engineAlone(PrintStream out, int threads, int updates) throws Exception {
        var config = TrainConfig.defaults();
        var spec = config.agentSpec();
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var jobs = new ArrayList<Callable<Void>>();
            for (int i = 0; i < threads; i++) {
                int id = i;
                jobs.add(() -> {
                    actAndLearn(spec, config.batch(), config.rollout(), updates, id);
                    return null;
                });
            }
            actAndLearn(spec, config.batch(), config.rollout(), updates / 4, 99);  // warm-up
            long start = System.nanoTime();
            for (var f : pool.invokeAll(jobs)) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double steps = (double) threads * updates * config.batch() * config.rollout();
            out.printf(Locale.ROOT, "  fused engine alone, %d thread(s): %,9.0f env steps/s, load %s%n", threads,
                    steps / seconds, load());
            return steps / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void actAndLearn(AgentSpec spec, int batch, int length, int updates, long seed) {
        var rng = new SplittableRandom(seed);
        var net = ActorCritic.Engine.FUSED.create(spec);
        net.setParameters(ActorCritic.initialParameters(spec, rng));
        var rollout = new Rollout(spec, batch, length);
        var gradient = new double[spec.parameterCount()];
        rollout.startEpisode();
        for (int u = 0; u < updates; u++) {
            for (int t = 0; t < length; t++) {
                for (int b = 0; b < batch; b++) {
                    int s = rollout.at(t, b);
                    rollout.x[s * rollout.inputs + rng.nextInt(spec.arms())] = 1;
                    rollout.x[s * rollout.inputs + spec.arms()] = rng.nextInt(2);
                    rollout.advantages[s] = rng.nextGaussian();
                }
                net.act(rollout, t);
            }
            rollout.setLength(length);
            net.learn(rollout, 0.05, 0.1, gradient);
            java.util.Arrays.fill(rollout.x, 0);
            rollout.continueEpisode();
        }
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
