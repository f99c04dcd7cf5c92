package l2rl.baseline;

import java.util.ArrayList;
import java.util.List;

import l2rl.env.ExactPrior;
import l2rl.env.RewardKind;
import l2rl.env.TaskFamily;

/**
 * The baseline policies to compare a meta-learned agent with, each with its default settings, chosen by what a
 * family declares (its reward kind, fixed or drifting means, exact prior), never by its type.
 */
public final class Baselines {
    private Baselines() {
    }

    /**
     * The baselines that make sense on {@code family} with {@code trials}-trial episodes, in the order random,
     * greedy, epsilon-greedy, ucb1, thompson, gittins, bayes-optimal.
     *
     * <ul>
     * <li>every policy but random estimates fixed means: on a family whose means drift only random is offered.
     * <li>thompson needs rewards in [0,1] ({@link RewardKind#ZERO_ONE} or {@link RewardKind#UNIT_INTERVAL}): it is
     * left out for Gaussian rewards; the eleven-armed task, whose arms pay up to 5, gets Thompson sampling with its
     * true prior over the target instead ({@link TargetThompsonPolicy}).
     * <li>gittins needs 0/1 rewards, whose posteriors are the Beta(1 + s, 1 + f) of its table.
     * <li>a restless coupled bandit (paper 3.1.4) gets the paper's baselines for it, ucb, thompson and
     * rescorla-wagner, and rescorla-wagner-coupled: see {@link RestlessBaselines#forFamily}.
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
        var kind = family.rewardKind();
        if (kind == RewardKind.ZERO_ONE || kind == RewardKind.UNIT_INTERVAL) {
            policies.add(new ThompsonSamplingPolicy());
        } else if (family.exactPrior().orElse(null) instanceof ExactPrior.TargetAmongTen target) {
            policies.add(new TargetThompsonPolicy(target.informative()));
        }
        if (kind == RewardKind.ZERO_ONE) {
            for (double gamma : gittinsDiscounts) {
                policies.add(new GittinsPolicy(gamma));
            }
        }
        if (!family.meansFixed()) {
            policies.removeIf(BanditPolicy::assumesFixedMeans);
        }
        policies.addAll(RestlessBaselines.forFamily(family, trials));
        BayesOptimal.forFamily(family, trials).filter(p -> family.meansFixed() || !p.assumesFixedMeans())
                .ifPresent(policies::add);
        return List.copyOf(policies);
    }
}
