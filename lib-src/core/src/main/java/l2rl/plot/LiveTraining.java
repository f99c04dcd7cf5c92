package l2rl.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.knowm.xchart.XYChart;

import l2rl.agent.MetaRlAgent;
import l2rl.train.ActionValidation;
import l2rl.train.Checkpoint;
import l2rl.train.DirectoryLock;
import l2rl.train.TrainConfig;
import l2rl.train.Trainer;

/**
 * Trains an agent while its training curve (running mean regret per episode against episodes, on an axis that
 * already spans the whole run) and a progress line under it (episodes, episodes per second, time left) are
 * redrawn every {@code refreshMillis}. Both are handed to the caller's consumers on the caller's thread, so a
 * notebook can pass {@code chart -> updateDisplay(curve, chart)} and {@code line -> updateDisplay(status, line)}.
 *
 * <p>Interrupting the caller (Jupyter's interrupt) stops training at the next batch boundary and returns the agent
 * as far as it got, so an interrupted cell keeps what was learned. The training itself runs on threads of its own
 * (the trainer's workers); the caller only waits and redraws.
 */
public final class LiveTraining implements Trainer.Listener {
    private final List<double[]> points = new ArrayList<>();
    private final String title;
    private final long total;
    private long done;
    private double wallSeconds;
    private double runningRegret = Double.NaN;

    private LiveTraining(TrainConfig config) {
        this.title = "training on " + config.task();
        this.total = config.episodes();
    }

    /** The curve before the first episode: what a notebook displays first, to redraw it later. */
    public static XYChart emptyCurve(TrainConfig config) {
        return new LiveTraining(config).chart();
    }

    /**
     * Trains with {@code config} in memory, calling {@code redraw} with a fresh curve every {@code refreshMillis};
     * returns the trained agent, or on interrupt the agent as far as training got.
     */
    public static MetaRlAgent train(TrainConfig config, long refreshMillis, Consumer<XYChart> redraw)
            throws IOException {
        return train(config, null, refreshMillis, redraw, line -> { });
    }

    /**
     * Trains with {@code config}, writing the run into {@code runDir} as {@code l2rl train -l runDir} does (config,
     * training log, checkpoints; null: in memory only), so {@code l2rl evaluate -l runDir} can re-check the agent.
     * Every {@code refreshMillis} it calls {@code redraw} with the curve so far and {@code progress} with one line
     * of progress; at the end, the line says what the run reached. Returns the trained agent, or on interrupt the
     * agent as far as training got, with the caller's interrupt status set again (a loop over several runs can
     * check it and stop).
     *
     * <p>With a runDir, what was learned is also saved there when training stops, by the trainer's own thread: if
     * the caller is stopped by force before this returns (our kernel stops an interrupted cell that is still
     * running after 300 ms, and the first checkpoint of a JVM loads ND4J, which takes longer), training still
     * stops and the checkpoint is still written, so {@code Agents.load(runDir)} gets the agent.
     *
     * @throws Checkpoint.CheckpointException if {@code runDir} already holds a run's checkpoints (a new run would
     *     mix its checkpoints with the old ones; choose a new directory)
     * @throws DirectoryLock.HeldException if another process or cell is writing {@code runDir}
     */
    public static MetaRlAgent train(TrainConfig config, Path runDir, long refreshMillis, Consumer<XYChart> redraw,
            Consumer<String> progress) throws IOException {
        if (runDir != null) {
            Checkpoint.requireNoRun(runDir);
        }
        // One writer per run directory; held until the trainer's own thread finishes (it may outlive this call).
        var lock = runDir == null ? null : DirectoryLock.acquire(runDir);
        var live = new LiveTraining(config);
        Trainer trainer;
        try {
            trainer = Trainer.create(config, runDir, live);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        var run = new FutureTask<Trainer.Result>(() -> {
            try (lock) {
                return trainer.run();
            }
        });
        var thread = new Thread(run, "l2rl-live-training");
        thread.setDaemon(true);
        thread.start();
        Trainer.Result result;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    result = run.get(refreshMillis, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException stillTraining) {
                    if (!interrupted) {
                        redraw.accept(live.chart());
                        progress.accept(live.progressLine());
                    }
                } catch (InterruptedException stop) {
                    // Keep what was learned: the workers finish their batch, the trainer saves, the agent returns.
                    // Quickly, and without drawing: the kernel stops a cell by force shortly after interrupting it.
                    interrupted = true;
                    trainer.requestStop();
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            // However the caller leaves (stopped by force, or a redraw threw), no training keeps running behind it.
            trainer.requestStop();
        }
        var agent = ActionValidation.configured(
                new MetaRlAgent(config.agentSpec(), trainer.parameters(), config.engine()), config);
        if (!interrupted) {
            redraw.accept(live.chart());
        }
        progress.accept(live.summary(result, interrupted));
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return agent;
    }

    @Override
    public synchronized void progress(long episodesDone, long episodesTotal, double wall, double regret) {
        done = episodesDone;
        wallSeconds = wall;
        runningRegret = regret;
        if (!Double.isNaN(regret)) {
            points.add(new double[] {episodesDone, regret});
        }
    }

    /** The curve so far: running mean regret per episode against training episodes, on a 0..episodes axis. */
    public synchronized XYChart chart() {
        var episodes = points.stream().mapToDouble(p -> p[0]).toArray();
        var regret = points.stream().mapToDouble(p -> p[1]).toArray();
        var chart = Plots.trainingCurve(title, "running mean regret per episode", episodes, regret);
        chart.getStyler().setXAxisMax((double) total);
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /** E.g. "7,344 / 20,000 episodes  ·  652 episodes/s  ·  0:11 elapsed, about 0:20 left  ·  running regret 4.12". */
    synchronized String progressLine() {
        if (done == 0) {
            return String.format(Locale.ROOT, "0 / %,d episodes  ·  starting", total);
        }
        double rate = done / wallSeconds;
        return String.format(Locale.ROOT, "%,d / %,d episodes  ·  %,.0f episodes/s  ·  %s elapsed, about %s left"
                + "  ·  running regret %.2f", done, total, rate, clock(wallSeconds), clock((total - done) / rate),
                runningRegret);
    }

    private synchronized String summary(Trainer.Result result, boolean interrupted) {
        double rate = result.episodes() / result.wallSeconds();
        var line = String.format(Locale.ROOT, "%s %,d / %,d episodes (%,d updates) in %.1f s  ·  %,.0f episodes/s"
                + "  ·  running regret %.2f", interrupted ? "interrupted: stopped after" : "trained",
                result.episodes(), total, result.updates(), result.wallSeconds(), rate, runningRegret);
        if (interrupted) {
            line += "  ·  what it learned is kept";
        }
        if (result.checkpoint() != null) {
            line += "\ncheckpoint: " + result.checkpoint();
        }
        return line;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
