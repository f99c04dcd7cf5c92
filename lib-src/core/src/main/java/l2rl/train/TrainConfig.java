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

import l2rl.agent.AgentSpec;
import l2rl.env.Tasks;

/**
 * Every hyperparameter of a training run, with its default. A {@code key = value} properties file overrides
 * any of them; unknown keys and out-of-range values are refused with a message naming the key and the range.
 * The run directory keeps the config actually used ({@code config.properties}).
 *
 * @param task              task family id (see {@link Tasks#ids()}); default the independent-arms bandit
 * @param hidden            LSTM units; the paper's 48
 * @param gamma             discount of the returns; 0.9. Public reimplementations use 0.8-0.9 (the paper sampled it).
 *                          A bandit's actions change later rewards only through what they reveal, so returns
 *                          mainly serve as the value of information; 0.9 looks ~10 trials ahead, enough for
 *                          exploration to pay on T = 100 while keeping the variance of the returns moderate
 * @param gaeLambda         GAE lambda; 1.0 = plain n-step returns bootstrapped at the rollout end (A3C)
 * @param learningRate      optimizer step size
 * @param optimizer         adam | rmsprop (A3C's shared RMSProp convention)
 * @param rmspropDecay      RMSProp's moving-average decay; 0.99 as in A3C
 * @param epsilon           the optimizer's denominator guard
 * @param clipNorm          global L2 norm the gradient is clipped to (0 = no clipping); 40 as in A3C reimplementations
 * @param betaV             value loss weight; the paper's 0.05
 * @param betaEStart        entropy weight at the start of training; the paper's 1
 * @param betaEEnd          entropy weight at the end of the annealing; the paper's 0
 * @param betaEAnnealFraction fraction of the training episodes over which beta_e goes linearly from start to end
 * @param episodes          training episodes (each a new task in meta mode); the paper's 20,000
 * @param trials            trials per episode T; the paper's 100
 * @param workers           A3C worker threads (1 = A2C)
 * @param batch             episodes each worker plays side by side (a batch of independent tasks) per update
 * @param rollout           trials per update (T = the whole episode, the default)
 * @param seed              root seed; tasks, actions and initial weights are streams split off it
 * @param rewardInput       false withholds the reward input (always 0): the paper's control
 * @param meta              true draws a new task per episode; false trains on one fixed task
 * @param checkpointEvery   episodes between periodic checkpoints (0 = final checkpoint only)
 * @param keepCheckpoints   how many of the newest checkpoints to keep
 * @param logEvery          episodes per row of the training log
 */
public record TrainConfig(
        String task,
        int hidden,
        double gamma,
        double gaeLambda,
        double learningRate,
        Optimizer.Kind optimizer,
        double rmspropDecay,
        double epsilon,
        double clipNorm,
        double betaV,
        double betaEStart,
        double betaEEnd,
        double betaEAnnealFraction,
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
        int logEvery) {

    /** The defaults, in file order (also the order of config.properties). */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("task", Tasks.INDEPENDENT);
        DEFAULTS.put("hidden", "48");
        DEFAULTS.put("gamma", "0.9");
        DEFAULTS.put("gaeLambda", "1.0");
        DEFAULTS.put("learningRate", "0.001");
        DEFAULTS.put("optimizer", "adam");
        DEFAULTS.put("rmspropDecay", "0.99");
        DEFAULTS.put("epsilon", "1.0E-6");
        DEFAULTS.put("clipNorm", "40.0");
        DEFAULTS.put("betaV", "0.05");
        DEFAULTS.put("betaEStart", "1.0");
        DEFAULTS.put("betaEEnd", "0.0");
        DEFAULTS.put("betaEAnnealFraction", "1.0");
        DEFAULTS.put("episodes", "20000");
        DEFAULTS.put("trials", "100");
        DEFAULTS.put("workers", "2");
        DEFAULTS.put("batch", "16");
        DEFAULTS.put("rollout", "100");
        DEFAULTS.put("seed", "1");
        DEFAULTS.put("rewardInput", "true");
        DEFAULTS.put("meta", "true");
        DEFAULTS.put("checkpointEvery", "5000");
        DEFAULTS.put("keepCheckpoints", "2");
        DEFAULTS.put("logEvery", "400");
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
        check("rmspropDecay", rmspropDecay, 0, 0.999999);
        checkPositive("epsilon", epsilon, 1);
        check("clipNorm", clipNorm, 0, 1e9);
        check("betaV", betaV, 0, 1e3);
        check("betaEStart", betaEStart, 0, 1e3);
        check("betaEEnd", betaEEnd, 0, 1e3);
        checkPositive("betaEAnnealFraction", betaEAnnealFraction, 1);
        check("episodes", episodes, 1, 1_000_000_000);
        check("trials", trials, 1, 100_000);
        check("workers", workers, 1, 64);
        check("batch", batch, 1, 4096);
        check("rollout", rollout, 1, trials);
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
        return new TrainConfig(v.get("task"), integer(v, "hidden"), real(v, "gamma"), real(v, "gaeLambda"),
                real(v, "learningRate"), optimizer(v.get("optimizer")), real(v, "rmspropDecay"),
                real(v, "epsilon"), real(v, "clipNorm"), real(v, "betaV"), real(v, "betaEStart"),
                real(v, "betaEEnd"), real(v, "betaEAnnealFraction"), integer(v, "episodes"), integer(v, "trials"),
                integer(v, "workers"), integer(v, "batch"), integer(v, "rollout"), longValue(v, "seed"),
                bool(v, "rewardInput"), bool(v, "meta"), integer(v, "checkpointEvery"),
                integer(v, "keepCheckpoints"), integer(v, "logEvery"));
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
        m.put("hidden", Integer.toString(hidden));
        m.put("gamma", Double.toString(gamma));
        m.put("gaeLambda", Double.toString(gaeLambda));
        m.put("learningRate", Double.toString(learningRate));
        m.put("optimizer", optimizer.name().toLowerCase(Locale.ROOT));
        m.put("rmspropDecay", Double.toString(rmspropDecay));
        m.put("epsilon", Double.toString(epsilon));
        m.put("clipNorm", Double.toString(clipNorm));
        m.put("betaV", Double.toString(betaV));
        m.put("betaEStart", Double.toString(betaEStart));
        m.put("betaEEnd", Double.toString(betaEEnd));
        m.put("betaEAnnealFraction", Double.toString(betaEAnnealFraction));
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
        return m;
    }

    /** The config as a properties text ({@code key = value} lines). */
    public String toProperties() {
        var sb = new StringBuilder("# l2rl training config (every key; see TrainConfig for meanings and ranges)\n");
        toMap().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }

    public AgentSpec agentSpec() {
        return new AgentSpec(Tasks.family(task).arms(), hidden, trials, rewardInput);
    }

    /** The entropy weight after {@code episodesDone} training episodes: linear from start to end, then flat. */
    public double betaE(long episodesDone) {
        double progress = Math.min(1.0, episodesDone / (betaEAnnealFraction * episodes));
        return betaEStart + (betaEEnd - betaEStart) * progress;
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
