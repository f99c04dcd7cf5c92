package l2rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.api.java.function.Function;

import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.RegretReport;
import l2rl.train.Agents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSweepTest {
    @TempDir
    Path tmp;

    @Test
    void sparkGivesTheSameTableAsTheRunsOneByOne() throws Exception {
        var dir = tmp.resolve("sweep");
        var outcome = SweepFixtures.sweep(SweepFixtures.args(dir, 3, "local[2]"));
        assertEquals(0, outcome.exitCode(), outcome.err());

        var oneByOne = SweepFixtures.plan(3).runSpecs().stream().map(spec -> Run.trainAndEvaluate(spec).result()).toList();
        assertEquals(SweepFixtures.rowsWithoutWallTimes(oneByOne), SweepFixtures.tableWithoutWallTimes(dir));

        var top = TopRuns.choose(oneByOne, TopRuns.PAPER_K);
        assertTrue(outcome.out().contains(String.format(java.util.Locale.ROOT, "%.4f", top.reportedRegret())),
                outcome.out());
        assertEquals(outcome.out().lines().takeWhile(l -> !l.startsWith("results:")).toList(),
                Files.readAllLines(dir.resolve("top5.txt")));
        assertTrue(outcome.err().contains("sweep: 3/3 runs done"), outcome.err());

        // The kept agent is the one that was evaluated: it plays the evaluation episodes to the same regret.
        var run = SweepFixtures.plan(3).runSpec(2);
        var agent = Agents.load(new SweepDirectory(dir).agent(2));
        var tasks = new TaskSet(Tasks.family(SweepFixtures.TASK), run.evaluationSeed(), Run.EVALUATION_EPISODES);
        var report = RegretReport.of("agent", tasks, SweepFixtures.TRIALS,
                agent.predict(tasks, SweepFixtures.TRIALS, run.evaluationSeed(), 50));
        assertEquals(oneByOne.get(2).regretSecondHalf(),
                report.episodes(Run.SELECTION_EPISODES, Run.EVALUATION_EPISODES).regretMean());
    }

    private static final AtomicInteger ATTEMPTS_OF_RUN_1 = new AtomicInteger();

    /** Stands in for training (this test is about Spark's retries, not learning): run 1 always fails. */
    private static RunOutcome failRunOne(RunSpec spec) {
        if (spec.run() == 1) {
            ATTEMPTS_OF_RUN_1.incrementAndGet();
            throw new IllegalStateException("diverged (test)");
        }
        return fakeResult(spec);
    }

    private static RunOutcome fakeResult(RunSpec spec) {
        var config = spec.trainConfig();
        return new RunOutcome(new RunResult(spec.run(), config.learningRate(), config.gamma(), config.seed(),
                spec.run(), 10 + spec.run(), 0.1, RunResult.Status.ok, ""),
                new float[config.agentSpec().parameterCount()]);
    }

    @Test
    void aFailingRunIsRetriedThenReportedAndRetriedOnTheNextJob() throws Exception {
        var plan = SweepFixtures.plan(3);
        var directory = new SweepDirectory(tmp.resolve("sweep"));
        var progress = new StringWriter();
        var conf = SparkSettings.of("local[2]", 2, Map.of(), tmp);

        ATTEMPTS_OF_RUN_1.set(0);
        var first = new Sweep(plan, directory, (Function<RunSpec, RunOutcome>) LocalSweepTest::failRunOne,
                new PrintWriter(progress)).run(conf);
        assertEquals(2, ATTEMPTS_OF_RUN_1.get(), "spark.task.maxFailures attempts");
        var failed = first.get(1);
        assertEquals(RunResult.Status.failed, failed.status());
        assertTrue(failed.error().contains("diverged (test)"), failed.error());
        assertEquals(plan.runSpec(1).trainConfig().learningRate(), failed.learningRate());
        assertEquals(List.of(0, 2), TopRuns.choose(first, 5).chosen().stream().map(RunResult::run).sorted().toList());
        assertTrue(progress.toString().contains("3/3 runs done (0 earlier, 1 failed)"), progress.toString());

        var next = new Sweep(plan, directory, (Function<RunSpec, RunOutcome>) LocalSweepTest::fakeResult,
                new PrintWriter(progress)).run(conf);
        assertTrue(next.stream().allMatch(RunResult::ok));
        var log = Files.readAllLines(directory.root().resolve("sweep.log"));
        var secondJob = log.subList(log.size() - 3, log.size());
        assertTrue(secondJob.get(0).contains("job: 1 runs to do, 2 finished earlier"), secondJob.toString());
        assertTrue(secondJob.get(1).endsWith("submitted run 1"), secondJob.toString());
    }

    @Test
    void aDirectoryHoldingAnotherSweepIsRefused() throws Exception {
        var dir = tmp.resolve("sweep");
        new SweepDirectory(dir).claim(SweepFixtures.plan(3));
        var args = new java.util.ArrayList<>(SweepFixtures.args(dir, 3, "local[1]"));
        args.set(args.indexOf("--seed") + 1, "12");
        var outcome = SweepFixtures.sweep(args);
        assertEquals(2, outcome.exitCode());
        assertTrue(outcome.err().contains("holds another sweep (sweep.seed = 11, asked for 12)"), outcome.err());
    }

    @Test
    void localMastersGetSparksRetryCount() {
        assertEquals("local[*,3]", SparkSettings.withRetries("local[*]", 3));
        assertEquals("local[2,3]", SparkSettings.withRetries("local[2]", 3));
        assertEquals("local[1,4]", SparkSettings.withRetries("local", 4));
        assertEquals("local[2,5]", SparkSettings.withRetries("local[2,5]", 3));
        assertEquals("spark://127.0.0.1:7077", SparkSettings.withRetries("spark://127.0.0.1:7077", 3));
    }

    @Test
    void theJvmOptionsFileIsSparksOwnList() throws Exception {
        var file = Files.readAllLines(Path.of("spark-jvm.options")).stream().filter(l -> !l.startsWith("#")).toList();
        var spark = List.of(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptions().split(" "));
        assertEquals(spark, file);
    }
}
