package l2rl.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import l2rl.agent.MetaRlAgent;
import l2rl.train.Agents;
import l2rl.train.Checkpoint;
import l2rl.train.TrainConfig;
import l2rl.train.TrainingLog;

class LiveTrainingTest {
    static final String TINY = """
            task = BanditTwoArmedDependentEasy-v0
            hidden = 6
            trials = 8
            rollout = 4
            episodes = 64
            batch = 4
            workers = 1
            checkpointEvery = 0
            logEvery = 8
            """;

    @Test
    void writesARunDirectoryWhoseCheckpointIsTheReturnedAgent(@TempDir Path tmp) throws IOException {
        var runDir = tmp.resolve("live");
        var charts = new ArrayList<XYChart>();
        var lines = new ArrayList<String>();
        var agent = LiveTraining.train(TrainConfig.parse(TINY), runDir, 1, charts::add, lines::add);

        assertFalse(charts.isEmpty(), "the final curve is drawn");
        var last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("trained 64 / 64 episodes"), last);
        assertTrue(last.contains("episodes/s"), last);
        assertTrue(Files.isRegularFile(runDir.resolve(TrainingLog.FILE)));
        // what `l2rl evaluate -l runDir` loads is exactly the agent the notebook evaluates
        assertArrayEquals(agent.parameters(), Agents.load(runDir).parameters());
    }

    @Test
    void refusesADirectoryThatAlreadyHoldsARun(@TempDir Path tmp) throws IOException {
        var runDir = tmp.resolve("live");
        var config = TrainConfig.parse(TINY);
        LiveTraining.train(config, runDir, 1000, chart -> { }, line -> { });
        byte[] before = Files.readAllBytes(Checkpoint.newest(runDir).orElseThrow());

        var refused = assertThrows(Checkpoint.CheckpointException.class,
                () -> LiveTraining.train(config, runDir, 1000, chart -> { }, line -> { }));
        assertTrue(refused.getMessage().contains("already holds a run"), refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(Checkpoint.newest(runDir).orElseThrow()));
    }

    @Test
    void anInterruptStopsTrainingAndReturnsWhatWasLearned(@TempDir Path tmp) throws Exception {
        var runDir = tmp.resolve("live");
        var config = TrainConfig.parse(TINY.replace("episodes = 64", "episodes = 100000000"));
        var agent = new AtomicReference<MetaRlAgent>();
        var stillInterrupted = new AtomicBoolean();
        List<String> lines = new CopyOnWriteArrayList<>();
        var caller = new Thread(() -> {
            try {
                agent.set(LiveTraining.train(config, runDir, 20, chart -> { }, lines::add));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        caller.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lines.stream().noneMatch(line -> !line.startsWith("0 /")) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        caller.interrupt();  // what the kernel does to a cell on Jupyter's interrupt
        caller.join(TimeUnit.SECONDS.toMillis(10));

        assertFalse(caller.isAlive(), "train returned soon after the interrupt");
        assertNotNull(agent.get());
        assertTrue(stillInterrupted.get(), "the caller's interrupt status is kept");
        var last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("interrupted"), last);
        var saved = Checkpoint.read(Checkpoint.newest(runDir).orElseThrow());
        assertTrue(saved.episodes() > 0 && saved.episodes() < config.episodes(), "stopped at " + saved.episodes());
        assertArrayEquals(agent.get().parameters(), saved.parameters());
    }

    @Test
    void aCallerThatLeavesEarlyLeavesNoTrainingRunningBehindIt(@TempDir Path tmp) throws Exception {
        var runDir = tmp.resolve("live");
        var config = TrainConfig.parse(TINY.replace("episodes = 64", "episodes = 100000000"));
        var failure = assertThrows(IllegalStateException.class, () -> LiveTraining.train(config, runDir, 20,
                chart -> {
                    throw new IllegalStateException("display gone");  // as a cell stopped by force leaves
                }, line -> { }));
        assertEquals("display gone", failure.getMessage());
        // the trainer stops at its next batch and saves what it learned
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Checkpoint.newest(runDir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        var saved = Checkpoint.read(Checkpoint.newest(runDir).orElseThrow());
        assertTrue(saved.episodes() < config.episodes(), "stopped at " + saved.episodes());
    }

    @Test
    void theLiveCurveTicksAtRoundEpisodes() throws Exception {
        // logged every 8 episodes: XChart's own ticks for equally spaced x fell at 360, 720, 1,080, ...
        var config = TrainConfig.parse(TINY.replace("episodes = 64", "episodes = 2400"));
        var charts = new ArrayList<XYChart>();
        LiveTraining.train(config, null, 1, charts::add, line -> { });
        var last = charts.get(charts.size() - 1);
        assertEquals(2400.0, last.getStyler().getXAxisMax());
        PlotsTest.assertRoundTicks(last, 100);
        assertEquals(Palette.AGENT, last.getSeriesMap().values().iterator().next().getLineColor());
    }

    @Test
    void theCurveSpansTheWholeRunFromTheStart() {
        var config = TrainConfig.parse(TINY);
        var chart = LiveTraining.emptyCurve(config);
        assertEquals(64.0, chart.getStyler().getXAxisMax());
        assertEquals(0.0, chart.getStyler().getXAxisMin());
    }
}
