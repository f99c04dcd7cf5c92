package l2rl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import l2rl.train.Checkpoint;
import l2rl.train.ConfigException;
import l2rl.train.DirectoryLock;
import l2rl.train.TrainConfig;
import l2rl.train.Trainer;

/**
 * Trains a meta-RL agent (A2C with one worker, A3C with several) and writes a run directory: the config used,
 * the training log and checkpoints. Ctrl-C stops at the next batch boundary and saves a checkpoint;
 * {@code --resume} continues from the newest one.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the meta-RL agent (LSTM or GRU actor-critic, A2C/A3C) on a task family.")
public final class TrainCommand implements Callable<Integer> {
    CommandSpec spec;

    /** The usage help ends with every config key, its default, the values it takes and its meaning. */
    @Spec
    void spec(CommandSpec spec) {
        this.spec = spec;
        spec.usageMessage().footerHeading("%nConfig keys, for --config FILE (the flags above override it):%n")
                .footer(TrainConfig.describeKeys());
    }

    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ID", description = "task id, e.g. BanditTwoArmedDependentEasy-v0 (see `l2rl tasks`)")
    String taskId;

    @Option(names = {"-l", "--logdir"}, required = true, paramLabel = "LOGDIR", description = "run directory (config, training log, checkpoints)")
    Path logDir;

    @Option(names = {"-w", "--workers"}, paramLabel = "WORKERS", description = "A3C worker threads; 1 = A2C (default: 2)")
    Integer workers;

    @Option(names = {"-n", "--trials"}, paramLabel = "TRIALS", description = "trials per episode T (default: 100) unless the task declares its own training defaults "
                    + "(`l2rl tasks`; the eleven-armed task's T = 5)")
    Integer trials;

    @Option(names = "--episodes", description = "training episodes (default: 20000), or what the task's family declares")
    Integer episodes;

    @Option(names = "--batch", description = "episodes each worker plays side by side per update (default: 8)")
    Integer batch;

    @Option(names = "--seed", description = "root seed (default: 1)")
    Long seed;

    @Option(names = "--config", paramLabel = "FILE", description = "a key = value file overriding any TrainConfig default; flags override the file")
    Path configFile;

    @Option(names = "--resume", description = "continue the run in LOGDIR from its newest checkpoint")
    boolean resume;

    @Option(names = {"-m", "--meta"}, description = "a new task every episode (the default; accepted for compatibility)")
    boolean meta;

    @Option(names = "--fixed-task", description = "train on one fixed task drawn from the family instead")
    boolean fixedTask;

    @Option(names = "--no-reward-input", description = "withhold the reward input (always 0): the paper's control")
    boolean noRewardInput;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        var err = spec.commandLine().getErr();
        UsageErrors.taskFamily(spec, taskId);
        requireInRange("-w/--workers", workers, TrainConfig.WORKERS);
        requireInRange("-n/--trials", trials, TrainConfig.TRIALS);
        requireInRange("--episodes", episodes, TrainConfig.EPISODES);
        requireInRange("--batch", batch, TrainConfig.BATCH);
        if (meta && fixedTask) {
            return fail(err, "-m/--meta and --fixed-task contradict each other; choose one");
        }
        TrainConfig config;
        try {
            config = resolveConfig();
        } catch (ConfigException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, "cannot read --config file: " + e.getMessage());
        }

        var unwritable = unwritable(logDir);
        if (unwritable != null) {
            return fail(err, "cannot write LOGDIR " + logDir + ": " + unwritable);
        }
        // One writer per run directory: LOGDIR is held before anything in it is read or written, so a second
        // train or resume started while this one runs is refused without a trace (issue 12).
        if (resume && !Files.isDirectory(logDir)) {
            return fail(err, "cannot resume: no checkpoint to resume in " + logDir + " (no such directory)");
        }
        DirectoryLock lock;
        try {
            lock = DirectoryLock.acquire(logDir);
        } catch (DirectoryLock.HeldException e) {
            return fail(err, e.getMessage());
        } catch (IOException e) {
            return fail(err, "cannot use LOGDIR " + logDir + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        }
        try (lock) {
            return train(err, config);
        }
    }

    /** Starts or resumes the run in LOGDIR, which this process holds, and trains until done or stopped. */
    private int train(PrintWriter err, TrainConfig config) throws IOException, InterruptedException {
        Trainer trainer;
        try {
            if (resume) {
                trainer = Trainer.resume(config, logDir, progress(err, config));
            } else {
                if (!Checkpoint.list(logDir).isEmpty()) {
                    return fail(err, "LOGDIR " + logDir + " already holds a run with checkpoints; use --resume to "
                            + "continue it or choose another directory");
                }
                trainer = Trainer.create(config, logDir, progress(err, config));
            }
        } catch (Checkpoint.CheckpointException e) {
            return fail(err, "cannot resume: " + e.getMessage());
        }

        var hook = new Thread(() -> {
            trainer.requestStop();
            try {
                trainer.awaitFinished();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "l2rl-train-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        Trainer.Result result;
        try {
            result = trainer.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for run() to return
            }
        }
        if (!quiet) {
            err.println();
        }
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s %d episodes (%d updates) in %.1f s; checkpoint %s%n",
                result.stopped() ? "stopped after" : "trained", result.episodes(), result.updates(),
                result.wallSeconds(), result.checkpoint());
        if (result.stopped()) {
            out.println("continue with: l2rl train -e " + taskId + " -l " + logDir + " --resume");
        }
        out.flush();
        return 0;
    }

    /** A flag given for a config key is a usage error outside the key's range. */
    private void requireInRange(String flag, Integer value, TrainConfig.Key<Integer> key) {
        if (value != null) {
            UsageErrors.requireInRange(spec, flag, value, (int) key.range().min(), (int) key.range().max());
        }
    }

    /**
     * TrainConfig defaults, then the task family's own training defaults, then the run's saved config on --resume,
     * then --config, then the flags.
     */
    private TrainConfig resolveConfig() throws IOException {
        var overrides = new LinkedHashMap<String, String>();
        if (resume) {
            var saved = logDir.resolve("config.properties");
            if (Files.isRegularFile(saved)) {
                overrides.putAll(TrainConfig.readOverrides(saved));
            }
        }
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new IOException("no file " + configFile);
            }
            overrides.putAll(TrainConfig.readOverrides(configFile));
        }
        overrides.put(TrainConfig.TASK.name(), taskId);
        put(overrides, TrainConfig.WORKERS, workers);
        if (trials != null) {
            put(overrides, TrainConfig.TRIALS, trials);
            var rollout = overrides.get(TrainConfig.ROLLOUT.name());
            if (rollout == null || TrainConfig.ROLLOUT.read(rollout) > trials) {
                put(overrides, TrainConfig.ROLLOUT, trials);
            }
        }
        put(overrides, TrainConfig.EPISODES, episodes);
        put(overrides, TrainConfig.BATCH, batch);
        put(overrides, TrainConfig.SEED, seed);
        if (fixedTask) {
            put(overrides, TrainConfig.META, false);
        }
        if (meta) {
            put(overrides, TrainConfig.META, true);
        }
        if (noRewardInput) {
            put(overrides, TrainConfig.REWARD_INPUT, false);
        }
        return TrainConfig.forTask(taskId).with(overrides);
    }

    /** Sets {@code key} to {@code value} unless the flag was not given (null). */
    private static <T> void put(Map<String, String> overrides, TrainConfig.Key<T> key, T value) {
        if (value != null) {
            overrides.put(key.name(), key.write(value));
        }
    }

    private Trainer.Listener progress(PrintWriter err, TrainConfig config) {
        if (quiet) {
            return null;
        }
        return new Trainer.Listener() {
            private long lastPrint;
            private long firstEpisodes = -1;
            private double firstWall;

            @Override
            public void progress(long done, long total, double wall, double regret) {
                progress(done, total, wall, regret, Double.NaN);
            }

            @Override
            public void progress(long done, long total, double wall, double regret, double rewardPerStep) {
                long now = System.nanoTime();
                if (firstEpisodes < 0) {
                    firstEpisodes = done;
                    firstWall = wall;
                }
                if (now - lastPrint < TimeUnit.MILLISECONDS.toNanos(250) && done < total) {
                    return;
                }
                lastPrint = now;
                double rate = wall > firstWall ? (done - firstEpisodes) / (wall - firstWall) : 0;
                long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
                int width = 30;
                int filled = (int) (width * done / Math.max(1, total));
                // a task without per-step regret (the two-step task) shows its reward per step instead
                var score = Double.isNaN(regret) && !Double.isNaN(rewardPerStep)
                        ? String.format(Locale.ROOT, "reward/step %.3f", rewardPerStep)
                        : String.format(Locale.ROOT, "regret %.2f", regret);
                err.printf(Locale.ROOT, "\r[%s%s] %,d/%,d episodes  %.0f ep/s  ETA %d:%02d  %s ",
                        "#".repeat(filled), ".".repeat(width - filled), done, total, rate, eta / 60, eta % 60, score);
                err.flush();
            }
        };
    }

    /**
     * Why {@code dir} cannot be created or written, or null when it can; creates nothing (a refused command
     * leaves no directory behind).
     */
    private static String unwritable(Path dir) {
        var existing = dir.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "no such file system";
        }
        if (!Files.isDirectory(existing)) {
            return existing + " is a file, not a directory";
        }
        return Files.isWritable(existing) ? null : "permission denied on " + existing;
    }

    private static int fail(PrintWriter err, String message) {
        err.println("l2rl train: " + message);
        err.flush();
        return UsageErrors.EXIT_CODE;
    }
}
