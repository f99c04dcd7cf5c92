package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The table of keys: what each key reads, writes and refuses, and that configs written before it load the same. */
class TrainConfigKeysTest {
    private static final Path AGENTS = Path.of("../../data/agents");

    /** Every key with its default as the config files spell it, in file order: the values before the table came. */
    private static final Map<String, String> TODAYS_DEFAULTS = new LinkedHashMap<>();

    static {
        TODAYS_DEFAULTS.put("task", "BanditTwoArmedIndependentUniform-v0");
        TODAYS_DEFAULTS.put("engine", "fused");
        TODAYS_DEFAULTS.put("cell", "lstm");
        TODAYS_DEFAULTS.put("hidden", "48");
        TODAYS_DEFAULTS.put("gamma", "0.8");
        TODAYS_DEFAULTS.put("gaeLambda", "1.0");
        TODAYS_DEFAULTS.put("learningRate", "0.004");
        TODAYS_DEFAULTS.put("learningRateEnd", "0.0");
        TODAYS_DEFAULTS.put("optimizer", "adam");
        TODAYS_DEFAULTS.put("rmspropDecay", "0.99");
        TODAYS_DEFAULTS.put("epsilon", "1.0E-6");
        TODAYS_DEFAULTS.put("clipNorm", "40.0");
        TODAYS_DEFAULTS.put("betaV", "0.05");
        TODAYS_DEFAULTS.put("betaEStart", "1.0");
        TODAYS_DEFAULTS.put("betaEEnd", "0.05");
        TODAYS_DEFAULTS.put("betaEAnnealFraction", "0.1");
        TODAYS_DEFAULTS.put("betaEFinal", "0.05");
        TODAYS_DEFAULTS.put("episodes", "20000");
        TODAYS_DEFAULTS.put("trials", "100");
        TODAYS_DEFAULTS.put("workers", "2");
        TODAYS_DEFAULTS.put("batch", "8");
        TODAYS_DEFAULTS.put("rollout", "5");
        TODAYS_DEFAULTS.put("seed", "1");
        TODAYS_DEFAULTS.put("rewardInput", "true");
        TODAYS_DEFAULTS.put("meta", "true");
        TODAYS_DEFAULTS.put("checkpointEvery", "5000");
        TODAYS_DEFAULTS.put("keepCheckpoints", "2");
        TODAYS_DEFAULTS.put("logEvery", "400");
        TODAYS_DEFAULTS.put("actions", "validated");
    }

    /** The numeric keys' ranges as the checks had them before the table; rollout's is [1, trials]. */
    private static final Map<String, String> TODAYS_RANGES = Map.ofEntries(
            Map.entry("hidden", "[1, 4096]"), Map.entry("gamma", "[0, 1]"), Map.entry("gaeLambda", "[0, 1]"),
            Map.entry("learningRate", "(0, 1]"), Map.entry("learningRateEnd", "[0, 1]"),
            Map.entry("rmspropDecay", "[0, 0.999999]"), Map.entry("epsilon", "(0, 1]"),
            Map.entry("clipNorm", "[0, 1000000000]"), Map.entry("betaV", "[0, 1000]"),
            Map.entry("betaEStart", "[0, 1000]"), Map.entry("betaEEnd", "[0, 1000]"),
            Map.entry("betaEAnnealFraction", "(0, 1]"), Map.entry("betaEFinal", "[0, 1000]"),
            Map.entry("episodes", "[1, 1000000000]"), Map.entry("trials", "[1, 100000]"),
            Map.entry("workers", "[1, 64]"), Map.entry("batch", "[1, 4096]"),
            Map.entry("checkpointEvery", "[0, 1000000000]"), Map.entry("keepCheckpoints", "[1, 1000]"),
            Map.entry("logEvery", "[1, 1000000000]"));

    /** For each key, a value other than its default (with what it needs of other keys to be valid). */
    private static final Map<String, Map<String, String>> ANOTHER_VALUE = Map.ofEntries(
            Map.entry("task", Map.of("task", "BanditTwoArmedDependentHard-v0")),
            Map.entry("engine", Map.of("engine", "samediff", "rollout", "100")),
            Map.entry("cell", Map.of("cell", "gru", "hidden", "56")),
            Map.entry("hidden", Map.of("hidden", "12")), Map.entry("gamma", Map.of("gamma", "0.95")),
            Map.entry("gaeLambda", Map.of("gaeLambda", "0.9")),
            Map.entry("learningRate", Map.of("learningRate", "1.0E-4")),
            Map.entry("learningRateEnd", Map.of("learningRateEnd", "0.001")),
            Map.entry("optimizer", Map.of("optimizer", "rmsprop")),
            Map.entry("rmspropDecay", Map.of("rmspropDecay", "0.9")),
            Map.entry("epsilon", Map.of("epsilon", "1.0E-8")), Map.entry("clipNorm", Map.of("clipNorm", "0.0")),
            Map.entry("betaV", Map.of("betaV", "0.25")), Map.entry("betaEStart", Map.of("betaEStart", "0.3")),
            Map.entry("betaEEnd", Map.of("betaEEnd", "0.0")),
            Map.entry("betaEAnnealFraction", Map.of("betaEAnnealFraction", "1.0")),
            Map.entry("betaEFinal", Map.of("betaEFinal", "0.0125")),
            Map.entry("episodes", Map.of("episodes", "60000")), Map.entry("trials", Map.of("trials", "20")),
            Map.entry("workers", Map.of("workers", "1")), Map.entry("batch", Map.of("batch", "16")),
            Map.entry("rollout", Map.of("rollout", "100")), Map.entry("seed", Map.of("seed", "-20161117")),
            Map.entry("rewardInput", Map.of("rewardInput", "false")), Map.entry("meta", Map.of("meta", "false")),
            Map.entry("checkpointEvery", Map.of("checkpointEvery", "0")),
            Map.entry("keepCheckpoints", Map.of("keepCheckpoints", "12")),
            Map.entry("logEvery", Map.of("logEvery", "1")), Map.entry("actions", Map.of("actions", "greedy")));

    private static List<String> names() {
        return TrainConfig.keys().stream().map(TrainConfig.Key::name).toList();
    }

    @Test
    void theDefaultsAreTheOnesBeforeTheTableInTheSameOrder() {
        assertEquals(new ArrayList<>(TODAYS_DEFAULTS.entrySet()),
                new ArrayList<>(TrainConfig.defaults().toMap().entrySet()));
        for (var key : TrainConfig.keys()) {
            assertEquals(key.defaultValue(), TrainConfig.defaults().get(key), key.name());
        }
    }

    @Test
    void everyKeyRoundTripsThroughToMapAndFromMap() {
        assertEquals(names(), List.copyOf(TODAYS_DEFAULTS.keySet()), "a key was added: give it a case here");
        for (var key : TrainConfig.keys()) {
            var change = ANOTHER_VALUE.get(key.name());
            var config = TrainConfig.defaults().with(change);
            var text = change.get(key.name());
            assertEquals(text, config.toMap().get(key.name()), key.name());
            assertTrue(!text.equals(TODAYS_DEFAULTS.get(key.name())), key.name() + ": not another value");
            assertEquals(config, TrainConfig.fromMap(config.toMap()), key.name());
            assertEquals(config, TrainConfig.parse(config.toProperties()), key.name());
            assertEquals(config, TrainConfig.defaults().with(config.toMap()), key.name());
            assertEquals(text, written(config, key), key.name());
        }
    }

    /** The typed value of {@code key}, written back as text. */
    private static <T> String written(TrainConfig config, TrainConfig.Key<T> key) {
        return key.write(config.get(key));
    }

    @Test
    void typedAndTextOverridesAgree() {
        var typed = TrainConfig.defaults().with(TrainConfig.GAMMA, 0.95).with(TrainConfig.SEED, 7L)
                .with(TrainConfig.ACTIONS, TrainConfig.ActionChoice.SAMPLE);
        var text = TrainConfig.defaults().with(Map.of("gamma", "0.95", "seed", "7", "actions", "sample"));
        assertEquals(text, typed);
        assertEquals(0.95, typed.gamma());
        assertEquals(7L, typed.seed());
        var e = assertThrows(ConfigException.class, () -> TrainConfig.defaults().with(TrainConfig.GAMMA, 1.5));
        assertEquals("config key 'gamma' must be in [0, 1], got 1.5", e.getMessage());
    }

    @Test
    void everyRangeIsEnforcedNamingTheKeyAndTheRange() {
        var ranged = new ArrayList<String>();
        for (var key : TrainConfig.keys()) {
            var range = key.range();
            if (range == null) {
                continue;
            }
            ranged.add(key.name());
            assertEquals(TODAYS_RANGES.get(key.name()), range.toString(), key.name());
            boolean integer = key.defaultValue() instanceof Integer;
            var inside = integer ? List.of(Integer.toString((int) range.max()),
                    Integer.toString((int) range.min() + (range.minExcluded() ? 1 : 0)))
                    : List.of(Double.toString(range.max()), Double.toString(range.minExcluded() ? range.max() / 1e3
                            : range.min()));
            for (var text : inside) {
                var change = new LinkedHashMap<>(Map.of(key.name(), text));
                if (key == TrainConfig.TRIALS) {
                    change.put("rollout", "1");  // at most trials
                }
                var config = TrainConfig.defaults().with(change);
                assertEquals(Double.parseDouble(text), ((Number) config.get(key)).doubleValue(), key.name());
            }
            var outside = integer ? List.of(Long.toString((long) range.min() - 1), Long.toString((long) range.max() + 1))
                    : List.of(Double.toString(range.minExcluded() ? range.min() : range.min() - 0.5),
                            Double.toString(range.max() + 0.5));
            for (var text : outside) {
                var e = assertThrows(ConfigException.class, () -> TrainConfig.defaults().with(key.name(), text),
                        key.name() + " = " + text);
                assertTrue(e.getMessage().startsWith("config key '" + key.name() + "' must be in " + range + ", got "),
                        e.getMessage());
            }
        }
        assertEquals(TODAYS_RANGES.keySet(), Set.copyOf(ranged));
        // rollout's range ends at the trials of the same config
        var e = assertThrows(ConfigException.class, () -> TrainConfig.parse("trials = 20\nrollout = 21"));
        assertEquals("config key 'rollout' must be in [1, 20], got 21", e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.parse("rollout = 0"));
        assertEquals("config key 'rollout' must be in [1, 100], got 0", e.getMessage());
    }

    @Test
    void aTextThatIsNoValueIsRefusedSayingWhatTheKeyTakes() {
        var cases = Map.of(
                "hidden = many", "config key 'hidden' needs an integer, got 'many'",
                "seed = 1.5", "config key 'seed' needs an integer, got '1.5'",
                "gamma = NaN", "config key 'gamma' needs a finite number, got 'NaN'",
                "meta = yes", "config key 'meta' must be true or false, got 'yes'",
                "engine = fusd", "config key 'engine' must be fused, fused-double or samediff, got 'fusd'",
                "optimizer = sgd", "config key 'optimizer' must be adam or rmsprop, got 'sgd'",
                "actions = argmax", "config key 'actions' must be validated, sample or greedy, got 'argmax'");
        cases.forEach((text, message) ->
                assertEquals(message, assertThrows(ConfigException.class, () -> TrainConfig.parse(text)).getMessage()));
        var e = assertThrows(ConfigException.class, () -> TrainConfig.parse("task = BanditTwoArmedDependentEsy-v0"));
        assertTrue(e.getMessage().startsWith("config key 'task': ") && e.getMessage().contains(
                "BanditTwoArmedDependentEasy-v0"), e.getMessage());
        // spelled in any case and padded, as before
        assertEquals(TrainConfig.defaults().with("meta", "false"), TrainConfig.parse("meta =  FALSE  "));
    }

    @Test
    void anUnknownKeyIsRefusedNamingEveryValidKey() {
        var e = assertThrows(ConfigException.class, () -> TrainConfig.parse("gama = 0.9\nlearningrate = 1"));
        assertEquals("unknown config key 'gama'; known keys: " + String.join(", ", TODAYS_DEFAULTS.keySet()),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainConfig.defaults().with("lerningRate", 0.001));
        assertTrue(e.getMessage().startsWith("unknown config key 'lerningRate'; known keys: task, engine, "),
                e.getMessage());
    }

    @Test
    void aLayerOfDefaultsFromASourceIsOneCallAndItsErrorsNameTheSource() {
        // a task family's own training defaults, then the user's overrides on top: both end in the run's config
        var familyDefaults = Map.of("gamma", "0.9", "trials", "20", "rollout", "10");
        var config = TrainConfig.defaults().withAll(familyDefaults, "training defaults of BanditX-v0")
                .with(Map.of("gamma", "0.7"));
        assertEquals(0.7, config.gamma());
        assertEquals(20, config.trials());
        assertEquals(10, config.rollout());
        assertTrue(config.toProperties().contains("\ntrials = 20\n"), config.toProperties());
        assertEquals(config, TrainConfig.parse(config.toProperties()));

        var e = assertThrows(ConfigException.class,
                () -> TrainConfig.defaults().withAll(Map.of("gama", "0.9"), "training defaults of BanditX-v0"));
        assertTrue(e.getMessage().startsWith("training defaults of BanditX-v0: unknown config key 'gama'; known keys: "),
                e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> TrainConfig.defaults().withAll(Map.of("trials", "0"), "training defaults of BanditX-v0"));
        assertEquals("training defaults of BanditX-v0: config key 'trials' must be in [1, 100000], got 0",
                e.getMessage());
    }

    @Test
    void theKeysHelpListsEveryKeyWithItsDefaultAndWhatItTakes() {
        var help = TrainConfig.describeKeys();
        for (var key : TrainConfig.keys()) {
            assertTrue(help.contains("  " + key.name() + " = " + TODAYS_DEFAULTS.get(key.name()) + "   ("),
                    key.name() + ":\n" + help);
            assertTrue(help.replaceAll("\\s+", " ").contains(key.meaning()), key.name());
            assertTrue(!key.meaning().isBlank() && !key.meaning().contains("\n"), key.name() + ": one line");
        }
        assertTrue(help.lines().allMatch(line -> line.length() <= 79), help);
        assertTrue(help.contains("gamma = 0.8   (a number in [0, 1])"), help);
        assertTrue(help.contains("rollout = 5   (an integer in [1, trials])"), help);
        assertNull(TrainConfig.ROLLOUT.range());
    }

    @Test
    void everyShippedAgentsConfigLoadsAsBeforeFromItsDirectoryAndItsCheckpoint() throws Exception {
        List<Path> files;
        try (var paths = Files.walk(AGENTS)) {
            files = paths.filter(p -> p.getFileName().toString().equals("config.properties")).sorted().toList();
        }
        assertEquals(15, files.size(), files.toString());
        for (var file : files) {
            var written = TrainConfig.readOverrides(file);
            // they were trained before the keys 'cell' and 'actions' came; every other key is in the file, as toMap
            // wrote it
            assertFalse(written.containsKey("cell"), file.toString());
            var expected = new LinkedHashMap<String, String>();
            written.forEach((key, value) -> {
                expected.put(key, value);
                if (key.equals("engine")) {
                    expected.put("cell", "lstm");
                }
            });
            expected.put("actions", "validated");
            var config = TrainConfig.parse(Files.readString(file));
            assertEquals(expected, config.toMap(), file.toString());
            assertEquals(new ArrayList<>(TODAYS_DEFAULTS.keySet()), new ArrayList<>(config.toMap().keySet()));
            var text = Files.readString(file);
            int afterEngine = text.indexOf('\n', text.indexOf("engine = ")) + 1;
            assertEquals(text.substring(0, afterEngine) + "cell = lstm\n" + text.substring(afterEngine)
                    + "actions = validated\n", config.toProperties(), file.toString());
            assertEquals(l2rl.agent.Cell.LSTM, config.cell());
            assertEquals(written.get("task"), config.task());
            assertEquals(Long.parseLong(written.get("seed")), config.seed());
            assertEquals(0.8, config.gamma());
            assertEquals(5, config.rollout());

            var runDir = file.getParent();
            var checkpoint = Checkpoint.read(Checkpoint.newest(runDir).orElseThrow());
            assertEquals(config, checkpoint.config(), runDir.toString());
        }
    }
}
