package l2rl.baseline;

import java.util.ArrayList;
import java.util.List;

import l2rl.env.TaskFamily;
import l2rl.env.TaskFamily.DependentTwoArmed;
import l2rl.env.TaskFamily.DeterministicArms;
import l2rl.env.TaskFamily.FixedArms;
import l2rl.env.TaskFamily.IndependentArms;
import l2rl.env.TaskFamily.RandomPayoffArms;

/** The baseline policies to compare a meta-learned agent with, each with its default settings. */
public final class Baselines {
    private Baselines() {
    }

    /**
     * The baselines that make sense on {@code family} with {@code trials}-trial episodes, in the order random,
     * greedy, epsilon-greedy, ucb1, thompson, gittins, bayes-optimal.
     *
     * <ul>
     * <li>thompson needs rewards in [0,1]: it is left out for Gaussian rewards and for the eleven-armed task, whose
     * arms pay up to 5.
     * <li>gittins needs 0/1 rewards, whose posteriors are the Beta(1 + s, 1 + f) of its table: it is offered for
     * independent, dependent and fixed Bernoulli arms only.
     * <li>bayes-optimal is offered where it is known exactly: see {@link BayesOptimal#forFamily}.
     * </ul>
     */
    public static List<BanditPolicy> forFamily(TaskFamily family, int trials) {
        return forFamily(family, trials, GittinsIndex.DEFAULT_DISCOUNT);
    }

    /** As {@link #forFamily(TaskFamily, int)}, with one Gittins policy per discount, in the order given. */
    public static List<BanditPolicy> forFamily(TaskFamily family, int trials, double... gittinsDiscounts) {
        var policies = new ArrayList<BanditPolicy>();
        policies.add(new RandomPolicy());
        policies.add(new GreedyPolicy());
        policies.add(new EpsilonGreedyPolicy());
        policies.add(new Ucb1Policy());
        if (zeroOneRewards(family) || family instanceof RandomPayoffArms || family instanceof DeterministicArms) {
            policies.add(new ThompsonSamplingPolicy());
        }
        if (zeroOneRewards(family)) {
            for (double gamma : gittinsDiscounts) {
                policies.add(new GittinsPolicy(gamma));
            }
        }
        BayesOptimal.forFamily(family, trials).ifPresent(policies::add);
        return List.copyOf(policies);
    }

    private static boolean zeroOneRewards(TaskFamily family) {
        return family instanceof IndependentArms || family instanceof DependentTwoArmed
                || family instanceof FixedArms;
    }
}
