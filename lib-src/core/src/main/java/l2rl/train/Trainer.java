package l2rl.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import l2rl.agent.AgentSpec;
import l2rl.agent.ActorCritic;
import l2rl.agent.MetaRlAgent;
import l2rl.agent.Rollout;
import l2rl.agent.TaskBatch;
import l2rl.env.CheckedTask;
import l2rl.env.Seeds;
import l2rl.env.TaskFamily;
import l2rl.env.Tasks;

/**
 * Advantage actor-critic for the meta-RL agent: A3C with {@code workers} threads, A2C with one.
 *
 * <p>As in the original A3C code: each worker owns a copy of the network and plays {@code batch} independent
 * episodes side by side. A <em>rollout</em> is a worker's next {@code rollout} trials (t_max; 5 in the original
 * code) of its episodes; rollouts never cross an episode's end. After every rollout the worker computes n-step
 * returns bootstrapped from the value of the state the rollout ended in ({@link Returns}), the gradient of the
 * actor-critic loss on its own copy by backpropagation through the rollout only, hands the gradient to the
 * {@link ParameterServer}, continues with the new global parameters, and carries the recurrent state into the next
 * rollout of the same episodes.
 *
 * <p>Random streams: episode e's task is {@code Seeds.rng(seed, "train-task", e)} and its action choices
 * {@code Seeds.rng(seed, "train-action", e)}; the initial weights are {@code Seeds.rng(seed, "init", 0)}. So a
 * checkpoint's episode counter is the whole RNG position, and one worker replays exactly after a resume. Before
 * anything is written, one probe episode from its own stream ({@code "contract-probe"}) holds the family to the task
 * contract ({@link CheckedTask#probe}), so a broken family is refused with the rule it broke, not mid-run.
 *
 * <p>Training runs in segments ending at multiples of {@code checkpointEvery}; at a segment's end, or when a
 * stop is requested (Ctrl-C), all workers finish their current batch and a checkpoint is written.
 */
public final class Trainer {
    /** Told after every finished batch of episodes. */
    public interface Listener {
        void progress(long episodesDone, long episodesTotal, double wallSeconds, double runningRegret);

        /**
         * As {@link #progress(long, long, double, double)}, with the running mean reward per step too: what to show
         * for a task without per-step regret (the two-step task), whose running regret is NaN.
         */
        default void progress(long episodesDone, long episodesTotal, double wallSeconds, double runningRegret,
                double runningRewardPerStep) {
            progress(episodesDone, episodesTotal, wallSeconds, runningRegret);
        }
    }

    /** What a finished (or stopped) run reached. */
    public record Result(long episodes, long updates, double wallSeconds, boolean stopped, Path checkpoint,
            double actSeconds, double learnSeconds, double workerCpuSeconds) {
    }

    private final TrainConfig config;
    private final Path runDir;  // null: train in memory, write nothing
    private final AgentSpec spec;
    private final TaskFamily family;
    private final ParameterServer server;
    private final Listener listener;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;

    private long nextEpisode;      // guarded by this: the first episode not yet claimed by a worker
    private long episodesDone;     // guarded by this
    private final double previousWall;
    private long startNanos;
    private Window window = new Window();  // guarded by this: the current log row
    private double runningRegret = Double.NaN;
    private double runningReward = Double.NaN;  // per step
    private TrainingLog log;

    private Trainer(TrainConfig config, Path runDir, Listener listener, Checkpoint from) {
        this.config = config;
        this.runDir = runDir;
        this.spec = config.agentSpec();
        this.family = Tasks.family(config.task());
        // A family that breaks the task contract is refused here, before any training or writing.
        CheckedTask.probe(family, config.trials(), Seeds.rng(config.seed(), "contract-probe", 0));
        if (!config.meta()) {
            trainingTask(0);  // a fixed-task run restarts its task every episode: refuse a task that cannot restart
        }
        this.listener = listener;
        var init = ActorCritic.initialParameters(spec, Seeds.rng(config.seed(), "init", 0));
        var optimizer = Optimizer.of(config, init.length);
        this.server = new ParameterServer(init, optimizer, config.clipNorm());
        if (from != null) {
            server.restore(from.parameters(), from.updates());
            optimizer.restore(from.optimizerSteps(), from.optimizerFirst(), from.optimizerSecond());
            nextEpisode = from.episodes();
            episodesDone = from.episodes();
            previousWall = from.wallSeconds();
        } else {
            previousWall = 0;
        }
    }

    /** A fresh run; writes config.properties, the log and checkpoints into {@code runDir} (null: nothing). */
    public static Trainer create(TrainConfig config, Path runDir, Listener listener) {
        return new Trainer(config, runDir, listener, null);
    }

    /**
     * Continues the run in {@code runDir} from its newest checkpoint, with {@code config} (which must describe
     * the same network and task; the episode total and worker count may change). Refuses a damaged or foreign
     * checkpoint before writing anything.
     */
    public static Trainer resume(TrainConfig config, Path runDir, Listener listener) throws IOException {
        var newest = Checkpoint.newest(runDir)
                .orElseThrow(() -> new Checkpoint.CheckpointException("no checkpoint to resume in " + runDir));
        var from = Checkpoint.read(newest);
        var saved = from.config();
        if (!saved.task().equals(config.task()) || !from.agentSpec().equals(config.agentSpec())
                || saved.optimizer() != config.optimizer()) {
            throw new Checkpoint.CheckpointException(newest + " belongs to a different run (task " + saved.task()
                    + ", hidden " + saved.hidden() + ", trials " + saved.trials() + ", optimizer "
                    + saved.optimizer() + "); cannot resume it with task " + config.task());
        }
        return new Trainer(config, runDir, listener, from);
    }

    public TrainConfig config() {
        return config;
    }

    /** Asks the workers to stop at their next batch boundary; {@link #run} then saves a checkpoint. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Waits until {@link #run} has returned (for a shutdown hook). */
    public void awaitFinished() throws InterruptedException {
        finished.await();
    }

    public float[] parameters() {
        return server.parameters();
    }

    ParameterServer server() {
        return server;
    }

    /** Trains until {@code episodes} episodes are done or a stop is requested. */
    public Result run() throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(config.workers(), r -> {
            var t = new Thread(r, "l2rl-worker");
            t.setDaemon(true);
            return t;
        });
        Path lastCheckpoint = null;
        try {
            if (runDir != null) {
                Files.createDirectories(runDir);
                writeAtomically(runDir.resolve("config.properties"), config.toProperties());
                log = TrainingLog.open(runDir, episodesDone);
            }
            var workers = new ArrayList<Worker>();
            for (int w = 0; w < config.workers(); w++) {
                workers.add(new Worker());
            }
            startNanos = System.nanoTime();
            while (!stopRequested && claimed() < config.episodes()) {
                long every = config.checkpointEvery();
                long end = every > 0 ? Math.min(config.episodes(), (claimed() / every + 1) * every) : config.episodes();
                var jobs = new ArrayList<Callable<Void>>();
                for (var w : workers) {
                    jobs.add(() -> {
                        w.runUntil(end);
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(jobs)) {
                    f.get();
                }
                if (runDir != null && (stopRequested || claimed() >= config.episodes() || claimed() == end)) {
                    lastCheckpoint = saveCheckpoint();
                }
            }
            double act = 0;
            double learn = 0;
            double cpu = 0;
            for (var w : workers) {
                act += w.actNanos / 1e9;
                learn += w.learnNanos / 1e9;
                cpu += w.cpuNanos / 1e9;
            }
            return new Result(episodesDone, server.updates(), wallSeconds(), stopRequested, lastCheckpoint, act, learn,
                    cpu);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("training interrupted", e);
        } catch (ExecutionException e) {
            var cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
            if (log != null) {
                log.close();
            }
            finished.countDown();
        }
    }

    private synchronized long claimed() {
        return nextEpisode;
    }

    /** Claims up to {@code batch} episodes below {@code end}: returns {start, count}, or null when none are left. */
    private synchronized long[] claim(long end) {
        if (stopRequested || nextEpisode >= end) {
            return null;
        }
        long n = Math.min(config.batch(), end - nextEpisode);
        long start = nextEpisode;
        nextEpisode += n;
        return new long[] {start, n};
    }

    private Path saveCheckpoint() throws IOException {
        var opt = server.optimizer();
        Checkpoint c;
        synchronized (server) {
            c = new Checkpoint(config, episodesDone, server.updates(), wallSeconds(), server.parameters(), opt.kind(),
                    opt.steps(), opt.first().clone(), opt.second().clone());
        }
        var file = Checkpoint.fileFor(runDir, episodesDone);
        c.write(file);
        var all = Checkpoint.list(runDir);
        for (int i = 0; i < all.size() - config.keepCheckpoints(); i++) {
            Files.deleteIfExists(all.get(i));
        }
        return file;
    }

    private double wallSeconds() {
        return previousWall + (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * The task of training episode {@code e}: a new task per episode (meta-learning), or the one fixed task of
     * episode 0 restarted with episode e's reward stream ({@link l2rl.env.Task#restart}).
     */
    CheckedTask trainingTask(long e) {
        if (config.meta()) {
            return CheckedTask.sample(family, Seeds.rng(config.seed(), "train-task", e));
        }
        return CheckedTask.sample(family, Seeds.rng(config.seed(), "train-task", 0))
                .restart(Seeds.rng(config.seed(), "train-reward", e));
    }

    /** Called by a worker after each finished batch of episodes. */
    private synchronized void finishedBatch(Window batch) throws IOException {
        episodesDone += batch.episodes;
        window.add(batch);
        double meanRegret = batch.regretSum / batch.episodes;
        double alpha = Math.min(1.0, batch.episodes / 200.0);
        runningRegret = Double.isNaN(runningRegret) ? meanRegret : runningRegret + alpha * (meanRegret - runningRegret);
        double meanReward = batch.rewardSum / ((double) batch.episodes * config.trials());
        runningReward = Double.isNaN(runningReward) ? meanReward : runningReward + alpha * (meanReward - runningReward);
        if (log != null && (window.episodes >= config.logEvery() || episodesDone >= config.episodes())) {
            log.row(episodesDone, episodesDone * config.trials(), window.rewardSum / window.episodes,
                    window.regretSum / window.episodes, window.policyLoss / window.updates,
                    window.valueLoss / window.updates, window.entropyPerTrial / window.updates,
                    config.betaE(episodesDone), config.learningRate(episodesDone), wallSeconds(),
                    window.gradNorm / window.updates, window.explainedVariance());
            window = new Window();
        }
        if (listener != null) {
            listener.progress(episodesDone, config.episodes(), wallSeconds(), runningRegret, runningReward);
        }
    }

    /** Sums over the episodes and updates of one log row (or of one worker's batch). */
    private static final class Window {
        long episodes;
        long updates;
        double rewardSum;
        double regretSum;
        double policyLoss;
        double valueLoss;
        double entropyPerTrial;
        double gradNorm;
        // for the value head's explained variance 1 - Var(R - V) / Var(R), over every trained trial
        long trials;
        double returnSum;
        double returnSquares;
        double errorSum;
        double errorSquares;

        void addUpdate(ActorCritic.Losses losses, double norm, Rollout r) {
            updates++;
            policyLoss += losses.policyLoss();
            valueLoss += losses.valueLoss();
            entropyPerTrial += losses.entropy() / r.length();
            gradNorm += norm;
            for (int s = 0; s < r.length() * r.batch; s++) {
                double ret = r.returns[s];
                double error = ret - r.values[s];
                returnSum += ret;
                returnSquares += ret * ret;
                errorSum += error;
                errorSquares += error * error;
            }
            trials += (long) r.length() * r.batch;
        }

        void add(Window w) {
            episodes += w.episodes;
            updates += w.updates;
            rewardSum += w.rewardSum;
            regretSum += w.regretSum;
            policyLoss += w.policyLoss;
            valueLoss += w.valueLoss;
            entropyPerTrial += w.entropyPerTrial;
            gradNorm += w.gradNorm;
            trials += w.trials;
            returnSum += w.returnSum;
            returnSquares += w.returnSquares;
            errorSum += w.errorSum;
            errorSquares += w.errorSquares;
        }

        double explainedVariance() {
            double varReturn = returnSquares / trials - Math.pow(returnSum / trials, 2);
            double varError = errorSquares / trials - Math.pow(errorSum / trials, 2);
            return varReturn > 0 ? 1 - varError / varReturn : Double.NaN;
        }
    }

    /**
     * One A3C worker: its own copy of the network, its own batch of episodes. Each rollout (the next
     * {@code rollout} trials of its episodes) runs in three phases: collect (act and step the bandits), compute
     * returns (bootstrapped from the value of the state the rollout ends in), learn (gradient, parameter server,
     * refreshed copy). The recurrent state carries from one rollout to the next of the same episodes.
     */
    private final class Worker {
        private final ActorCritic net = config.engine().create(spec);
        private final float[] params = new float[spec.parameterCount()];
        private final double[] gradient = new double[spec.parameterCount()];
        private Rollout rollout;              // [rollout + 1 trials, B]: the spare trial computes the bootstrap value
        private double[] bootstrap;           // [B] value of the state after the rollout
        private int[] act;                    // [B]
        private float[] reward;               // [B]
        private double[] regret;              // [B]
        private Window stats;  // this batch of episodes
        private long actNanos;    // time in acting: encoding, forward steps, sampling, stepping the bandits
        private long learnNanos;  // time in learning: returns, backward pass, parameter server, refresh
        private long cpuNanos;    // CPU time of the worker's thread (robust to a loaded machine)

        Worker() {
            refresh();
        }

        private void refresh() {
            System.arraycopy(server.parameters(), 0, params, 0, params.length);
            net.setParameters(params);
        }

        void runUntil(long end) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpuStart = mx.getCurrentThreadCpuTime();
            try {
                refresh();  // another segment or worker may have moved the global parameters
                long[] claim;
                while ((claim = claim(end)) != null) {
                    playEpisodes(claim[0], (int) claim[1]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                cpuNanos += mx.getCurrentThreadCpuTime() - cpuStart;
            }
        }

        /** Buffers for {@code n} episodes, allocated once (again only for a short last batch of a segment). */
        private void allocate(int n) {
            if (rollout == null || rollout.batch != n) {
                rollout = new Rollout(spec, n, config.rollout() + 1);
                bootstrap = new double[n];
                act = new int[n];
                reward = new float[n];
                regret = new double[n];
            }
        }

        /** Plays episodes [first, first + n) to their end, learning after every rollout. */
        private void playEpisodes(long first, int n) throws IOException {
            allocate(n);
            var tasks = new CheckedTask[n];
            var actionRng = new SplittableRandom[n];
            for (int b = 0; b < n; b++) {
                tasks[b] = trainingTask(first + b);
                actionRng[b] = Seeds.rng(config.seed(), "train-action", first + b);
            }
            var env = new TaskBatch(spec, tasks);
            double betaE = config.betaE(first);
            double lr = config.learningRate(first);
            stats = new Window();
            stats.episodes = n;
            rollout.startEpisode();
            int trials = config.trials();
            for (int start = 0; start < trials; start += config.rollout()) {
                int length = Math.min(config.rollout(), trials - start);
                boolean episodeEnd = start + length == trials;
                long t0 = System.nanoTime();
                collect(env, length, actionRng);
                valueAfter(env, length, episodeEnd);
                long t1 = System.nanoTime();
                Returns.compute(rollout, bootstrap, episodeEnd ? 0 : 1, config.gamma(), config.gaeLambda());
                learn(betaE, lr);
                rollout.continueEpisode();
                actNanos += t1 - t0;
                learnNanos += System.nanoTime() - t1;
            }
            finishedBatch(stats);
        }

        /** Collect: {@code length} trials of every episode into the rollout. */
        private void collect(TaskBatch env, int length, SplittableRandom[] actionRng) {
            int n = rollout.batch;
            int arms = spec.arms();
            for (int t = 0; t < length; t++) {
                env.observe(rollout, t);
                net.act(rollout, t);
                for (int b = 0; b < n; b++) {
                    int s = rollout.at(t, b);
                    act[b] = MetaRlAgent.sample(rollout.probs, s * arms, arms, actionRng[b]);
                    rollout.actions[s] = act[b];
                }
                env.step(act, reward, regret);
                for (int b = 0; b < n; b++) {
                    rollout.rewards[rollout.at(t, b)] = reward[b];
                    stats.rewardSum += reward[b];
                    stats.regretSum += regret[b];
                }
            }
            rollout.setLength(length);
        }

        /** The value of the state after the rollout, one step on in the spare trial; 0 after the episode's end. */
        private void valueAfter(TaskBatch env, int length, boolean episodeEnd) {
            if (episodeEnd) {
                java.util.Arrays.fill(bootstrap, 0);
                return;
            }
            env.observe(rollout, length);
            net.act(rollout, length);
            for (int b = 0; b < rollout.batch; b++) {
                bootstrap[b] = rollout.values[rollout.at(length, b)];
            }
        }

        /** Learn: the gradient on this worker's copy, one step of the global parameters, the copy refreshed. */
        private void learn(double betaE, double lr) {
            var losses = net.learn(rollout, config.betaV(), betaE, gradient);
            double norm = server.apply(gradient, lr, params);
            net.setParameters(params);
            stats.addUpdate(losses, norm, rollout);
        }
    }

    static void writeAtomically(Path file, String text) throws IOException {
        var tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
