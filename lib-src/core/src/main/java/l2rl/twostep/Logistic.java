package l2rl.twostep;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Logistic regression by maximum likelihood on grouped data: row i of the design, x_i, was seen n_i times with
 * y_i successes (a stay). The predictors of the stay analysis are all +-1 (or 0), so a whole data set is a few
 * rows of counts, and a bootstrap replicate costs no more to fit than the original.
 *
 * <p>The negative log-likelihood per observation, sum_i [n_i log(1 + e^(eta_i)) - y_i eta_i] / sum_i n_i with
 * eta_i = x_i . b, is convex; Commons Math's non-linear conjugate-gradient optimizer (Polak-Ribiere) minimises it
 * from its analytic gradient sum_i (n_i sigma(eta_i) - y_i) x_i / sum_i n_i.
 *
 * <p>Separation: where a combination of predictors predicts stays perfectly (a deterministic policy, a cell with
 * every trial a stay), the likelihood has no maximum and the coefficients run off to infinity. Such a fit is
 * reported as separated: a coefficient beyond {@link #SEPARATED} on the logit scale (odds of 22,000 to 1, which no
 * stochastic policy on these data approaches), or an optimizer that does not converge.
 */
public final class Logistic {
    /** A coefficient beyond this (in log-odds) means the data are separated and the estimate meaningless. */
    public static final double SEPARATED = 10;

    private Logistic() {
    }

    /** The fitted coefficients, or separated (coefficients then as far as the optimizer went). */
    public record Fit(double[] coefficients, boolean separated) {
    }

    /** Fits b to rows {@code x} seen {@code n} times with {@code y} successes, starting from {@code start}. */
    public static Fit fit(double[][] x, double[] n, double[] y, double[] start) {
        double total = 0;
        for (double ni : n) {
            total += ni;
        }
        if (total == 0) {
            return new Fit(start.clone(), true);
        }
        double scale = 1 / total;
        int k = start.length;
        ObjectiveFunction nll = new ObjectiveFunction(b -> {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                if (n[i] == 0) {
                    continue;
                }
                double eta = dot(x[i], b);
                sum += n[i] * softplus(eta) - y[i] * eta;
            }
            return sum * scale;
        });
        ObjectiveFunctionGradient gradient = new ObjectiveFunctionGradient(b -> {
            var g = new double[k];
            for (int i = 0; i < x.length; i++) {
                if (n[i] == 0) {
                    continue;
                }
                double residual = n[i] * sigmoid(dot(x[i], b)) - y[i];
                for (int j = 0; j < k; j++) {
                    g[j] += residual * x[i][j] * scale;
                }
            }
            return g;
        });
        // The line search's tolerances, tighter than Commons Math's defaults (1e-8), give the coefficients to ~1e-6.
        var optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-15, 1e-15),
                1e-12, 1e-15, 1e-3, new NonLinearConjugateGradientOptimizer.IdentityPreconditioner());
        try {
            var optimum = optimizer.optimize(new MaxEval(200_000), new MaxIter(20_000), nll, gradient,
                    GoalType.MINIMIZE, new InitialGuess(start));
            var b = optimum.getPoint();
            boolean separated = false;
            for (double bj : b) {
                separated |= !(Math.abs(bj) <= SEPARATED);
            }
            return new Fit(b, separated);
        } catch (TooManyEvaluationsException | TooManyIterationsException e) {
            return new Fit(start.clone(), true);
        }
    }

    static double sigmoid(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /** log(1 + e^eta), without overflow. */
    static double softplus(double eta) {
        return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
