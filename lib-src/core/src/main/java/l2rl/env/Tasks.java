package l2rl.env;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The registry of task ids, like Gymnasium's {@code register}: one public call, {@link #register}, maps an id to a
 * {@link TaskFamily}. The library registers every id of the gym-bandit-environments package, spelled exactly as
 * there, through that call; jars on the class path add theirs by a {@link TaskProvider}, loaded once, on first use;
 * a notebook cell registers its own with {@link #register(String, TaskFamily)}.
 *
 * <p>Every id has a source. An id registered again from a notebook (re-running the cell) replaces the notebook's
 * earlier family, with one warning line on standard error; any other duplicate (a jar's id the library or another
 * jar already has, a notebook's id that is a jar's or the library's) is refused, naming both sources.
 */
public final class Tasks {
    public static final String INDEPENDENT = "BanditTwoArmedIndependentUniform-v0";
    public static final String DEPENDENT_UNIFORM = "BanditTwoArmedDependentUniform-v0";
    public static final String DEPENDENT_EASY = "BanditTwoArmedDependentEasy-v0";
    public static final String DEPENDENT_MEDIUM = "BanditTwoArmedDependentMedium-v0";
    public static final String DEPENDENT_HARD = "BanditTwoArmedDependentHard-v0";
    /** The two-step task: the paper's (3.2), the 2018 sequel's reversals, Daw et al. 2011's drift. */
    public static final String TWO_STEP = "TwoStep-v0";
    public static final String TWO_STEP_REVERSAL = "TwoStepReversal-v0";
    public static final String TWO_STEP_DRIFT = "TwoStepDrift-v0";

    /** Paper 3.1.3, dependent arms II: eleven arms, arm 11 telling where the target is. */
    public static final String ELEVEN_ARMED = "BanditElevenArmedWithIndex-v0";
    /** Its control: arm 11 says nothing about the target. */
    public static final String ELEVEN_ARMED_UNINFORMATIVE = "BanditElevenArmedUninformative-v0";

    /** Paper 3.1.4, restless bandits: p1 a walk on a grid, low or high volatility per episode (or one of them). */
    public static final String RESTLESS = "BanditTwoArmedRestless-v0";
    public static final String RESTLESS_LOW = "BanditTwoArmedRestlessLow-v0";
    public static final String RESTLESS_HIGH = "BanditTwoArmedRestlessHigh-v0";

    /** The five families of experiments 3.1.1 and 3.1.2, in the paper's order (i, u, e, m, h). */
    public static final List<String> EXPERIMENTS =
            List.of(INDEPENDENT, DEPENDENT_UNIFORM, DEPENDENT_EASY, DEPENDENT_MEDIUM, DEPENDENT_HARD);

    /** The source of the library's own ids. */
    public static final String LIBRARY = "the l2rl library";
    /** The source of ids registered from a notebook cell (or any interactive code): these may be re-registered. */
    public static final String NOTEBOOK = "notebook";

    /** One registered id: its family and where it came from. */
    public record Registration(String id, TaskFamily family, String source) {
    }

    private static final LevenshteinDistance EDIT_DISTANCE = LevenshteinDistance.getDefaultInstance();
    private static final Map<String, Registration> REGISTRY = new LinkedHashMap<>();  // guarded by Tasks.class
    private static boolean providersLoaded;  // guarded by Tasks.class
    private static RuntimeException providerFailure;  // guarded by Tasks.class: told again at every look-up

    static {
        register(INDEPENDENT, new IndependentArms(2), LIBRARY);
        register(DEPENDENT_UNIFORM, new DependentTwoArmed(new P1Prior.Uniform()), LIBRARY);
        register(DEPENDENT_EASY, new DependentTwoArmed(new P1Prior.Discrete(new double[] {0.1, 0.9})), LIBRARY);
        register(DEPENDENT_MEDIUM, new DependentTwoArmed(new P1Prior.Discrete(new double[] {0.25, 0.75})), LIBRARY);
        register(DEPENDENT_HARD, new DependentTwoArmed(new P1Prior.Discrete(new double[] {0.4, 0.6})), LIBRARY);
        register("BanditTwoArmedDeterministicFixed-v0", new FixedArms(new double[] {1.0, 0.0}), LIBRARY);
        register("BanditTwoArmedHighHighFixed-v0", new FixedArms(new double[] {0.8, 0.9}), LIBRARY);
        register("BanditTwoArmedHighLowFixed-v0", new FixedArms(new double[] {0.8, 0.2}), LIBRARY);
        register("BanditTwoArmedLowLowFixed-v0", new FixedArms(new double[] {0.1, 0.2}), LIBRARY);
        register("BanditTenArmedRandomFixed-v0", new IndependentArms(10), LIBRARY);
        register("BanditTenArmedRandomRandom-v0", new RandomPayoffArms(10), LIBRARY);
        register("BanditTenArmedGaussian-v0", new GaussianArms(10), LIBRARY);
        register("BanditTenArmedUniformDistributedReward-v0", new DeterministicArms(10), LIBRARY);
        register(ELEVEN_ARMED, new ElevenArmedWithIndex(true), LIBRARY);
        register(ELEVEN_ARMED_UNINFORMATIVE, new ElevenArmedUninformative(), LIBRARY);
        register(TWO_STEP, new TwoStep(TwoStep.Kind.FIXED, TwoStep.PAPER_TRIALS), LIBRARY);
        register(TWO_STEP_REVERSAL, new TwoStep(TwoStep.Kind.REVERSAL, 100), LIBRARY);
        register(TWO_STEP_DRIFT, new TwoStep(TwoStep.Kind.DRIFT, 100), LIBRARY);
        registerRestless();
    }

    private Tasks() {
    }

    /** Paper 3.1.4's volatilities (random-walk sigma of p1), which the paper does not print: chosen by measurement. */
    public static final double RESTLESS_LOW_SIGMA = 0.02;
    public static final double RESTLESS_HIGH_SIGMA = 0.15;

    /**
     * The restless bandits of paper 3.1.4: low or high volatility with probability 1/2 per episode, and each regime
     * alone. The criterion for the two sigmas: the best fixed Rescorla-Wagner rates of the two regimes differ by at
     * least 0.15 and each regime's best rate beats the other's there, with paired 95% intervals that do not overlap
     * (measured by RestlessBaselinesTest and notebook 08).
     */
    private static void registerRestless() {
        var note = "sigmas chosen so the best fixed Rescorla-Wagner rates differ (0.05 vs 0.27)";
        var both = List.of(RESTLESS_LOW_SIGMA, RESTLESS_HIGH_SIGMA);
        register(RESTLESS, new RestlessTwoArmed(new RestlessWalk(101, both), note), LIBRARY);
        register(RESTLESS_LOW, new RestlessTwoArmed(new RestlessWalk(101, List.of(RESTLESS_LOW_SIGMA)), note), LIBRARY);
        register(RESTLESS_HIGH, new RestlessTwoArmed(new RestlessWalk(101, List.of(RESTLESS_HIGH_SIGMA)), note), LIBRARY);
    }

    /**
     * Registers {@code family} as {@code id}, from {@code source} (a name a reader recognises: the library, a jar's
     * provider, {@link #NOTEBOOK}). Refuses an id already registered, naming both sources, unless both
     * registrations come from a notebook: then the new family replaces the old one, with a warning on stderr.
     */
    public static synchronized void register(String id, TaskFamily family, String source) {
        if (id == null || id.isBlank() || family == null || source == null) {
            throw new IllegalArgumentException("register needs an id, a family and a source");
        }
        if (!LIBRARY.equals(source)) {
            loadProviders();  // so that a notebook's id clashing with a jar's is refused now, not at a later look-up
        }
        var earlier = REGISTRY.get(id);
        if (earlier != null) {
            if (!(NOTEBOOK.equals(source) && NOTEBOOK.equals(earlier.source()))) {
                throw new TaskRegistryException("task id '" + id + "' from " + source + " is already registered by "
                        + earlier.source() + (NOTEBOOK.equals(source) ? "; choose another id" : ""));
            }
            System.err.println("l2rl: task id '" + id + "' registered again from a notebook: the new family replaces "
                    + earlier.family());
        }
        REGISTRY.put(id, new Registration(id, family, source));
    }

    /** Registers {@code family} as {@code id} from a notebook cell: running the cell again replaces it. */
    public static void register(String id, TaskFamily family) {
        register(id, family, NOTEBOOK);
    }

    /** Forgets {@code id} (for tests, which must leave the registry as they found it). */
    static synchronized void remove(String id) {
        REGISTRY.remove(id);
    }

    /** All registered ids: the library's (experiments first), then the jars', then the notebook's. */
    public static synchronized List<String> ids() {
        loadProviders();
        return List.copyOf(REGISTRY.keySet());
    }

    /** Every registration, in the order of {@link #ids()}. */
    public static synchronized List<Registration> registrations() {
        loadProviders();
        return List.copyOf(REGISTRY.values());
    }

    /** The family registered as {@code id}; an unknown id is refused with the closest valid ids. */
    public static synchronized TaskFamily family(String id) {
        loadProviders();
        var registration = REGISTRY.get(id);
        if (registration == null) {
            throw new UnknownTaskException(id, closest(id, 3));
        }
        return registration.family();
    }

    /**
     * The registered ids nearest to {@code id} by edit distance, ignoring case: the nearest and any within two
     * edits of it, at most {@code count}, nearest first.
     */
    public static synchronized List<String> closest(String id, int count) {
        loadProviders();
        var wanted = id.toLowerCase(Locale.ROOT);
        var distance = new LinkedHashMap<String, Integer>();
        REGISTRY.keySet().forEach(known -> distance.put(known, EDIT_DISTANCE.apply(wanted, known.toLowerCase(Locale.ROOT))));
        int nearest = Collections.min(distance.values());
        return distance.keySet().stream()
                .filter(known -> distance.get(known) <= nearest + 2)
                .sorted(Comparator.comparingInt(distance::get))
                .limit(count)
                .toList();
    }

    /** Registers the ids of every {@link TaskProvider} on the class path, the first time any id is looked up. */
    private static void loadProviders() {
        if (providerFailure != null) {
            throw providerFailure;
        }
        if (providersLoaded) {
            return;
        }
        providersLoaded = true;
        var loader = Thread.currentThread().getContextClassLoader();
        try {
            for (var provider : ServiceLoader.load(TaskProvider.class, loader != null ? loader : Tasks.class.getClassLoader())) {
                var source = "jar provider " + provider.getClass().getName() + location(provider);
                provider.families().forEach((id, family) -> register(id, family, source));
            }
        } catch (ServiceConfigurationError e) {
            providerFailure = new TaskRegistryException("a task provider on the class path cannot be loaded: "
                    + e.getMessage(), e);
            throw providerFailure;
        } catch (RuntimeException e) {
            providerFailure = e;
            throw e;
        }
    }

    private static String location(TaskProvider provider) {
        var domain = provider.getClass().getProtectionDomain();
        var code = domain == null ? null : domain.getCodeSource();
        return code == null || code.getLocation() == null ? "" : " (" + code.getLocation() + ")";
    }
}
