package l2rl.baseline;

import java.util.Optional;
import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;
import l2rl.env.ExactPrior;
import l2rl.env.P1Prior;
import l2rl.env.TaskFamily;

/**
 * The Bayes-optimal policy where it is known exactly: the lowest expected regret any policy can reach on a task
 * family, knowing the family's prior and the horizon.
 */
public final class BayesOptimal {
    public static final String NAME = "bayes-optimal";

    private BayesOptimal() {
    }

    /**
     * The Bayes-optimal policy for {@code trials}-trial episodes of {@code family}, asked by the prior the family
     * declares ({@link TaskFamily#exactPrior()}): for two independent U[0,1] arms the exact finite-horizon solution
     * ({@link BayesOptimalIndependent}); for coupled arms (p2 = 1 - p1) acting greedily on the posterior; for the
     * eleven-armed task the dynamic program over the posterior on the target ({@link TargetBayesOptimal}, up to
     * its {@code MAX_TRIALS}); for a restless coupled bandit greedily on the exact filter's predictive mean
     * ({@link RestlessBayesOptimal}). Empty for every other family.
     */
    public static Optional<BanditPolicy> forFamily(TaskFamily family, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("need at least one trial, got " + trials);
        }
        return family.exactPrior().flatMap(prior -> forPrior(prior, family.arms(), trials));
    }

    // Each exact prior has its own solver: the one place where the kind of prior, not a capability, decides.
    private static Optional<BanditPolicy> forPrior(ExactPrior prior, int arms, int trials) {
        if (prior instanceof ExactPrior.IndependentUniform && arms == 2) {
            return Optional.of(new IndependentTwoArms(trials));
        }
        if (prior instanceof ExactPrior.CoupledArms coupled && arms == 2) {
            return Optional.of(new PosteriorGreedy(coupled.prior()));
        }
        if (prior instanceof ExactPrior.TargetAmongTen target && arms == 11 && trials <= TargetBayesOptimal.MAX_TRIALS) {
            return Optional.of(new TargetBayesOptimal(target.informative(), trials));
        }
        if (prior instanceof ExactPrior.RestlessCoupled restless && arms == 2) {
            return Optional.of(new RestlessBayesOptimal(restless.walk()));
        }
        return Optional.empty();
    }

    /** Looks up the solved policy; the solution is computed on first use and shared. */
    private record IndependentTwoArms(int trials) implements BanditPolicy {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
            if (history.trials() != trials || history.arms() != 2) {
                throw new IllegalArgumentException("solved for 2 arms and " + trials + " trials, got "
                        + history.arms() + " arms and " + history.trials() + " trials");
            }
            return BayesOptimalIndependent.solve(trials)
                    .arm(history.successes(0), history.failures(0), history.successes(1), history.failures(1));
        }
    }

    /**
     * With p2 = 1 - p1, a success on arm 0 and a failure on arm 1 are the same evidence about p1 and are equally
     * likely, whatever the prior; so the next posterior does not depend on the arm pulled, nothing is gained by
     * exploring, and the arm with the higher posterior mean is optimal at every trial.
     */
    private record PosteriorGreedy(P1Prior prior) implements BanditPolicy {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
            int forFirst = history.successes(0) + history.failures(1);
            int forSecond = history.failures(0) + history.successes(1);
            double p1 = prior.posteriorMean(forFirst, forSecond);
            // Symmetric evidence can leave p1 a rounding error away from 1/2: that is a tie, and ties go to arm 0.
            return p1 < 0.5 - BayesOptimalIndependent.TIE ? 1 : 0;
        }
    }
}
