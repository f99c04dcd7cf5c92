package l2rl.baseline;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;

/**
 * Pulls the arm with the highest Gittins index GI(1 + s_a, 1 + f_a; gamma): the Bayes-optimal rule for infinitely
 * many independent Bernoulli arms with uniform priors and discounted reward, used here as a finite-horizon
 * heuristic (the paper does not say which discount it used). Ties are broken uniformly at random.
 *
 * @param discount gamma in (0,1); {@link GittinsIndex#DEFAULT_DISCOUNT} by default
 */
public record GittinsPolicy(double discount) implements BanditPolicy {

    public GittinsPolicy {
        GittinsIndex.forDiscount(discount);
    }

    public GittinsPolicy() {
        this(GittinsIndex.DEFAULT_DISCOUNT);
    }

    /** {@code gittins} at the default discount, {@code gittins-GAMMA} at any other. */
    @Override
    public String name() {
        return discount == GittinsIndex.DEFAULT_DISCOUNT ? "gittins"
                : "gittins-" + BigDecimal.valueOf(discount).stripTrailingZeros().toPlainString();
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        var indices = GittinsIndex.forDiscount(discount);
        // The whole episode's posteriors have a + b <= T + 1; filling them at once spares later trials the lock.
        indices.precompute(history.trials() + 1);
        var scores = new double[history.arms()];
        for (int a = 0; a < scores.length; a++) {
            scores[a] = indices.index(1 + history.successes(a), 1 + history.failures(a));
        }
        return ArgMax.withRandomTies(scores, rng);
    }
}
