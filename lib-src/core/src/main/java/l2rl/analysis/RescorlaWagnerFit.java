package l2rl.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Rescorla-Wagner models fitted by maximum likelihood to two-armed choices, as paper 3.1.4 (Fig. 4) fits them to
 * its agent: per-arm values V, 0.5 at each episode's start, only the chosen arm's moved, V_a += alpha (r - V_a); the
 * choice P(a) = epsilon / 2 + (1 - epsilon) softmax(beta V)_a, with learning rate alpha, inverse temperature beta
 * and lapse epsilon.
 *
 * <p>The models, as the paper names them by their free parameters (alpha = 0.5 and epsilon = 0 when not free):
 * {@code b}, {@code ab}, {@code be}, {@code abe}. The data come in blocks (10 episodes of one volatility); beta and
 * epsilon are fitted per block, and alpha, where free, either shared by all blocks or one per block: the comparison
 * that asks whether the learner's learning rate changes with volatility. Models are compared by BIC = 2 NLL + k ln n
 * (k parameters, n choices).
 *
 * <p>Fits use Commons Math: BOBYQA (bounded, derivative-free) for two or more parameters of a block, started from
 * a few points and the best kept, Brent for one; a shared alpha is found by a grid then Brent over the sum of the
 * blocks' best likelihoods.
 */
public final class RescorlaWagnerFit {
    private RescorlaWagnerFit() {
    }

    public static final double MAX_BETA = 50;
    public static final double MAX_EPSILON = 0.5;
    private static final double MIN_ALPHA = 0.001;

    /** One block's choices: per episode the arms pulled (0 or 1) and the rewards they paid. */
    public record Block(int[][] arms, double[][] rewards) {
        /** The number of choices. */
        public int choices() {
            int n = 0;
            for (var a : arms) {
                n += a.length;
            }
            return n;
        }
    }

    /** A model's parameters for one block. */
    public record Parameters(double alpha, double beta, double epsilon) {
    }

    /** The paper's four models by their free parameters. */
    public enum Model {
        B(false, false), AB(true, false), BE(false, true), ABE(true, true);

        private final boolean alphaFree;
        private final boolean epsilonFree;

        Model(boolean alphaFree, boolean epsilonFree) {
            this.alphaFree = alphaFree;
            this.epsilonFree = epsilonFree;
        }

        public boolean alphaFree() {
            return alphaFree;
        }

        public boolean epsilonFree() {
            return epsilonFree;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A fit to every block: the model, whether alpha is one per block, the parameters of each block, the summed
     * negative log-likelihood, the number of parameters and the BIC.
     */
    public record Fit(Model model, boolean alphaPerBlock, List<Parameters> blocks, double nll, int parameters,
            int choices, double bic) {
        /** The model's name: its label, with "/block alpha" or "/shared alpha" where alpha is free. */
        public String name() {
            return model.label() + (model.alphaFree() ? alphaPerBlock ? ", alpha per block" : ", shared alpha" : "");
        }
    }

    /** The negative log-likelihood of {@code block}'s choices under {@code p}. */
    public static double negativeLogLikelihood(Parameters p, Block block) {
        double nll = 0;
        for (int e = 0; e < block.arms().length; e++) {
            double v0 = 0.5;
            double v1 = 0.5;
            var arms = block.arms()[e];
            var rewards = block.rewards()[e];
            for (int t = 0; t < arms.length; t++) {
                double first = 1 / (1 + Math.exp(-p.beta() * (v0 - v1)));  // softmax(beta V) of arm 1
                double chosen = arms[t] == 0 ? first : 1 - first;
                nll -= Math.log(Math.max(1e-300, p.epsilon() / 2 + (1 - p.epsilon()) * chosen));
                if (arms[t] == 0) {
                    v0 += p.alpha() * (rewards[t] - v0);
                } else {
                    v1 += p.alpha() * (rewards[t] - v1);
                }
            }
        }
        return nll;
    }

    /** Fits {@code model} to {@code blocks}, alpha one per block or shared. */
    public static Fit fit(Model model, boolean alphaPerBlock, List<Block> blocks) {
        int choices = blocks.stream().mapToInt(Block::choices).sum();
        List<Parameters> fitted;
        if (model.alphaFree() && !alphaPerBlock) {
            double alpha = sharedAlpha(model, blocks);
            fitted = blocks.parallelStream().map(b -> fitBlock(model, b, alpha)).toList();
        } else {
            double alpha = model.alphaFree() ? Double.NaN : 0.5;
            fitted = blocks.parallelStream().map(b -> fitBlock(model, b, alpha)).toList();
        }
        double nll = 0;
        for (int i = 0; i < blocks.size(); i++) {
            nll += negativeLogLikelihood(fitted.get(i), blocks.get(i));
        }
        int perBlock = 1 + (model.epsilonFree() ? 1 : 0) + (model.alphaFree() && alphaPerBlock ? 1 : 0);
        int k = perBlock * blocks.size() + (model.alphaFree() && !alphaPerBlock ? 1 : 0);
        return new Fit(model, model.alphaFree() && alphaPerBlock, fitted, nll, k, choices,
                2 * nll + k * Math.log(choices));
    }

    /** Every model of the paper, alpha shared and per block where it is free: b, be, ab (2), abe (2). */
    public static List<Fit> fitAll(List<Block> blocks) {
        var fits = new ArrayList<Fit>();
        for (var model : Model.values()) {
            if (model.alphaFree()) {
                fits.add(fit(model, false, blocks));
            }
            fits.add(fit(model, true, blocks));
        }
        return fits;
    }

    /** The best parameters of one block, alpha given ({@code fixedAlpha}) or fitted (NaN). */
    static Parameters fitBlock(Model model, Block block, double fixedAlpha) {
        boolean fitAlpha = Double.isNaN(fixedAlpha);
        // x in the unit cube: [alpha], beta, [epsilon], mapped onto their ranges
        int n = 1 + (fitAlpha ? 1 : 0) + (model.epsilonFree() ? 1 : 0);
        java.util.function.Function<double[], Parameters> of = x -> {
            int i = 0;
            double alpha = fitAlpha ? MIN_ALPHA + x[i++] * (1 - MIN_ALPHA) : fixedAlpha;
            double beta = x[i++] * MAX_BETA;
            double epsilon = model.epsilonFree() ? x[i] * MAX_EPSILON : 0;
            return new Parameters(alpha, beta, epsilon);
        };
        ToDoubleFunction<double[]> nll = x -> negativeLogLikelihood(of.apply(x), block);
        if (n == 1) {
            var brent = new BrentOptimizer(1e-10, 1e-10);
            var best = brent.optimize(new MaxEval(500), GoalType.MINIMIZE, new SearchInterval(0, 1),
                    new UnivariateObjectiveFunction(x -> nll.applyAsDouble(new double[] {x})));
            return of.apply(new double[] {best.getPoint()});
        }
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (double[] start : starts(n, fitAlpha)) {
            var optimizer = new BOBYQAOptimizer(2 * n + 1, 0.1, 1e-7);
            var lower = new double[n];
            var upper = new double[n];
            java.util.Arrays.fill(upper, 1);
            var result = optimizer.optimize(new MaxEval(4000), GoalType.MINIMIZE, new InitialGuess(start),
                    new SimpleBounds(lower, upper), new ObjectiveFunction((MultivariateFunction) nll::applyAsDouble));
            if (result.getValue() < bestValue) {
                bestValue = result.getValue();
                best = result.getPoint();
            }
        }
        return of.apply(best);
    }

    /** Start points in the unit cube: a slow and a fast learning rate, a moderate temperature, a small lapse. */
    private static List<double[]> starts(int n, boolean fitAlpha) {
        var starts = new ArrayList<double[]>();
        for (double alpha : fitAlpha ? new double[] {0.1, 0.5} : new double[] {Double.NaN}) {
            var x = new double[n];
            int i = 0;
            if (fitAlpha) {
                x[i++] = alpha;
            }
            x[i++] = 0.2;  // beta = 10
            if (i < n) {
                x[i] = 0.1;  // epsilon = 0.05
            }
            starts.add(x);
        }
        return starts;
    }

    /** The alpha shared by all blocks that maximises their summed likelihood, each block's other parameters free. */
    private static double sharedAlpha(Model model, List<Block> blocks) {
        // blocks fitted in parallel, their likelihoods summed in block order (the same sum on any thread count)
        java.util.function.DoubleUnaryOperator total = alpha -> java.util.Arrays.stream(blocks.parallelStream()
                .mapToDouble(b -> negativeLogLikelihood(fitBlock(model, b, alpha), b)).toArray()).sum();
        // a coarse grid first: the summed likelihood need not be unimodal in alpha over (0, 1]
        int grid = 20;
        int bestIndex = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        var at = new double[grid];
        for (int i = 0; i < grid; i++) {
            at[i] = MIN_ALPHA + (1 - MIN_ALPHA) * Math.pow(i / (grid - 1.0), 2);  // finer at small rates
            double v = total.applyAsDouble(at[i]);
            if (v < bestValue) {
                bestValue = v;
                bestIndex = i;
            }
        }
        double lo = at[Math.max(0, bestIndex - 1)];
        double hi = at[Math.min(grid - 1, bestIndex + 1)];
        var brent = new BrentOptimizer(1e-8, 1e-8);
        var best = brent.optimize(new MaxEval(200), GoalType.MINIMIZE, new SearchInterval(lo, hi, at[bestIndex]),
                new UnivariateObjectiveFunction(total::applyAsDouble));
        return best.getValue() <= bestValue ? best.getPoint() : at[bestIndex];
    }
}
