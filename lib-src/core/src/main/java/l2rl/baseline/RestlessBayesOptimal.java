package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;
import l2rl.env.RestlessWalk;

/**
 * The Bayes-optimal policy of a restless coupled bandit: the arm of higher one-step predictive mean under the exact
 * filter over (p1, regime). It is optimal because the evidence y is Bernoulli(p1) whichever arm is pulled: beliefs
 * evolve the same whatever the policy does, so nothing is gained by exploring, and maximising each trial's expected
 * reward maximises their sum (RestlessBayesOptimalTest proves it by dynamic programming on a small chain).
 */
final class RestlessBayesOptimal extends FilterPolicy {

    RestlessBayesOptimal(RestlessWalk walk) {
        super(new RestlessFilter(walk));
    }

    @Override
    public String name() {
        return BayesOptimal.NAME;
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        double p1 = filter(history).predictiveMean();
        // A rounding error away from 1/2 is a tie, and ties go to arm 1 (index 0): either arm is optimal then.
        return p1 < 0.5 - BayesOptimalIndependent.TIE ? 1 : 0;
    }
}
