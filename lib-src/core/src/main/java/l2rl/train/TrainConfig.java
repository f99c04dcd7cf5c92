package l2rl.train;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

import l2rl.agent.ActorCritic;
import l2rl.agent.AgentSpec;
import l2rl.env.Tasks;

/**
 * Every hyperparameter of a training run, with its default. A {@code key = value} properties file overrides
 * any of them; unknown keys and out-of-range values are refused with a message naming the key and the range.
 * The run directory keeps the config actually used ({@code config.properties}).
 *
 * <p>The defaults were chosen by measurement with the fused engine and the original A3C update (short rollouts),
 * each run 20,000 episodes (the paper's budget), 2 workers, scored on 1,000 held-out episodes of an evaluation
 * seed (7) that the shipped agents' reports do not use, as a multiple of the exact Bayes-optimal regret on the same
 * episodes (i = independent, u = dependent-uniform, e/m/h = easy/medium/hard; s2 = seed 2). One run per cell
 * unless said: A3C is not deterministic with 2 workers and seeds move results by ~0.3x, so only large
 * differences are read as effects. The full list: data/agents/README.md.
 *
 * @param task              task family id (see {@link Tasks#ids()}); default the independent-arms bandit
 * @param engine            fused | samediff: the network's engine (see {@link ActorCritic}). fused, plain Java
 *                          with nothing native, is the default: flat memory and ~10x the samediff engine's
 *                          throughput (`./l2rl bench`); samediff is the DL4J reference and needs rollout = trials
 * @param hidden            LSTM units; the paper's 48
 * @param gamma             discount of the returns; 0.8. Measured (with beta_e ending at 0): h 1.25x at 0.8, 4.5x
 *                          (at chance) at 0.95; u 1.12-1.14x at 0.8, 1.36x at 0.95; i 1.79x at 0.8, 1.92x at
 *                          0.9, 1.62x at 0.95, 5.3x at 0.99; with the entropy floor, i 1.34-1.35x at 0.75,
 *                          1.30-1.42x at 0.85, 1.30-1.44x at 0.9 (also in 60,000 episodes), 1.45x at 0.95 in
 *                          60,000. The discount also bounds what is learnable: Gittins indices at the discount
 *                          (the optimal policy for the discounted return) are 1.14-1.27x Bayes-optimal on i at
 *                          0.8, 1.07-1.14x at 0.9 (`./l2rl baselines --gittins-discount`), and the agents' distance
 *                          to that bound grows with the discount about as fast as the bound falls
 * @param gaeLambda         GAE lambda; 1.0 = plain n-step returns bootstrapped at the rollout end (A3C). 0.9
 *                          was worse (i 2.14x vs 1.62x at gamma 0.95)
 * @param learningRate      Adam's step size at the start, decayed linearly to learningRateEnd; 0.004. Measured
 *                          at gamma 0.95: i 1.62x at 0.004, 2.31x at 0.002; u 1.36x vs 1.27x
 * @param learningRateEnd   step size reached linearly at the end of training (A3C anneals it to 0)
 * @param optimizer         adam | rmsprop (A3C's shared RMSProp convention); Adam: RMSProp was worse in every
 *                          matched pair measured before (LEARNING-NOTES), and again with the fused engine (lr
 *                          0.001, sampled): i 1.42-1.81x (1.50-1.52x at lr 0.004), u 1.24x, h 1.39-1.55x
 * @param rmspropDecay      RMSProp's moving-average decay; 0.99 as in A3C
 * @param epsilon           the optimizer's denominator guard
 * @param clipNorm          global L2 norm the gradient is clipped to (0 = no clipping); 40 as in A3C
 *                          reimplementations (gradient norms here are ~0.1-15, so it only guards against blow-ups)
 * @param betaV             value loss weight; the paper's 0.05
 * @param betaEStart        entropy weight at the start of training; the paper's 1
 * @param betaEEnd          entropy weight at the end of the annealing: 0.05, a floor, where the paper anneals to
 *                          0. With 0 the policy's entropy collapses to ~0.001 nats per trial soon after the anneal
 *                          and a run can stay there for good: h seed 2 stayed at chance (4.5x) while seed 1
 *                          learned (1.25x). A floor keeps the policy stochastic, so learning goes on, and the
 *                          frozen agent keeps some of Thompson sampling's randomness. Measured (seeds 1 / 2 / 3),
 *                          floor 0.05: i 1.19 / 1.24x, u 1.20x, e 1.02x, h 1.29 / 1.40x (the shipped agents, seeds
 *                          1-3 on another evaluation seed: i 1.25-1.43x, u 1.22-1.33x, e 1.02-1.05x, m 1.01-1.05x,
 *                          h 1.28-1.38x, data/agents/README.md);
 *                          0.03: i 1.37 / 1.26x, u 1.15x, h 1.21 / 1.25x; 0.02: i 1.53x (Thompson's level),
 *                          u 1.13x, h 1.11 / 1.08 / 1.29x; 0.05 annealed to 0 at the end: i 1.47 / 1.69x, h 1.14
 *                          / 1.54x. No single floor meets every family's target: independent arms need the
 *                          exploration (below Thompson only from ~0.03 up), hard arms pay for it. 0.05 keeps the
 *                          paper's 3.1.1 ranking for every seed; the dependent families stay far below Thompson
 * @param betaEAnnealFraction fraction of the training episodes over which beta_e goes linearly from start to end;
 *                          0.1. An entropy weight near 1 holds the policy at chance; longer anneals were no better:
 *                          i 1.84x over 30% and 2.03x over the whole run vs 1.62x over 10% (gamma 0.95); h s2
 *                          3.2x over 50%
 * @param betaEFinal        entropy weight reached linearly at the end of training, from betaEEnd; 0.05 (= betaEEnd,
 *                          a flat floor): decaying the floor to 0 over training hurt independent arms (above)
 * @param episodes          training episodes (each a new task in meta mode); the paper's 20,000
 * @param trials            trials per episode T; the paper's 100
 * @param workers           A3C worker threads (1 = A2C); 2, one per core of the reference machine
 * @param batch             episodes each worker plays side by side (a batch of independent tasks) per update;
 *                          8: i 1.62x vs 2.44x at batch 4 (gamma 0.95); h 1.25x vs 1.55x at batch 4 (lr 0.003)
 *                          and 2.5x at batch 16 (lr 0.006); u 1.12x vs 1.20x at batch 16
 * @param rollout           trials per update (t_max): 5, the original A3C code's. The LSTM state carries from one
 *                          rollout to the next of an episode and backpropagation stays inside the rollout.
 *                          i 1.62x at 5, 1.75x at 10, 2.26x at 20 (1.71x at 20 with batch 4); whole-episode
 *                          updates at batch 1 with lr 0.001 and beta_e annealed over the whole run (the setting
 *                          of a PyTorch A2C measured before) 1.79x and 1.86x (two runs)
 * @param seed              root seed; tasks, actions and initial weights are streams split off it
 * @param rewardInput       false withholds the reward input (always 0): the paper's control
 * @param meta              true draws a new task per episode; false trains on one fixed task
 * @param checkpointEvery   episodes between periodic checkpoints (0 = final checkpoint only)
 * @param keepCheckpoints   how many of the newest checkpoints to keep
 * @param logEvery          episodes per row of the training log
 * @param actions           how the trained (frozen) agent picks its arm: sample (from its policy, as in training
 *                          and the paper), greedy (its most probable arm), or validated (default): whichever of the
 *                          two has the lower regret on {@value ActionValidation#EPISODES} validation episodes of
 *                          the training task, drawn from a stream of the run's seed that neither training nor
 *                          evaluation uses. Measured on the shipped agents (1,000 held-out episodes, seed
 *                          20161117, x Bayes-optimal, seeds 1/2/3): greedy u 1.07/1.04/1.06 (sampled
 *                          1.33/1.22/1.33), h 1.10/1.03/1.12 (sampled 1.38/1.28/1.35), e/m 0.99-1.03 (sampled
 *                          1.01-1.05); i 1.88/1.28/1.68 (sampled 1.43/1.25/1.42). The entropy floor that independent
 *                          arms need keeps the policy sampling a wrong arm now and then; where the posterior-greedy
 *                          arm is Bayes-optimal (the dependent families) the most probable arm does not pay that
 *                          price, while on independent arms the sampled policy explores better: validation picks
 *                          greedy for the first and sampling for the second, with no rule written per family
 */
public record TrainConfig(
        String task,
        ActorCritic.Engine engine,
        int hidden,
        double gamma,
        double gaeLambda,
        double learningRate,
        double learningRateEnd,
        Optimizer.Kind optimizer,
        double rmspropDecay,
        double epsilon,
        double clipNorm,
        double betaV,
        double betaEStart,
        double betaEEnd,
        double betaEAnnealFraction,
        double betaEFinal,
        int episodes,
        int trials,
        int workers,
        int batch,
        int rollout,
        long seed,
        boolean rewardInput,
        boolean meta,
        int checkpointEvery,
        int keepCheckpoints,
        int logEvery,
        ActionChoice actions) {

    /** The config key {@code actions}: a fixed rule, or the rule chosen on validation episodes. */
    public enum ActionChoice {
        VALIDATED, SAMPLE, GREEDY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The defaults, in file order (also the order of config.properties). */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("task", Tasks.INDEPENDENT);
        DEFAULTS.put("engine", "fused");
        DEFAULTS.put("hidden", "48");
        DEFAULTS.put("gamma", "0.8");
        DEFAULTS.put("gaeLambda", "1.0");
        DEFAULTS.put("learningRate", "0.004");
        DEFAULTS.put("learningRateEnd", "0.0");
        DEFAULTS.put("optimizer", "adam");
        DEFAULTS.put("rmspropDecay", "0.99");
        DEFAULTS.put("epsilon", "1.0E-6");
        DEFAULTS.put("clipNorm", "40.0");
        DEFAULTS.put("betaV", "0.05");
        DEFAULTS.put("betaEStart", "1.0");
        DEFAULTS.put("betaEEnd", "0.05");
        DEFAULTS.put("betaEAnnealFraction", "0.1");
        DEFAULTS.put("betaEFinal", "0.05");
        DEFAULTS.put("episodes", "20000");
        DEFAULTS.put("trials", "100");
        DEFAULTS.put("workers", "2");
        DEFAULTS.put("batch", "8");
        DEFAULTS.put("rollout", "5");
        DEFAULTS.put("seed", "1");
        DEFAULTS.put("rewardInput", "true");
        DEFAULTS.put("meta", "true");
        DEFAULTS.put("checkpointEvery", "5000");
        DEFAULTS.put("keepCheckpoints", "2");
        DEFAULTS.put("logEvery", "400");
        DEFAULTS.put("actions", "validated");
    }

    public TrainConfig {
        try {
            Tasks.family(task);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config key 'task': " + e.getMessage());
        }
        check("hidden", hidden, 1, 4096);
        check("gamma", gamma, 0, 1);
        check("gaeLambda", gaeLambda, 0, 1);
        checkPositive("learningRate", learningRate, 1);
        check("learningRateEnd", learningRateEnd, 0, 1);
        check("rmspropDecay", rmspropDecay, 0, 0.999999);
        checkPositive("epsilon", epsilon, 1);
        check("clipNorm", clipNorm, 0, 1e9);
        check("betaV", betaV, 0, 1e3);
        check("betaEStart", betaEStart, 0, 1e3);
        check("betaEEnd", betaEEnd, 0, 1e3);
        checkPositive("betaEAnnealFraction", betaEAnnealFraction, 1);
        check("betaEFinal", betaEFinal, 0, 1e3);
        check("episodes", episodes, 1, 1_000_000_000);
        check("trials", trials, 1, 100_000);
        check("workers", workers, 1, 64);
        check("batch", batch, 1, 4096);
        check("rollout", rollout, 1, trials);
        if (engine == ActorCritic.Engine.SAMEDIFF && rollout != trials) {
            // ActorCriticEnginesTest shows it: libnd4j's LSTM backward pass is wrong from a non-zero start state
            throw new ConfigException("config key 'engine': samediff needs rollout = trials (" + trials + "), got "
                    + rollout + "; DL4J 1.0.0-M2.1's LSTM gradient is wrong from a carried state; use engine = fused");
        }
        check("checkpointEvery", checkpointEvery, 0, 1_000_000_000);
        check("keepCheckpoints", keepCheckpoints, 1, 1000);
        check("logEvery", logEvery, 1, 1_000_000_000);
    }

    public static TrainConfig defaults() {
        return fromMap(Map.of());
    }

    /** The defaults overridden by {@code overrides} (key -> value text). */
    public static TrainConfig fromMap(Map<String, String> overrides) {
        var unknown = new TreeSet<>(overrides.keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown config key '" + unknown.first() + "'; known keys: "
                    + String.join(", ", DEFAULTS.keySet()));
        }
        var v = new LinkedHashMap<>(DEFAULTS);
        overrides.forEach((k, x) -> v.put(k, x.trim()));
        return new TrainConfig(v.get("task"), engine(v.get("engine")), integer(v, "hidden"), real(v, "gamma"), real(v, "gaeLambda"),
                real(v, "learningRate"), real(v, "learningRateEnd"), optimizer(v.get("optimizer")), real(v, "rmspropDecay"),
                real(v, "epsilon"), real(v, "clipNorm"), real(v, "betaV"), real(v, "betaEStart"),
                real(v, "betaEEnd"), real(v, "betaEAnnealFraction"), real(v, "betaEFinal"), integer(v, "episodes"), integer(v, "trials"),
                integer(v, "workers"), integer(v, "batch"), integer(v, "rollout"), longValue(v, "seed"),
                bool(v, "rewardInput"), bool(v, "meta"), integer(v, "checkpointEvery"),
                integer(v, "keepCheckpoints"), integer(v, "logEvery"), actions(v.get("actions")));
    }

    /** This config overridden by the keys of a properties text. */
    public TrainConfig with(Map<String, String> overrides) {
        var merged = new LinkedHashMap<>(toMap());
        var unknown = new TreeSet<>(overrides.keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown config key '" + unknown.first() + "'; known keys: "
                    + String.join(", ", DEFAULTS.keySet()));
        }
        merged.putAll(overrides);
        return fromMap(merged);
    }

    public TrainConfig with(String key, Object value) {
        return with(Map.of(key, String.valueOf(value)));
    }

    /** Reads a {@code key = value} file (java.util.Properties syntax, # comments). */
    public static Map<String, String> readOverrides(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readOverrides(reader);
        }
    }

    static Map<String, String> readOverrides(Reader reader) throws IOException {
        var p = new Properties();
        p.load(reader);
        var map = new LinkedHashMap<String, String>();
        for (var name : p.stringPropertyNames()) {
            map.put(name, p.getProperty(name));
        }
        return map;
    }

    public static TrainConfig parse(String text) {
        try {
            return fromMap(readOverrides(new StringReader(text)));
        } catch (IOException e) {
            throw new ConfigException("unreadable config: " + e.getMessage());
        }
    }

    /** Every key with its value, in the documented order. */
    public Map<String, String> toMap() {
        var m = new LinkedHashMap<String, String>();
        m.put("task", task);
        m.put("engine", engine.key());
        m.put("hidden", Integer.toString(hidden));
        m.put("gamma", Double.toString(gamma));
        m.put("gaeLambda", Double.toString(gaeLambda));
        m.put("learningRate", Double.toString(learningRate));
        m.put("learningRateEnd", Double.toString(learningRateEnd));
        m.put("optimizer", optimizer.name().toLowerCase(Locale.ROOT));
        m.put("rmspropDecay", Double.toString(rmspropDecay));
        m.put("epsilon", Double.toString(epsilon));
        m.put("clipNorm", Double.toString(clipNorm));
        m.put("betaV", Double.toString(betaV));
        m.put("betaEStart", Double.toString(betaEStart));
        m.put("betaEEnd", Double.toString(betaEEnd));
        m.put("betaEAnnealFraction", Double.toString(betaEAnnealFraction));
        m.put("betaEFinal", Double.toString(betaEFinal));
        m.put("episodes", Integer.toString(episodes));
        m.put("trials", Integer.toString(trials));
        m.put("workers", Integer.toString(workers));
        m.put("batch", Integer.toString(batch));
        m.put("rollout", Integer.toString(rollout));
        m.put("seed", Long.toString(seed));
        m.put("rewardInput", Boolean.toString(rewardInput));
        m.put("meta", Boolean.toString(meta));
        m.put("checkpointEvery", Integer.toString(checkpointEvery));
        m.put("keepCheckpoints", Integer.toString(keepCheckpoints));
        m.put("logEvery", Integer.toString(logEvery));
        m.put("actions", actions.key());
        return m;
    }

    /** The config as a properties text ({@code key = value} lines). */
    public String toProperties() {
        var sb = new StringBuilder("# l2rl training config (every key; see TrainConfig for meanings and ranges)\n");
        toMap().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }

    public AgentSpec agentSpec() {
        return AgentSpec.of(Tasks.family(task), hidden, trials, rewardInput);
    }

    /**
     * The entropy weight after {@code episodesDone} training episodes: linear from betaEStart to betaEEnd over the
     * first betaEAnnealFraction of training, then linear from betaEEnd to betaEFinal over the rest.
     */
    public double betaE(long episodesDone) {
        double annealEnd = betaEAnnealFraction * episodes;
        if (episodesDone < annealEnd) {
            return betaEStart + (betaEEnd - betaEStart) * episodesDone / annealEnd;
        }
        double rest = episodes - annealEnd;
        double progress = rest > 0 ? Math.min(1.0, (episodesDone - annealEnd) / rest) : 1.0;
        return betaEEnd + (betaEFinal - betaEEnd) * progress;
    }

    /** The learning rate after {@code episodesDone} episodes: linear from learningRate to learningRateEnd. */
    public double learningRate(long episodesDone) {
        double progress = Math.min(1.0, (double) episodesDone / episodes);
        return learningRate + (learningRateEnd - learningRate) * progress;
    }

    private static int integer(Map<String, String> v, String key) {
        try {
            return Integer.parseInt(v.get(key));
        } catch (NumberFormatException e) {
            throw new ConfigException("config key '" + key + "' needs an integer, got '" + v.get(key) + "'");
        }
    }

    private static long longValue(Map<String, String> v, String key) {
        try {
            return Long.parseLong(v.get(key));
        } catch (NumberFormatException e) {
            throw new ConfigException("config key '" + key + "' needs an integer, got '" + v.get(key) + "'");
        }
    }

    private static double real(Map<String, String> v, String key) {
        try {
            double d = Double.parseDouble(v.get(key));
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException("config key '" + key + "' needs a finite number, got '" + v.get(key) + "'");
        }
    }

    private static boolean bool(Map<String, String> v, String key) {
        var s = v.get(key).toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new ConfigException("config key '" + key + "' must be true or false, got '" + v.get(key) + "'");
        }
        return Boolean.parseBoolean(s);
    }

    private static ActorCritic.Engine engine(String s) {
        try {
            return ActorCritic.Engine.of(s);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config key 'engine' must be fused or samediff, got '" + s + "'");
        }
    }

    private static ActionChoice actions(String s) {
        for (var choice : ActionChoice.values()) {
            if (choice.key().equals(s)) {
                return choice;
            }
        }
        throw new ConfigException("config key 'actions' must be validated, sample or greedy, got '" + s + "'");
    }

    private static Optimizer.Kind optimizer(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "adam" -> Optimizer.Kind.ADAM;
            case "rmsprop" -> Optimizer.Kind.RMSPROP;
            default -> throw new ConfigException("config key 'optimizer' must be adam or rmsprop, got '" + s + "'");
        };
    }

    private static void check(String key, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException("config key '" + key + "' must be in [" + fmt(min) + ", " + fmt(max)
                    + "], got " + fmt(value));
        }
    }

    private static void checkPositive(String key, double value, double max) {
        if (!(value > 0 && value <= max)) {
            throw new ConfigException("config key '" + key + "' must be in (0, " + fmt(max) + "], got " + fmt(value));
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
