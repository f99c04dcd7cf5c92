package l2rl.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import l2rl.cli.Main;
import l2rl.cli.UsageErrors;
import l2rl.train.ConfigException;
import l2rl.train.DirectoryLock;
import l2rl.train.TrainConfig;

/**
 * {@code l2rl sweep}: the paper's hyperparameter protocol on Spark. Lives in its own module so the library and
 * the other commands do not carry Spark; the launcher runs {@link #main}, the l2rl command line plus this one.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The paper's protocol: train runs with random (lr, gamma), evaluate each on the same 300 "
                + "frozen episodes, choose the top 5 on episodes 1-150 and report them on 151-300.",
                "Runs on Apache Spark: embedded local mode by default, any cluster with --master."})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ID", description = "task id to train and evaluate on (see `l2rl tasks`)")
    String taskId;

    @Option(names = {"-l", "--logdir"}, required = true, paramLabel = "SWEEPDIR", description = "sweep directory: run records, results.csv, top5.txt; rerun to resume")
    Path sweepDir;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "100", description = "(lr, gamma) settings, one training run each (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--episodes", paramLabel = "N", description = "training episodes per run (default: 20000), or what the task's family declares")
    Integer episodes;

    @Option(names = {"-n", "--trials"}, paramLabel = "TRIALS", description = "trials per episode T (default: 100)")
    Integer trials;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "root seed of the sweep; settings and run seeds derive from it (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--lr", paramLabel = "MIN:MAX", description = "learning rates to draw from, log-uniformly, within (0, 1] (default: the paper's 1e-4:5e-3)")
    String learningRates;

    @Option(names = "--gamma", paramLabel = "MIN:MAX", description = "discounts to draw from, uniformly, within [0, 1] (default: 0.7:0.99)")
    String discounts;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]", description = "Spark master: local[*], local[N] or spark://host:port (default: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--max-failures", paramLabel = "N", defaultValue = "3", description = "attempts per run before it is recorded as failed (default: ${DEFAULT-VALUE})")
    int maxFailures;

    @Option(names = "--config", paramLabel = "FILE", description = "a key = value file overriding TrainConfig defaults for every run")
    Path configFile;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, as spark-submit's --conf (repeatable)")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The l2rl command line with the sweep's subcommands: the same help, usage errors and exit codes. */
    public static CommandLine commandLine() {
        return Main.commandLine().addSubcommand(new SweepCommand()).addSubcommand(new SweepTableCommand());
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        var err = spec.commandLine().getErr();
        UsageErrors.taskFamily(spec, taskId);
        UsageErrors.requireInRange(spec, "--runs", runs, 1, 100_000);
        if (episodes != null) {
            requireInRange("--episodes", episodes, TrainConfig.EPISODES);
        }
        UsageErrors.requireInRange(spec, "--max-failures", maxFailures, 1, 100);
        if (trials != null) {
            requireInRange("-n/--trials", trials, TrainConfig.TRIALS);
        }
        var space = searchSpace();
        SweepPlan plan;
        try {
            plan = new SweepPlan(baseConfig(), runs, seed, space);
        } catch (ConfigException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, "cannot read --config file: " + e.getMessage());
        }

        // One writer per sweep directory: SWEEPDIR is held before anything in it is read or written, so a second
        // sweep started on it while this one runs is refused without a trace (issue 12).
        DirectoryLock lock;
        try {
            lock = DirectoryLock.acquire(sweepDir);
        } catch (DirectoryLock.HeldException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, "cannot use SWEEPDIR " + sweepDir + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        try (lock) {
            return sweep(err, plan);
        }
    }

    /** Runs what is left of the sweep in SWEEPDIR, which this process holds, then writes and prints its table. */
    private int sweep(PrintWriter err, SweepPlan plan) throws IOException, InterruptedException {
        var directory = new SweepDirectory(sweepDir);
        var jarDir = Files.createTempDirectory("l2rl-sweep-jars");
        List<RunResult> results;
        try {
            results = Sweep.of(plan, directory, err).run(SparkSettings.of(master, maxFailures, sparkConf, jarDir));
        } catch (SweepDirectory.ForeignSweepException e) {
            return fail(err, e.getMessage());
        } finally {
            deleteTree(jarDir);
        }

        var top = TopRuns.choose(results, TopRuns.PAPER_K);
        var summary = top.summary(String.format(Locale.ROOT, "sweep of %s: %d runs, %d training episodes each, "
                + "T = %d, seed %d", taskId, runs, plan.base().episodes(), plan.base().trials(), seed));
        var table = directory.writeResults(results);
        var summaryFile = directory.writeSummary(summary);
        var out = spec.commandLine().getOut();
        out.print(summary);
        out.println("results: " + table + "; summary: " + summaryFile);
        out.flush();
        return top.failedRuns() == 0 ? 0 : 1;
    }

    /** A flag given for a config key is a usage error outside the key's range. */
    private void requireInRange(String flag, int value, TrainConfig.Key<Integer> key) {
        UsageErrors.requireInRange(spec, flag, value, (int) key.range().min(), (int) key.range().max());
    }

    /**
     * The paper's search space, narrowed or widened by --lr and --gamma; a bad range is a usage error. Each range
     * lies within the range of the config key it draws (learningRate, gamma).
     */
    private SearchSpace searchSpace() {
        double[] lr = range("--lr", learningRates, SearchSpace.PAPER.learningRateMin(), SearchSpace.PAPER.learningRateMax());
        double[] gamma = range("--gamma", discounts, SearchSpace.PAPER.gammaMin(), SearchSpace.PAPER.gammaMax());
        requireWithin("--lr", lr, learningRates, TrainConfig.LEARNING_RATE);
        requireWithin("--gamma", gamma, discounts, TrainConfig.GAMMA);
        return new SearchSpace(lr[0], lr[1], gamma[0], gamma[1]);
    }

    private void requireWithin(String flag, double[] minMax, String text, TrainConfig.Key<Double> key) {
        var range = key.range();
        if (!(range.contains(minMax[0]) && minMax[0] <= minMax[1] && range.contains(minMax[1]))) {
            throw usage(flag + " needs " + range.around("MIN <= MAX") + ", got " + text);
        }
    }

    private double[] range(String flag, String text, double defaultMin, double defaultMax) {
        if (text == null) {
            return new double[] {defaultMin, defaultMax};
        }
        var parts = text.split(":", -1);
        try {
            if (parts.length == 2) {
                double min = Double.parseDouble(parts[0].trim());
                double max = Double.parseDouble(parts[1].trim());
                if (Double.isFinite(min) && Double.isFinite(max)) {
                    return new double[] {min, max};
                }
            }
        } catch (NumberFormatException e) {
            // reported below, with the form the flag takes
        }
        throw usage(flag + " takes MIN:MAX (two numbers, e.g. " + (flag.equals("--lr") ? "1e-3:5e-3" : "0.7:0.9")
                + "), got " + text);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * TrainConfig defaults, then the task family's own training defaults, then --config, then the flags; one worker
     * per run, since Spark runs them side by side.
     */
    private TrainConfig baseConfig() throws IOException {
        // One worker also keeps a run deterministic: A3C's update order depends on thread timing, and a run
        // must give the same result whether it is first computed, retried or resumed.
        var overrides = new LinkedHashMap<String, String>(Map.of(TrainConfig.WORKERS.name(), "1"));
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new IOException("no file " + configFile);
            }
            overrides.putAll(TrainConfig.readOverrides(configFile));
        }
        overrides.put(TrainConfig.TASK.name(), taskId);
        if (episodes != null) {  // else the family's training defaults (the eleven-armed task's 100,000) or 20,000
            overrides.put(TrainConfig.EPISODES.name(), TrainConfig.EPISODES.write(episodes));
        }
        if (trials != null) {
            overrides.put(TrainConfig.TRIALS.name(), TrainConfig.TRIALS.write(trials));
            var rollout = overrides.get(TrainConfig.ROLLOUT.name());
            if (rollout == null || TrainConfig.ROLLOUT.read(rollout) > trials) {
                overrides.put(TrainConfig.ROLLOUT.name(), TrainConfig.ROLLOUT.write(trials));
            }
        }
        return TrainConfig.forTask(taskId).with(overrides);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("l2rl sweep: " + message);
        err.flush();
        return UsageErrors.EXIT_CODE;
    }
}
