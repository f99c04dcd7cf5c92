package l2rl.plot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.knowm.xchart.XYChart;

import l2rl.agent.MetaRlAgent;
import l2rl.train.TrainConfig;
import l2rl.train.Trainer;

/**
 * Trains an agent while a training curve (running mean regret per episode) is redrawn every {@code refresh}
 * interval. The redraw runs on the caller's thread, so a notebook can hand in
 * {@code chart -> updateDisplay(id, chart)}; interrupting the caller (Jupyter's interrupt) stops training at the
 * next batch boundary and returns the agent as far as it got, so an interrupted cell keeps what was learned.
 */
public final class LiveTraining implements Trainer.Listener {
    private final List<double[]> points = new ArrayList<>();
    private final String title;

    private LiveTraining(String title) {
        this.title = title;
    }

    /**
     * Trains with {@code config} in memory, calling {@code redraw} with a fresh curve every {@code refreshMillis};
     * returns the trained agent, or on interrupt the agent as far as training got.
     */
    public static MetaRlAgent train(TrainConfig config, long refreshMillis, Consumer<XYChart> redraw)
            throws IOException {
        var live = new LiveTraining("training on " + config.task());
        var trainer = Trainer.create(config, null, live);
        var run = CompletableFuture.supplyAsync(() -> {
            try {
                return trainer.run();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            while (true) {
                try {
                    run.get(refreshMillis, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException stillTraining) {
                    redraw.accept(live.chart());
                }
            }
        } catch (InterruptedException e) {
            trainer.requestStop();
            try {
                trainer.awaitFinished();
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof java.io.UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
        redraw.accept(live.chart());
        return new MetaRlAgent(config.agentSpec(), trainer.parameters(), config.engine());
    }

    @Override
    public synchronized void progress(long episodesDone, long episodesTotal, double wallSeconds, double runningRegret) {
        if (!Double.isNaN(runningRegret)) {
            points.add(new double[] {episodesDone, runningRegret});
        }
    }

    /** The curve so far: running mean regret per episode against training episodes. */
    public synchronized XYChart chart() {
        var episodes = points.stream().mapToDouble(p -> p[0]).toArray();
        var regret = points.stream().mapToDouble(p -> p[1]).toArray();
        return Plots.trainingCurve(title, "running mean regret per episode", episodes, regret);
    }
}
