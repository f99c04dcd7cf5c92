package l2rl.env;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.text.similarity.LevenshteinDistance;

import l2rl.env.TaskFamily.DependentTwoArmed;
import l2rl.env.TaskFamily.DeterministicArms;
import l2rl.env.TaskFamily.ElevenArmedWithIndex;
import l2rl.env.TaskFamily.FixedArms;
import l2rl.env.TaskFamily.GaussianArms;
import l2rl.env.TaskFamily.IndependentArms;
import l2rl.env.TaskFamily.RandomPayoffArms;

/**
 * The registry of task ids: every id of the gym-bandit-environments package, spelled exactly as there,
 * resolved to a seeded {@link TaskFamily}.
 */
public final class Tasks {
    public static final String INDEPENDENT = "BanditTwoArmedIndependentUniform-v0";
    public static final String DEPENDENT_UNIFORM = "BanditTwoArmedDependentUniform-v0";
    public static final String DEPENDENT_EASY = "BanditTwoArmedDependentEasy-v0";
    public static final String DEPENDENT_MEDIUM = "BanditTwoArmedDependentMedium-v0";
    public static final String DEPENDENT_HARD = "BanditTwoArmedDependentHard-v0";

    /** The five families of experiments 3.1.1 and 3.1.2, in the paper's order (i, u, e, m, h). */
    public static final List<String> EXPERIMENTS =
            List.of(INDEPENDENT, DEPENDENT_UNIFORM, DEPENDENT_EASY, DEPENDENT_MEDIUM, DEPENDENT_HARD);

    private static final LevenshteinDistance EDIT_DISTANCE = LevenshteinDistance.getDefaultInstance();
    private static final Map<String, TaskFamily> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(INDEPENDENT, new IndependentArms(2));
        REGISTRY.put(DEPENDENT_UNIFORM, new DependentTwoArmed(new P1Prior.Uniform()));
        REGISTRY.put(DEPENDENT_EASY, new DependentTwoArmed(new P1Prior.Discrete(new double[] {0.1, 0.9})));
        REGISTRY.put(DEPENDENT_MEDIUM, new DependentTwoArmed(new P1Prior.Discrete(new double[] {0.25, 0.75})));
        REGISTRY.put(DEPENDENT_HARD, new DependentTwoArmed(new P1Prior.Discrete(new double[] {0.4, 0.6})));
        REGISTRY.put("BanditTwoArmedDeterministicFixed-v0", new FixedArms(new double[] {1.0, 0.0}));
        REGISTRY.put("BanditTwoArmedHighHighFixed-v0", new FixedArms(new double[] {0.8, 0.9}));
        REGISTRY.put("BanditTwoArmedHighLowFixed-v0", new FixedArms(new double[] {0.8, 0.2}));
        REGISTRY.put("BanditTwoArmedLowLowFixed-v0", new FixedArms(new double[] {0.1, 0.2}));
        REGISTRY.put("BanditTenArmedRandomFixed-v0", new IndependentArms(10));
        REGISTRY.put("BanditTenArmedRandomRandom-v0", new RandomPayoffArms(10));
        REGISTRY.put("BanditTenArmedGaussian-v0", new GaussianArms(10));
        REGISTRY.put("BanditTenArmedUniformDistributedReward-v0", new DeterministicArms(10));
        REGISTRY.put("BanditElevenArmedWithIndex-v0", new ElevenArmedWithIndex());
    }

    private Tasks() {
    }

    /** All registered ids, experiments first. */
    public static List<String> ids() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** The family registered as {@code id}; an unknown id is refused with the closest valid ids. */
    public static TaskFamily family(String id) {
        var family = REGISTRY.get(id);
        if (family == null) {
            throw new UnknownTaskException(id, closest(id, 3));
        }
        return family;
    }

    /**
     * The registered ids nearest to {@code id} by edit distance, ignoring case: the nearest and any within two
     * edits of it, at most {@code count}, nearest first.
     */
    public static List<String> closest(String id, int count) {
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
}
