package l2rl.train;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Function;

import l2rl.agent.ActorCritic;
import l2rl.agent.AgentSpec;
import l2rl.agent.Cell;
import l2rl.env.Tasks;

/**
 * Every hyperparameter of a training run, as one table of keys: each key is written once below with its name in
 * config files, its default, the values it takes and what it means. The checks, {@link #toMap}, {@link #fromMap},
 * the errors, the command line's ranges and the keys' help ({@link #describeKeys}) are all read off that table.
 *
 * <p>A {@code key = value} properties file overrides any default; unknown keys and out-of-range values are refused
 * with a message naming the key and what it takes. The run directory keeps the config actually used
 * ({@code config.properties}, every key in table order), and so does each checkpoint. Values are read through
 * typed accessors ({@code config.gamma()}) and changed through {@link #with}: there is no constructor to call.
 *
 * <p>Why each default is what it is (the runs measured to choose it): data/agents/README.md, "Why the defaults
 * are what they are".
 */
public final class TrainConfig {

    /** The config key {@code actions}: a fixed rule, or the rule chosen on validation episodes. */
    public enum ActionChoice {
        VALIDATED, SAMPLE, GREEDY;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Every key, in the order declared below: the order of config files. Each declaration adds its key. */
    private static final List<Key<?>> TABLE = new ArrayList<>();

    // The table. key(name in config files, default, values it takes, what it means)

    public static final Key<String> TASK = key("task", Tasks.INDEPENDENT, taskId(),
            "task family id (`l2rl tasks`); the independent-arms bandit by default");
    public static final Key<ActorCritic.Engine> ENGINE = key("engine", ActorCritic.Engine.FUSED,
            choice(ActorCritic.Engine.values()),
            "the network's engine: fused (float, batch-shaped, the default), fused-double (its double-precision"
                    + " reference) or samediff (the DL4J reference; needs rollout = trials)");
    public static final Key<Cell> CELL = key("cell", Cell.LSTM, choice(Cell.values()),
            "the recurrent cell: lstm (the paper's) or gru (PyTorch's equations; fused engines only)");
    public static final Key<Integer> HIDDEN = key("hidden", 48, integer(1, 4096),
            "recurrent units (the paper's LSTM has 48; a GRU of 56 has about as many parameters)");
    public static final Key<Double> GAMMA = key("gamma", 0.8, real(0, 1),
            "discount of the returns");
    public static final Key<Double> GAE_LAMBDA = key("gaeLambda", 1.0, real(0, 1),
            "GAE lambda; 1 = plain n-step returns bootstrapped at the rollout end (A3C)");
    public static final Key<Double> LEARNING_RATE = key("learningRate", 0.004, positive(1),
            "the optimizer's step size at the start, decayed linearly to learningRateEnd");
    public static final Key<Double> LEARNING_RATE_END = key("learningRateEnd", 0.0, real(0, 1),
            "step size reached linearly at the end of training (A3C anneals it to 0)");
    public static final Key<Optimizer.Kind> OPTIMIZER = key("optimizer", Optimizer.Kind.ADAM,
            choice(Optimizer.Kind.values()),
            "adam, or rmsprop (A3C's shared RMSProp convention)");
    public static final Key<Double> RMSPROP_DECAY = key("rmspropDecay", 0.99, real(0, 0.999999),
            "RMSProp's moving-average decay (A3C's 0.99)");
    public static final Key<Double> EPSILON = key("epsilon", 1e-6, positive(1),
            "the optimizer's denominator guard");
    public static final Key<Double> CLIP_NORM = key("clipNorm", 40.0, real(0, 1e9),
            "global L2 norm the gradient is clipped to (0 = no clipping)");
    public static final Key<Double> BETA_V = key("betaV", 0.05, real(0, 1e3),
            "value loss weight beta_v (the paper's 0.05)");
    public static final Key<Double> BETA_E_START = key("betaEStart", 1.0, real(0, 1e3),
            "entropy weight beta_e at the start of training (the paper's 1)");
    public static final Key<Double> BETA_E_END = key("betaEEnd", 0.05, real(0, 1e3),
            "entropy weight at the end of the anneal: a floor (the paper anneals to 0)");
    public static final Key<Double> BETA_E_ANNEAL_FRACTION = key("betaEAnnealFraction", 0.1, positive(1),
            "fraction of the training episodes over which beta_e goes linearly from betaEStart to betaEEnd");
    public static final Key<Double> BETA_E_FINAL = key("betaEFinal", 0.05, real(0, 1e3),
            "entropy weight reached linearly at the end of training, from betaEEnd (equal: a flat floor)");
    public static final Key<Integer> EPISODES = key("episodes", 20_000, integer(1, 1_000_000_000),
            "training episodes, each a new task in meta mode (the paper's 20,000)");
    public static final Key<Integer> TRIALS = key("trials", 100, integer(1, 100_000),
            "trials per episode T (the paper's 100)");
    public static final Key<Integer> WORKERS = key("workers", 2, integer(1, 64),
            "A3C worker threads (1 = A2C)");
    public static final Key<Integer> BATCH = key("batch", 8, integer(1, 4096),
            "episodes each worker plays side by side (a batch of independent tasks) per update");
    public static final Key<Integer> ROLLOUT = key("rollout", 5, integerUpTo(TRIALS),
            "trials per update t_max, at most trials; the LSTM state carries over, backpropagation stays inside");
    public static final Key<Long> SEED = key("seed", 1L, longInteger(),
            "root seed; tasks, actions and initial weights are streams split off it");
    public static final Key<Boolean> REWARD_INPUT = key("rewardInput", true, flag(),
            "false withholds the reward input (always 0): the paper's control");
    public static final Key<Boolean> META = key("meta", true, flag(),
            "true draws a new task per episode; false trains on one fixed task");
    public static final Key<Integer> CHECKPOINT_EVERY = key("checkpointEvery", 5000, integer(0, 1_000_000_000),
            "episodes between periodic checkpoints (0 = final checkpoint only)");
    public static final Key<Integer> KEEP_CHECKPOINTS = key("keepCheckpoints", 2, integer(1, 1000),
            "how many of the newest checkpoints to keep");
    public static final Key<Integer> LOG_EVERY = key("logEvery", 400, integer(1, 1_000_000_000),
            "episodes per row of the training log");
    public static final Key<ActionChoice> ACTIONS = key("actions", ActionChoice.VALIDATED,
            choice(ActionChoice.values()),
            "how the frozen agent picks its arm: sample, greedy, or validated (whichever of the two has the lower "
                    + "regret on " + ActionValidation.EPISODES + " validation episodes)");

    /** The value of every key, in table order. */
    private final Map<Key<?>, Object> byKey;

    /** Checks every value against what its key allows, in table order, then the rules that tie two keys. */
    private TrainConfig(Map<Key<?>, Object> values) {
        this.byKey = Collections.unmodifiableMap(values);
        TABLE.forEach(this::check);
        checkTogether();
    }

    private <T> void check(Key<T> key) {
        var refusal = key.values().refusal().apply(get(key));
        if (refusal != null) {
            throw new ConfigException("config key '" + key.name() + "'" + refusal);
        }
    }

    /** The checks that involve two keys. */
    private void checkTogether() {
        if (rollout() < 1 || rollout() > trials()) {
            throw new ConfigException("config key 'rollout' must be in [1, " + trials() + "], got " + rollout());
        }
        if (!engine().supports(cell())) {
            throw new ConfigException("config keys 'engine' and 'cell': engine = " + engine().key() + " has no cell = "
                    + cell().key() + " (libnd4j's GRU op has a wrong gradient, see the README); use engine = fused");
        }
        if (engine() == ActorCritic.Engine.SAMEDIFF && rollout() != trials()) {
            // ActorCriticEnginesTest shows it: libnd4j's LSTM backward pass is wrong from a non-zero start state
            throw new ConfigException("config key 'engine': samediff needs rollout = trials (" + trials() + "), got "
                    + rollout() + "; DL4J 1.0.0-M2.1's LSTM gradient is wrong from a carried state; use engine = fused");
        }
    }

    // Reading and writing configs

    public static TrainConfig defaults() {
        return fromMap(Map.of());
    }

    /**
     * The defaults for training on task {@code id}: the table's, then the training defaults the task's family
     * declares ({@link l2rl.env.TaskFamily#trainingDefaults()}, e.g. the eleven-armed task's 5 trials), which the
     * user's config file and flags override in turn. A family's trials below the table's rollout bring the rollout
     * down with them, as {@code -n} does.
     */
    public static TrainConfig forTask(String id) {
        var declared = new LinkedHashMap<>(Tasks.family(id).trainingDefaults());
        var trials = declared.get(TRIALS.name());
        if (trials != null && !declared.containsKey(ROLLOUT.name())) {
            declared.put(ROLLOUT.name(), ROLLOUT.write(Math.min(defaults().rollout(), TRIALS.read(trials))));
        }
        return defaults().with(TASK, id).withAll(declared, "the training defaults of " + id);
    }

    /** Every key, in table order. */
    public static List<Key<?>> keys() {
        return Collections.unmodifiableList(TABLE);
    }

    /** The defaults overridden by {@code overrides} (key -> value text). */
    public static TrainConfig fromMap(Map<String, String> overrides) {
        var text = new LinkedHashMap<String, String>();
        TABLE.forEach(key -> text.put(key.name(), key.defaultText()));
        return read(text, overrides);
    }

    /** This config overridden by {@code overrides} (key -> value text), all checked together. */
    public TrainConfig with(Map<String, String> overrides) {
        return read(toMap(), overrides);
    }

    /**
     * This config overridden by {@code overrides}, which come from {@code source} (a file, a task family's
     * training defaults): an error names the source. One layer of a config, e.g.
     * {@code TrainConfig.defaults().withAll(familyDefaults, "training defaults of " + id).with(userOverrides)};
     * each layer must make a valid config on its own.
     */
    public TrainConfig withAll(Map<String, String> overrides, String source) {
        try {
            return with(overrides);
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    /** This config with one key set; the value is written as a config file would hold it and checked. */
    public TrainConfig with(String key, Object value) {
        return with(Map.of(key, String.valueOf(value)));
    }

    /** This config with one key set, typed: {@code config.with(TrainConfig.GAMMA, 0.9)}. */
    public <T> TrainConfig with(Key<T> key, T value) {
        return with(Map.of(key.name(), key.write(value)));
    }

    /** The value of {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        return (T) byKey.get(key);
    }

    /** Every key with its value text, in table order. */
    public Map<String, String> toMap() {
        var m = new LinkedHashMap<String, String>();
        TABLE.forEach(key -> m.put(key.name(), key.text(this)));
        return m;
    }

    /** The config as a properties text ({@code key = value} lines). */
    public String toProperties() {
        var sb = new StringBuilder("# l2rl training config (every key; see TrainConfig for meanings and ranges)\n");
        toMap().forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
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

    /**
     * The keys as help, in lines of at most 79 characters: one entry a key, its default and the values it takes,
     * then what it means.
     */
    public static String describeKeys() {
        var sb = new StringBuilder();
        for (var key : TABLE) {
            sb.append("  ").append(key.name()).append(" = ").append(key.defaultText())
                    .append("   (").append(key.values().allowed()).append(")\n");
            var line = new StringBuilder("     ");
            for (var word : key.meaning().split(" ")) {
                if (line.length() + 1 + word.length() > 79) {
                    sb.append(line).append('\n');
                    line = new StringBuilder("     ");
                }
                line.append(' ').append(word);
            }
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** {@code base} (every key) overridden by {@code overrides}: every key read in table order, then checked. */
    private static TrainConfig read(Map<String, String> base, Map<String, String> overrides) {
        var unknown = new TreeSet<>(overrides.keySet());
        TABLE.forEach(key -> unknown.remove(key.name()));
        if (!unknown.isEmpty()) {
            throw unknownKey(unknown.first());
        }
        var text = new LinkedHashMap<>(base);
        text.putAll(overrides);
        var values = new LinkedHashMap<Key<?>, Object>();
        TABLE.forEach(key -> values.put(key, key.read(text.get(key.name()))));
        return new TrainConfig(values);
    }

    private static ConfigException unknownKey(String name) {
        var known = TABLE.stream().map(Key::name).toList();
        return new ConfigException("unknown config key '" + name + "'; known keys: " + String.join(", ", known));
    }

    // The typed accessors, one a key

    public String task() {
        return get(TASK);
    }

    public ActorCritic.Engine engine() {
        return get(ENGINE);
    }

    public Cell cell() {
        return get(CELL);
    }

    public int hidden() {
        return get(HIDDEN);
    }

    public double gamma() {
        return get(GAMMA);
    }

    public double gaeLambda() {
        return get(GAE_LAMBDA);
    }

    public double learningRate() {
        return get(LEARNING_RATE);
    }

    public double learningRateEnd() {
        return get(LEARNING_RATE_END);
    }

    public Optimizer.Kind optimizer() {
        return get(OPTIMIZER);
    }

    public double rmspropDecay() {
        return get(RMSPROP_DECAY);
    }

    public double epsilon() {
        return get(EPSILON);
    }

    public double clipNorm() {
        return get(CLIP_NORM);
    }

    public double betaV() {
        return get(BETA_V);
    }

    public double betaEStart() {
        return get(BETA_E_START);
    }

    public double betaEEnd() {
        return get(BETA_E_END);
    }

    public double betaEAnnealFraction() {
        return get(BETA_E_ANNEAL_FRACTION);
    }

    public double betaEFinal() {
        return get(BETA_E_FINAL);
    }

    public int episodes() {
        return get(EPISODES);
    }

    public int trials() {
        return get(TRIALS);
    }

    public int workers() {
        return get(WORKERS);
    }

    public int batch() {
        return get(BATCH);
    }

    public int rollout() {
        return get(ROLLOUT);
    }

    public long seed() {
        return get(SEED);
    }

    public boolean rewardInput() {
        return get(REWARD_INPUT);
    }

    public boolean meta() {
        return get(META);
    }

    public int checkpointEvery() {
        return get(CHECKPOINT_EVERY);
    }

    public int keepCheckpoints() {
        return get(KEEP_CHECKPOINTS);
    }

    public int logEvery() {
        return get(LOG_EVERY);
    }

    public ActionChoice actions() {
        return get(ACTIONS);
    }

    // What the trainer derives from the config

    public AgentSpec agentSpec() {
        return AgentSpec.of(Tasks.family(task()), hidden(), trials(), rewardInput(), cell());
    }

    /**
     * The entropy weight after {@code episodesDone} training episodes: linear from betaEStart to betaEEnd over the
     * first betaEAnnealFraction of training, then linear from betaEEnd to betaEFinal over the rest.
     */
    public double betaE(long episodesDone) {
        double annealEnd = betaEAnnealFraction() * episodes();
        if (episodesDone < annealEnd) {
            return betaEStart() + (betaEEnd() - betaEStart()) * episodesDone / annealEnd;
        }
        double rest = episodes() - annealEnd;
        double progress = rest > 0 ? Math.min(1.0, (episodesDone - annealEnd) / rest) : 1.0;
        return betaEEnd() + (betaEFinal() - betaEEnd()) * progress;
    }

    /** The learning rate after {@code episodesDone} episodes: linear from learningRate to learningRateEnd. */
    public double learningRate(long episodesDone) {
        double progress = Math.min(1.0, (double) episodesDone / episodes());
        return learningRate() + (learningRateEnd() - learningRate()) * progress;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainConfig other && byKey.equals(other.byKey);
    }

    @Override
    public int hashCode() {
        return byKey.hashCode();
    }

    @Override
    public String toString() {
        return "TrainConfig" + toMap();
    }

    // The table's types

    /**
     * One key of the table.
     *
     * @param name         its name in config files and checkpoints
     * @param defaultValue its value unless a config says otherwise
     * @param values       the values it takes, and how they are written
     * @param meaning      what it means, in one line
     */
    public record Key<T>(String name, T defaultValue, Values<T> values, String meaning) {
        /** The numbers it takes, or null for a key that is not a number. */
        public Range range() {
            return values.range();
        }

        /** {@code value} as config files hold it. */
        public String write(T value) {
            return values.write().apply(value);
        }

        String defaultText() {
            return write(defaultValue);
        }

        String text(TrainConfig config) {
            return write(config.get(this));
        }

        /**
         * The value that {@code text} (trimmed) stands for, not yet checked against the range; a text that is no
         * value is refused naming this key and what it needs.
         */
        public T read(String text) {
            var trimmed = text.trim();
            try {
                return values.read().apply(trimmed);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("config key '" + name + "' " + values.expected() + ", got '" + trimmed + "'");
            }
        }
    }

    /**
     * The values a key takes.
     *
     * @param allowed  what they are, for help: a range, the choices
     * @param expected what a text that is no value is told ("needs an integer")
     * @param read     text to value; throws IllegalArgumentException for a text that is no value
     * @param write    value to text, as config files hold it
     * @param range    the numbers allowed, or null
     * @param refusal  why a value is not allowed (read after the key's name: " must be in [0, 1], got 2"), or
     *                 null when it is
     */
    public record Values<T>(String allowed, String expected, Function<String, T> read, Function<T, String> write,
            Range range, Function<T, String> refusal) {
    }

    /** The numbers from min to max, both included unless {@code minExcluded}. */
    public record Range(double min, double max, boolean minExcluded) {
        public boolean contains(double x) {
            return (minExcluded ? x > min : x >= min) && x <= max;
        }

        /** {@code inner} between the bounds: {@code around("MIN <= MAX")} is "0 < MIN <= MAX <= 1" for (0, 1]. */
        public String around(String inner) {
            return format(min) + (minExcluded ? " < " : " <= ") + inner + " <= " + format(max);
        }

        /** Why {@code x} is not allowed, read after a key's name, or null when it is. */
        String refusal(Number x) {
            return contains(x.doubleValue()) ? null : " must be in " + this + ", got " + format(x.doubleValue());
        }

        @Override
        public String toString() {
            return (minExcluded ? "(" : "[") + format(min) + ", " + format(max) + "]";
        }

        static String format(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    private static <T> Key<T> key(String name, T defaultValue, Values<T> values, String meaning) {
        var key = new Key<>(name, defaultValue, values, meaning);
        TABLE.add(key);
        return key;
    }

    private static Values<Integer> integer(int min, int max) {
        var range = new Range(min, max, false);
        return new Values<>("an integer in " + range, "needs an integer", Integer::parseInt, i -> Integer.toString(i),
                range, range::refusal);
    }

    /** Integers in [1, the value of another key], checked in {@link #checkTogether}. */
    private static Values<Integer> integerUpTo(Key<Integer> key) {
        return new Values<>("an integer in [1, " + key.name() + "]", "needs an integer", Integer::parseInt,
                i -> Integer.toString(i), null, i -> null);
    }

    private static Values<Long> longInteger() {
        return new Values<>("an integer", "needs an integer", Long::parseLong, l -> Long.toString(l), null, l -> null);
    }

    /** Finite numbers in [min, max]. */
    private static Values<Double> real(double min, double max) {
        return real(new Range(min, max, false));
    }

    /** Finite numbers in (0, max]. */
    private static Values<Double> positive(double max) {
        return real(new Range(0, max, true));
    }

    private static Values<Double> real(Range range) {
        return new Values<>("a number in " + range, "needs a finite number", text -> {
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException("not finite");
            }
            return d;
        }, d -> Double.toString(d), range, range::refusal);
    }

    private static Values<Boolean> flag() {
        return new Values<>("true or false", "must be true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        }, b -> Boolean.toString(b), null, b -> null);
    }

    /** One of an enum's constants, written as its name in lower case with '-' for '_' (any case is read). */
    private static <E extends Enum<E>> Values<E> choice(E[] constants) {
        Function<E, String> write = e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        var names = new ArrayList<String>();
        for (var e : constants) {
            names.add(write.apply(e));
        }
        var allowed = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        return new Values<>(allowed, "must be " + allowed, text -> {
            for (var e : constants) {
                if (write.apply(e).equals(text.toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new IllegalArgumentException(text);
        }, write, null, e -> null);
    }

    /** A registered task id; an unknown one is refused with the registry's message (the nearest ids). */
    private static Values<String> taskId() {
        return new Values<>("a task id, see `l2rl tasks`", "needs a task id", id -> id, id -> id, null, id -> {
            try {
                Tasks.family(id);
                return null;
            } catch (IllegalArgumentException e) {
                return ": " + e.getMessage();
            }
        });
    }
}
