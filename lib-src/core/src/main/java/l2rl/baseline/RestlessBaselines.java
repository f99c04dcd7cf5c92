package l2rl.baseline;

import java.util.List;

import l2rl.env.ExactPrior;
import l2rl.env.TaskFamily;

/**
 * The baselines of paper 3.1.4 for a restless coupled bandit (a family declaring {@link ExactPrior.RestlessCoupled}),
 * in the order ucb, thompson, rescorla-wagner, rescorla-wagner-coupled; bayes-optimal comes from
 * {@link BayesOptimal#forFamily}.
 * <ul>
 * <li>ucb: bonus sqrt(chi ln n / n_i), chi = 1, as the paper ({@link UcbPolicy});
 * <li>thompson: its posterior knows the walk but assumes one fixed volatility, the mean of the regimes'
 * ({@link RestlessThompson});
 * <li>rescorla-wagner: the paper's form, one value per arm, at its best fixed rate measured on other episodes;
 * <li>rescorla-wagner-coupled: one estimate of p1 learned from either arm, at its own best fixed rate.
 * </ul>
 */
public final class RestlessBaselines {
    private RestlessBaselines() {
    }

    /** The policies above for {@code family} and {@code trials}-trial episodes; none for any other family. */
    public static List<BanditPolicy> forFamily(TaskFamily family, int trials) {
        if (!(family.exactPrior().orElse(null) instanceof ExactPrior.RestlessCoupled restless) || family.arms() != 2) {
            return List.of();
        }
        return List.of(new UcbPolicy(), new RestlessThompson(restless.walk()),
                RescorlaWagnerPolicy.bestFixedRate(family, trials, false),
                RescorlaWagnerPolicy.bestFixedRate(family, trials, true));
    }
}
