package l2rl.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.math3.distribution.TDistribution;

import l2rl.agent.MetaRlAgent;
import l2rl.baseline.BanditPolicy;
import l2rl.env.EpisodeHistory;
import l2rl.env.RestlessTwoArmed;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;
import l2rl.eval.EpisodeTrace;

/**
 * Paper 3.1.4's analysis (Fig. 4) of a learner on restless episodes of two volatilities: its choices cut into blocks
 * of {@link #BLOCK} episodes of one volatility, Rescorla-Wagner models fitted to them ({@link RescorlaWagnerFit}),
 * BIC of one alpha per block against one shared, and the paired difference of the per-block alphas (model ab),
 * high-volatility block minus low-volatility block, the k-th of each paired in the order they were played.
 */
public final class VolatilityAnalysis {
    /** Episodes per block, as the paper. */
    public static final int BLOCK = 10;

    private VolatilityAnalysis() {
    }

    /**
     * What the analysis found for one learner.
     *
     * @param learner its name
     * @param fits every model's fit ({@link RescorlaWagnerFit#fitAll})
     * @param lowAlphas model ab's alpha per block of low volatility, in order
     * @param highAlphas the same for high volatility
     * @param alphaDifference the mean over pairs of (high alpha - low alpha)
     * @param alphaDifferenceCi95 the half-width of its 95% interval (Student t over pairs)
     * @param bicGainAb BIC(ab, shared alpha) - BIC(ab, alpha per block): positive favours one alpha per block
     * @param bicGainAbe the same for abe
     */
    public record LearningRates(String learner, List<RescorlaWagnerFit.Fit> fits, double[] lowAlphas,
            double[] highAlphas, double alphaDifference, double alphaDifferenceCi95, double bicGainAb,
            double bicGainAbe) {
        /** Whether the 95% interval of (high - low) alpha lies above 0. */
        public boolean alphaHigherInHighVolatility() {
            return alphaDifference - alphaDifferenceCi95 > 0;
        }

        public RescorlaWagnerFit.Fit fit(RescorlaWagnerFit.Model model, boolean alphaPerBlock) {
            return fits.stream().filter(f -> f.model() == model && f.alphaPerBlock() == alphaPerBlock).findFirst()
                    .orElseThrow();
        }
    }

    /**
     * Each report's regret per volatility regime: one row per policy, the mean regret and its 95% interval over the
     * low- and the high-volatility episodes of {@code tasks}, and over all.
     */
    public static tech.tablesaw.api.Table regretByRegime(String title, TaskSet tasks,
            List<l2rl.eval.RegretReport> reports) {
        var regimes = regimes(tasks);
        var table = tech.tablesaw.api.Table.create(title);
        var policy = tech.tablesaw.api.StringColumn.create("policy");
        var columns = new tech.tablesaw.api.DoubleColumn[6];
        var names = new String[] {"low_regret", "low_ci95", "high_regret", "high_ci95", "all_regret", "all_ci95"};
        for (int c = 0; c < columns.length; c++) {
            columns[c] = tech.tablesaw.api.DoubleColumn.create(names[c]);
            columns[c].setPrintFormatter(l2rl.eval.ResultTables.decimals(3));
        }
        for (var report : reports) {
            policy.append(report.policy());
            var regret = report.episodeRegret();
            for (int r = 0; r < 3; r++) {
                int regime = r;
                var of = IntStream.range(0, regret.length).filter(e -> regime == 2 || regimes[e] == regime)
                        .mapToDouble(e -> regret[e]).toArray();
                columns[2 * r].append(l2rl.eval.RegretReport.mean(of));
                columns[2 * r + 1].append(l2rl.eval.RegretReport.ci95(of));
            }
        }
        table.addColumns(policy);
        table.addColumns(columns);
        return table;
    }

    /** The volatility regime of each episode of {@code tasks} (a restless family's). */
    public static int[] regimes(TaskSet tasks) {
        var regimes = new int[tasks.episodes()];
        for (int e = 0; e < regimes.length; e++) {
            if (!(tasks.task(e).task() instanceof RestlessTwoArmed.Episode episode)) {
                throw new IllegalArgumentException("the analysis needs restless episodes, got " + tasks.family());
            }
            regimes[e] = episode.regime();
        }
        return regimes;
    }

    /** Analyses the choices {@code arms} and rewards {@code rewards} made on {@code tasks} (regimes 0 low, 1 high). */
    public static LearningRates analyse(String learner, TaskSet tasks, int[][] arms, double[][] rewards) {
        var regimes = regimes(tasks);
        var byRegime = List.of(new ArrayList<Integer>(), new ArrayList<Integer>());
        for (int e = 0; e < regimes.length; e++) {
            byRegime.get(regimes[e]).add(e);
        }
        int pairs = Math.min(byRegime.get(0).size(), byRegime.get(1).size()) / BLOCK;
        if (pairs < 2) {
            throw new IllegalArgumentException("need at least 2 blocks of " + BLOCK + " episodes of each volatility");
        }
        var blocks = new ArrayList<RescorlaWagnerFit.Block>();  // low blocks, then high blocks
        for (var episodes : byRegime) {
            for (int b = 0; b < pairs; b++) {
                var a = new int[BLOCK][];
                var r = new double[BLOCK][];
                for (int i = 0; i < BLOCK; i++) {
                    a[i] = arms[episodes.get(b * BLOCK + i)];
                    r[i] = rewards[episodes.get(b * BLOCK + i)];
                }
                blocks.add(new RescorlaWagnerFit.Block(a, r));
            }
        }
        var fits = RescorlaWagnerFit.fitAll(blocks);
        var ab = fits.stream().filter(f -> f.model() == RescorlaWagnerFit.Model.AB && f.alphaPerBlock()).findFirst()
                .orElseThrow();
        var low = new double[pairs];
        var high = new double[pairs];
        var difference = new double[pairs];
        for (int b = 0; b < pairs; b++) {
            low[b] = ab.blocks().get(b).alpha();
            high[b] = ab.blocks().get(pairs + b).alpha();
            difference[b] = high[b] - low[b];
        }
        double mean = java.util.Arrays.stream(difference).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(difference).map(d -> (d - mean) * (d - mean)).sum() / (pairs - 1));
        double ci = new TDistribution(pairs - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(pairs);
        var result = new LearningRates(learner, fits, low, high, mean, ci, 0, 0);
        double gainAb = result.fit(RescorlaWagnerFit.Model.AB, false).bic() - result.fit(RescorlaWagnerFit.Model.AB, true).bic();
        double gainAbe = result.fit(RescorlaWagnerFit.Model.ABE, false).bic()
                - result.fit(RescorlaWagnerFit.Model.ABE, true).bic();
        return new LearningRates(learner, fits, low, high, mean, ci, gainAb, gainAbe);
    }

    /** The agent's analysis: it plays {@code tasks} sampling its actions (a greedy rule would make the fits degenerate). */
    public static LearningRates ofAgent(MetaRlAgent agent, TaskSet tasks, int trials, long seed) {
        var played = agent.playEpisodes(tasks, trials, seed, 100, MetaRlAgent.ActionRule.SAMPLE);
        return analyse("agent", tasks, played.arms(), played.rewards());
    }

    /** The control's analysis: a Rescorla-Wagner learner of one fixed rate, choosing by softmax. */
    public static LearningRates ofControl(double alpha, double beta, TaskSet tasks, int trials, long seed) {
        var policy = new SoftmaxRescorlaWagner(alpha, beta);
        var arms = new int[tasks.episodes()][];
        var rewards = new double[tasks.episodes()][];
        for (int e = 0; e < arms.length; e++) {
            var trace = EpisodeTrace.play(policy, tasks.task(e), trials, Seeds.rng(seed, "control", e));
            arms[e] = trace.arms();
            rewards[e] = trace.rewards();
        }
        return analyse("rescorla-wagner control (alpha " + alpha + ")", tasks, arms, rewards);
    }

    /**
     * A reference learner whose rate does follow the volatility: the exact filter's predictive mean m of p1 (the
     * Bayes-optimal policy's belief), turned into choices by softmax, P(arm 1) = 1 / (1 + exp(-beta (2m - 1))). It
     * shows what the analysis finds for a learner that infers the volatility as well as anything can.
     */
    public static LearningRates ofSoftmaxBayes(double beta, TaskSet tasks, int trials, long seed) {
        if (!(tasks.family().exactPrior().orElse(null) instanceof l2rl.env.ExactPrior.RestlessCoupled restless)) {
            throw new IllegalArgumentException("the analysis needs a restless family, got " + tasks.family());
        }
        var prototype = new l2rl.baseline.RestlessFilter(restless.walk());
        var arms = new int[tasks.episodes()][trials];
        var rewards = new double[tasks.episodes()][trials];
        java.util.stream.IntStream.range(0, tasks.episodes()).parallel().forEach(e -> {
            var task = tasks.task(e);
            var filter = prototype.fresh();
            var history = new EpisodeHistory(2, trials);
            var rng = Seeds.rng(seed, "softmax-bayes", e);
            for (int t = 0; t < trials; t++) {
                double m = filter.predictiveMean();
                int arm = rng.nextDouble() < 1 / (1 + Math.exp(-beta * (2 * m - 1))) ? 0 : 1;
                history.record(arm, task.pull(arm));
                filter.observe(l2rl.baseline.RestlessFilter.evidence(history, t));
                arms[e][t] = arm;
                rewards[e][t] = history.reward(t);
            }
        });
        return analyse("bayes-optimal belief, softmax (beta " + beta + ")", tasks, arms, rewards);
    }

    /** The model the fits assume, as a player: the paper's Rescorla-Wagner values, softmax(beta V) choices. */
    public record SoftmaxRescorlaWagner(double alpha, double beta) implements BanditPolicy {
        @Override
        public String name() {
            return "rescorla-wagner-softmax";
        }

        @Override
        public boolean assumesFixedMeans() {
            return false;
        }

        @Override
        public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
            double v0 = 0.5;
            double v1 = 0.5;
            for (int t = 0; t < history.trial(); t++) {
                if (history.arm(t) == 0) {
                    v0 += alpha * (history.reward(t) - v0);
                } else {
                    v1 += alpha * (history.reward(t) - v1);
                }
            }
            return rng.nextDouble() < 1 / (1 + Math.exp(-beta * (v0 - v1))) ? 0 : 1;
        }
    }
}
