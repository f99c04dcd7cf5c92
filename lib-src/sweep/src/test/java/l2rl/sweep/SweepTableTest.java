package l2rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import l2rl.baseline.ThompsonSamplingPolicy;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.Evaluation;

/** The README's sweep table, recomputed from a small real sweep and checked against independent computations. */
class SweepTableTest {
    private static final int RUNS = 6;

    @TempDir
    static Path tmp;

    static Path sweep;

    @BeforeAll
    static void runASmallSweep() {
        sweep = tmp.resolve("sweep");
        var outcome = SweepFixtures.sweep(SweepFixtures.args(sweep, RUNS, "local[2]"));
        assertEquals(0, outcome.exitCode(), outcome.err());
    }

    @Test
    void protocolNumberIsTheTopFiveOnTheReportedHalf() throws IOException {
        var recorded = new SweepDirectory(sweep).recorded().values();
        var table = SweepTable.read(sweep);
        var top = TopRuns.choose(recorded, TopRuns.PAPER_K);
        assertEquals(RUNS, table.finishedRuns());
        assertEquals(top.reportedRegret(), table.protocolRegret(), 1e-12);
        assertEquals(top.chosen().get(0), table.topRun());
        assertEquals(SearchSpace.PAPER, table.space());
        assertTrue(table.protocolCi95() > 0 && table.protocolCi95() < table.protocolRegret(),
                "interval " + table.protocolCi95());
    }

    @Test
    void baselinesAndTheShareBelowThompsonAreOnEpisodes151To300() throws IOException {
        var plan = SweepFixtures.plan(RUNS);
        var tasks = new TaskSet(Tasks.family(SweepFixtures.TASK), plan.evaluationSeed(), Run.EVALUATION_EPISODES);
        double thompson = Evaluation.run(new ThompsonSamplingPolicy(), tasks, SweepFixtures.TRIALS)
                .episodes(Run.SELECTION_EPISODES, Run.EVALUATION_EPISODES).regretMean();
        var table = SweepTable.read(sweep);
        assertEquals(thompson, table.baseline("thompson"), 1e-12);
        long below = new SweepDirectory(sweep).recorded().values().stream()
                .filter(r -> r.regretSecondHalf() < thompson).count();
        assertEquals(below, table.beatThompson());
    }

    @Test
    void anAgentThatDoesNotMatchItsRecordIsRefused() throws IOException {
        var copy = tmp.resolve("tampered");
        copyTree(sweep, copy);
        var best = TopRuns.choose(new SweepDirectory(copy).recorded().values(), 1).chosen().get(0);
        var record = copy.resolve("runs").resolve(String.format("run-%05d.json", best.run()));
        Files.writeString(record, Files.readString(record).replace(
                "\"regretSecondHalf\":" + best.regretSecondHalf(), "\"regretSecondHalf\":" + (best.regretSecondHalf() + 1)));
        var e = assertThrows(IOException.class, () -> SweepTable.read(copy));
        assertTrue(e.getMessage().contains("do not belong"), e.getMessage());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (var p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
