package l2rl.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs a {@link SweepPlan} on Spark, one job of one task per run, and records each run as it ends.
 *
 * <p>One job per run, not one job of many tasks, because Spark aborts a whole job when one task has failed
 * spark.task.maxFailures times: a run that keeps failing is then recorded as failed while the others go on.
 * Runs already recorded as finished in the sweep directory are not submitted again, so an interrupted sweep
 * resumes where it stopped; runs recorded as failed are tried again.
 */
public final class Sweep {
    private static final long POLL_MILLIS = 200;

    private final SweepPlan plan;
    private final SweepDirectory directory;
    private final Function<RunSpec, RunOutcome> runFunction;
    private final PrintWriter progress;

    /** {@code runFunction} is what each task does with its run; {@link Run#trainAndEvaluate} in a real sweep. */
    public Sweep(SweepPlan plan, SweepDirectory directory, Function<RunSpec, RunOutcome> runFunction,
            PrintWriter progress) {
        this.plan = plan;
        this.directory = directory;
        this.runFunction = runFunction;
        this.progress = progress;
    }

    public static Sweep of(SweepPlan plan, SweepDirectory directory, PrintWriter progress) {
        return new Sweep(plan, directory, Run::trainAndEvaluate, progress);
    }

    /** Runs what is not yet finished; returns every run's result (finished earlier or now, or failed). */
    public List<RunResult> run(SparkConf conf) throws IOException, InterruptedException {
        directory.claim(plan);
        var results = new TreeMap<Integer, RunResult>(directory.recorded());
        // Runs beyond this plan's count stay on disk for a longer sweep; failed runs are tried again.
        results.values().removeIf(r -> r.run() >= plan.runs() || !r.ok());
        var pending = plan.runSpecs().stream()
                .filter(spec -> !results.containsKey(spec.run()))
                .toList();
        int earlier = plan.runs() - pending.size();
        directory.log("job: " + pending.size() + " runs to do, " + earlier + " finished earlier, master "
                + conf.get("spark.master"));
        if (!pending.isEmpty()) {
            try (var spark = new JavaSparkContext(conf)) {
                var jobs = submit(spark, pending);
                await(jobs, results, earlier, () -> spark.sc().isStopped());
            }
        }
        return new ArrayList<>(results.values());
    }

    private Map<RunSpec, JavaFutureAction<List<RunOutcome>>> submit(JavaSparkContext spark, List<RunSpec> pending)
            throws IOException {
        var jobs = new LinkedHashMap<RunSpec, JavaFutureAction<List<RunOutcome>>>();
        for (var spec : pending) {
            directory.log("submitted run " + spec.run());
            jobs.put(spec, spark.parallelize(List.of(spec), 1).map(runFunction).collectAsync());
        }
        return jobs;
    }

    /** Records each run as its job ends, in whatever order they end. */
    private void await(Map<RunSpec, JavaFutureAction<List<RunOutcome>>> jobs, Map<Integer, RunResult> results,
            int earlier, BooleanSupplier sparkStopped) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int done = 0;
        while (!jobs.isEmpty()) {
            var ended = jobs.entrySet().stream().filter(e -> e.getValue().isDone()).toList();
            for (var job : ended) {
                jobs.remove(job.getKey());
                var result = outcome(job.getKey(), job.getValue(), sparkStopped);
                if (result == null) {
                    continue;
                }
                results.put(result.run(), result);
                // The table follows the records, so a sweep stopped hard (or still running) can be read as is.
                directory.writeResults(results.values());
                done++;
                report(results.values(), earlier, done, jobs.size(), System.nanoTime() - start);
            }
            if (ended.isEmpty()) {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        }
    }

    /**
     * Keeps a finished run's agent, then its record (so a record implies its agent), or records the failure;
     * null, and nothing recorded, for a run cancelled because the sweep itself is stopping (Ctrl-C, kill).
     */
    private RunResult outcome(RunSpec spec, JavaFutureAction<List<RunOutcome>> job, BooleanSupplier sparkStopped)
            throws IOException, InterruptedException {
        RunResult result;
        try {
            var outcome = job.get().get(0);
            directory.saveAgent(spec, outcome.parameters());
            result = outcome.result();
        } catch (ExecutionException e) {
            if (sparkStopped.getAsBoolean()) {
                return null;  // the run did not fail: its job was cancelled with the sweep; a resume runs it
            }
            // Spark's message names the attempts and the last attempt's exception; its first line is enough.
            var cause = e.getCause() == null ? e : e.getCause();
            result = RunResult.failed(spec, String.valueOf(cause.getMessage()).lines().findFirst().orElse(""));
        }
        directory.record(result);
        return result;
    }

    private void report(Collection<RunResult> results, int earlier, int done, int left, long nanos) {
        long failed = results.stream().filter(r -> !r.ok()).count();
        long etaSeconds = Math.round(nanos / 1e9 / done * left);
        progress.printf(Locale.ROOT, "sweep: %d/%d runs done (%d earlier, %d failed), ETA %d:%02d:%02d%n",
                earlier + done, plan.runs(), earlier, failed, etaSeconds / 3600, etaSeconds / 60 % 60,
                etaSeconds % 60);
        progress.flush();
    }
}
