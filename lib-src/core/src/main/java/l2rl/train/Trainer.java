package l2rl.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import l2rl.agent.AgentSpec;
import l2rl.agent.LstmActorCritic;
import l2rl.agent.MetaRlAgent;
import l2rl.agent.Rollout;
import l2rl.agent.TaskBatch;
import l2rl.env.Bandit;
import l2rl.env.BernoulliBandit;
import l2rl.env.GaussianBandit;
import l2rl.env.Seeds;
import l2rl.env.TaskFamily;
import l2rl.env.Tasks;

/**
 * Advantage actor-critic for the meta-RL agent: A3C with {@code workers} threads, A2C with one.
 *
 * <p>Each worker owns a copy of the network and plays {@code batch} independent episodes side by side.
 * After every rollout ({@code rollout} trials; by default the whole episode) it computes n-step returns
 * bootstrapped from the value at the rollout's end (GAE with lambda = 1 unless configured), the gradient of
 * the actor-critic loss on its own copy, hands the gradient to the {@link ParameterServer}, and continues with
 * the new global parameters.
 *
 * <p>Random streams: episode e's task is {@code Seeds.rng(seed, "train-task", e)} and its action choices
 * {@code Seeds.rng(seed, "train-action", e)}; the initial weights are {@code Seeds.rng(seed, "init", 0)}. So a
 * checkpoint's episode counter is the whole RNG position, and one worker replays exactly after a resume.
 *
 * <p>Training runs in segments ending at multiples of {@code checkpointEvery}; at a segment's end, or when a
 * stop is requested (Ctrl-C), all workers finish their current batch and a checkpoint is written.
 */
public final class Trainer {
    /** Told after every finished batch of episodes. */
    public interface Listener {
        void progress(long episodesDone, long episodesTotal, double wallSeconds, double runningRegret);
    }

    /** What a finished (or stopped) run reached. */
    public record Result(long episodes, long updates, double wallSeconds, boolean stopped, Path checkpoint,
            double actSeconds, double learnSeconds) {
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
    private final Window window = new Window();
    private double runningRegret = Double.NaN;
    private TrainingLog log;

    private Trainer(TrainConfig config, Path runDir, Listener listener, Checkpoint from) {
        this.config = config;
        this.runDir = runDir;
        this.spec = config.agentSpec();
        this.family = Tasks.family(config.task());
        this.listener = listener;
        var init = LstmActorCritic.initialParameters(spec, Seeds.rng(config.seed(), "init", 0));
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
        if (!saved.task().equals(config.task()) || !saved.agentSpec().equals(config.agentSpec())
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
            for (var w : workers) {
                act += w.actNanos / 1e9;
                learn += w.learnNanos / 1e9;
            }
            return new Result(episodesDone, server.updates(), wallSeconds(), stopRequested, lastCheckpoint, act, learn);
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

    /** The bandit of training episode {@code e}: a new task per episode, or the one fixed task. */
    Bandit trainingTask(long e) {
        if (config.meta()) {
            return family.sample(Seeds.rng(config.seed(), "train-task", e));
        }
        var fixed = family.sample(Seeds.rng(config.seed(), "train-task", 0));
        var rewards = Seeds.rng(config.seed(), "train-reward", e);
        if (fixed instanceof BernoulliBandit b) {
            var p = new double[b.arms()];
            var pay = new double[b.arms()];
            for (int a = 0; a < p.length; a++) {
                p[a] = b.probability(a);
                pay[a] = b.payoff(a);
            }
            return new BernoulliBandit(p, pay, rewards);
        }
        return new GaussianBandit(fixed.means(), rewards);
    }

    /** Called by a worker after each finished batch of episodes. */
    private synchronized void finishedBatch(int episodes, double rewardSum, double regretSum, Window losses)
            throws IOException {
        episodesDone += episodes;
        window.add(episodes, rewardSum, regretSum, losses);
        double meanRegret = regretSum / episodes;
        double alpha = Math.min(1.0, episodes / 200.0);
        runningRegret = Double.isNaN(runningRegret) ? meanRegret : runningRegret + alpha * (meanRegret - runningRegret);
        if (log != null && (window.episodes >= config.logEvery() || episodesDone >= config.episodes())) {
            log.row(episodesDone, episodesDone * config.trials(), window.rewardSum / window.episodes,
                    window.regretSum / window.episodes, window.policyLoss / window.updates,
                    window.valueLoss / window.updates, window.entropyPerTrial / window.updates,
                    config.betaE(episodesDone), config.learningRate(), wallSeconds());
            window.clear();
        }
        if (listener != null) {
            listener.progress(episodesDone, config.episodes(), wallSeconds(), runningRegret);
        }
    }

    /** Sums over the episodes and updates of one log row. */
    private static final class Window {
        long episodes;
        long updates;
        double rewardSum;
        double regretSum;
        double policyLoss;
        double valueLoss;
        double entropyPerTrial;

        void add(int n, double reward, double regret, Window losses) {
            episodes += n;
            rewardSum += reward;
            regretSum += regret;
            updates += losses.updates;
            policyLoss += losses.policyLoss;
            valueLoss += losses.valueLoss;
            entropyPerTrial += losses.entropyPerTrial;
        }

        void clear() {
            episodes = 0;
            updates = 0;
            rewardSum = 0;
            regretSum = 0;
            policyLoss = 0;
            valueLoss = 0;
            entropyPerTrial = 0;
        }
    }

    /** One A3C worker: its own network copy, its own batch of tasks. */
    private final class Worker {
        private final LstmActorCritic net = new LstmActorCritic(spec);
        private final float[] params = new float[spec.parameterCount()];
        private final double[] gradient = new double[spec.parameterCount()];
        private long actNanos;    // time in acting: encoding, forward steps, sampling, stepping the bandits
        private long learnNanos;  // time in learning: returns, backward pass, parameter server, refresh

        Worker() {
            System.arraycopy(server.parameters(), 0, params, 0, params.length);
            net.setParameters(params);
        }

        void runUntil(long end) {
            // refresh from the global parameters (another segment or worker may have moved them)
            System.arraycopy(server.parameters(), 0, params, 0, params.length);
            net.setParameters(params);
            long[] claim;
            while ((claim = claim(end)) != null) {
                try {
                    playAndLearn(claim[0], (int) claim[1]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private void playAndLearn(long first, int n) throws IOException {
            int trials = config.trials();
            int arms = spec.arms();
            int in = spec.inputSize();
            var bandits = new Bandit[n];
            var actionRng = new SplittableRandom[n];
            for (int b = 0; b < n; b++) {
                bandits[b] = trainingTask(first + b);
                actionRng[b] = Seeds.rng(config.seed(), "train-action", first + b);
            }
            var env = new TaskBatch(spec, bandits);
            var inputs = new float[n * trials * in];
            var actions = new int[n * trials];
            var rewards = new float[n * trials];
            var values = new float[n * trials];
            var advantages = new float[n * trials];
            var returns = new float[n * trials];
            var act = new int[n];
            var r = new float[n];
            var regret = new double[n];
            double rewardSum = 0;
            double regretSum = 0;
            var losses = new Window();
            double betaE = config.betaE(first);
            var state = net.zeroState(n);
            int rolloutStart = 0;
            long clock = System.nanoTime();
            for (int t = 0; t < trials; t++) {
                var x = env.observe();
                for (int b = 0; b < n; b++) {
                    System.arraycopy(x, b * in, inputs, (b * trials + t) * in, in);
                }
                var step = net.step(x, state);
                var probs = step.probabilities();
                for (int b = 0; b < n; b++) {
                    act[b] = MetaRlAgent.sample(probs, b * arms, arms, actionRng[b]);
                    actions[b * trials + t] = act[b];
                    values[b * trials + t] = step.values()[b];
                }
                env.step(act, r, regret);
                for (int b = 0; b < n; b++) {
                    rewards[b * trials + t] = r[b];
                    rewardSum += r[b];
                    regretSum += regret[b];
                }
                state = step.state();
                boolean episodeEnd = t + 1 == trials;
                if (t + 1 - rolloutStart == config.rollout() || episodeEnd) {
                    long now = System.nanoTime();
                    actNanos += now - clock;
                    clock = now;
                    var bootstrap = episodeEnd ? new float[n] : net.step(env.observe(), state).values();
                    advantages(rolloutStart, t + 1, trials, n, rewards, values, bootstrap, advantages, returns);
                    var rollout = rollout(n, rolloutStart, t + 1, trials, inputs, actions, advantages, returns);
                    var l = net.gradient(rollout, config.betaV(), betaE, gradient);
                    server.apply(gradient, config.learningRate(), params);
                    net.setParameters(params);
                    losses.updates++;
                    losses.policyLoss += l.policyLoss();
                    losses.valueLoss += l.valueLoss();
                    losses.entropyPerTrial += l.entropy() / (t + 1 - rolloutStart);
                    rolloutStart = t + 1;
                    now = System.nanoTime();
                    learnNanos += now - clock;
                    clock = now;
                }
            }
            finishedBatch(n, rewardSum, regretSum, losses);
        }
    }

    /**
     * Generalised advantage estimation over trials [from, to) of each episode, bootstrapped with the value of
     * the state after the rollout (0 at the episode's end). With lambda = 1 the returns are the n-step
     * discounted returns and the advantages are returns minus values.
     */
    void advantages(int from, int to, int stride, int n, float[] rewards, float[] values, float[] bootstrap,
            float[] advantages, float[] returns) {
        double gamma = config.gamma();
        double lambda = config.gaeLambda();
        for (int b = 0; b < n; b++) {
            double next = bootstrap[b];
            double gae = 0;
            for (int t = to - 1; t >= from; t--) {
                int i = b * stride + t;
                double delta = rewards[i] + gamma * next - values[i];
                gae = delta + gamma * lambda * gae;
                advantages[i] = (float) gae;
                returns[i] = (float) (gae + values[i]);
                next = values[i];
            }
        }
    }

    /** The episodes' trials [0, to) with the rollout's trials [from, to) unmasked. */
    private static Rollout rollout(int n, int from, int to, int stride, float[] inputs, int[] actions,
            float[] advantages, float[] returns) {
        int in = inputs.length / (n * stride);
        if (from == 0 && to == stride) {
            return Rollout.whole(n, stride, inputs, actions, advantages, returns);
        }
        var x = new float[n * to * in];
        var a = new int[n * to];
        var adv = new float[n * to];
        var ret = new float[n * to];
        var mask = new float[n * to];
        for (int b = 0; b < n; b++) {
            System.arraycopy(inputs, b * stride * in, x, b * to * in, to * in);
            System.arraycopy(actions, b * stride, a, b * to, to);
            System.arraycopy(advantages, b * stride, adv, b * to, to);
            System.arraycopy(returns, b * stride, ret, b * to, to);
            for (int t = from; t < to; t++) {
                mask[b * to + t] = 1f;
            }
        }
        return new Rollout(n, to, x, a, adv, ret, mask);
    }

    static void writeAtomically(Path file, String text) throws IOException {
        var tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

}
