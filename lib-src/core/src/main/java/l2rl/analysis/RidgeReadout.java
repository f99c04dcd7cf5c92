package l2rl.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * A linear read-out y ~ w . x + b fitted by ridge regression: minimises sum (y - w . x - b)^2 + lambda |w|^2, the
 * intercept not penalised (x and y are centred on the fitting data). Solved by the normal equations
 * (X^T X + lambda I) w = X^T y with Apache Commons Math's Cholesky decomposition.
 */
public record RidgeReadout(double[] weights, double intercept, double lambda) {

    /** Fits a read-out of {@code y} from the rows of {@code x}. */
    public static RidgeReadout fit(double[][] x, double[] y, double lambda) {
        return Gram.of(x, y).solve(lambda);
    }

    public double predict(double[] x) {
        double z = intercept;
        for (int j = 0; j < weights.length; j++) {
            z += weights[j] * x[j];
        }
        return z;
    }

    public double[] predict(double[][] rows) {
        var out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = predict(rows[i]);
        }
        return out;
    }

    /** R^2 = 1 - SSE / SST of {@code predicted} against {@code truth} (SST about truth's own mean); NaN if SST is 0. */
    public static double r2(double[] truth, double[] predicted) {
        double mean = 0;
        for (double v : truth) {
            mean += v;
        }
        mean /= truth.length;
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < truth.length; i++) {
            sse += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            sst += (truth[i] - mean) * (truth[i] - mean);
        }
        return sst < 1e-12 * truth.length ? Double.NaN : 1 - sse / sst;
    }

    /** The centred cross-products of one fitting set, so several lambdas cost one pass over the data. */
    record Gram(double[] xMean, double yMean, double[][] xtx, double[] xty) {
        static Gram of(double[][] x, double[] y) {
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException(x.length + " rows for " + y.length + " targets");
            }
            int p = x[0].length;
            var xMean = new double[p];
            double yMean = 0;
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < p; j++) {
                    xMean[j] += x[i][j];
                }
                yMean += y[i];
            }
            for (int j = 0; j < p; j++) {
                xMean[j] /= x.length;
            }
            yMean /= x.length;
            var xtx = new double[p][p];
            var xty = new double[p];
            var centred = new double[p];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < p; j++) {
                    centred[j] = x[i][j] - xMean[j];
                }
                double yc = y[i] - yMean;
                for (int j = 0; j < p; j++) {
                    xty[j] += centred[j] * yc;
                    for (int k = 0; k <= j; k++) {
                        xtx[j][k] += centred[j] * centred[k];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int k = j + 1; k < p; k++) {
                    xtx[j][k] = xtx[k][j];
                }
            }
            return new Gram(xMean, yMean, xtx, xty);
        }

        RidgeReadout solve(double lambda) {
            if (!(lambda > 0)) {
                throw new IllegalArgumentException("ridge needs lambda > 0, got " + lambda);
            }
            var a = new Array2DRowRealMatrix(xtx);  // a copy
            for (int j = 0; j < xty.length; j++) {
                a.addToEntry(j, j, lambda);
            }
            var w = new CholeskyDecomposition(a, 1e-12, 1e-14).getSolver().solve(new ArrayRealVector(xty)).toArray();
            double b = yMean;
            for (int j = 0; j < w.length; j++) {
                b -= w[j] * xMean[j];
            }
            return new RidgeReadout(w, b, lambda);
        }
    }
}
