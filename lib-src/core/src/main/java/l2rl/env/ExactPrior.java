package l2rl.env;

/**
 * A prior over tasks for which l2rl knows the exact Bayesian solution (the Bayes-optimal policy and the exact
 * posterior): a family that draws its tasks from one of these says so by {@link TaskFamily#exactPrior()}. The set
 * is closed because each member needs its own solver; any family, the library's or a user's, may answer with one.
 */
public sealed interface ExactPrior permits ExactPrior.IndependentUniform, ExactPrior.CoupledArms,
        ExactPrior.TargetAmongTen, ExactPrior.RestlessCoupled {

    /** Bernoulli arms paying 1, p_i ~ U[0,1] independently (solved exactly for two arms). */
    record IndependentUniform() implements ExactPrior {
    }

    /** Two Bernoulli arms paying 1, p2 = 1 - p1, p1 drawn from {@code prior}. */
    record CoupledArms(P1Prior prior) implements ExactPrior {
    }

    /**
     * The eleven-armed task (paper 3.1.3): a target uniform over arms 1-10 pays 5, the other nine pay 1, and arm 11
     * pays an index / 10, deterministically.
     *
     * @param informative whether arm 11's index is the target's number (else it is drawn independently of it)
     */
    record TargetAmongTen(boolean informative) implements ExactPrior {
    }

    /**
     * Two Bernoulli arms paying 1, p2 = 1 - p1, p1 drifting as {@code walk} (a grid walk whose regime is uniform per
     * episode): the exact filter over (p1, regime) is a finite sum.
     */
    record RestlessCoupled(RestlessWalk walk) implements ExactPrior {
    }
}
