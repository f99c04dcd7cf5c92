package l2rl.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;

class RidgeReadoutTest {

    private static double[][] data(int n, int p, SplittableRandom rng) {
        var x = new double[n][p];
        for (var row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = rng.nextDouble(-1, 1);
            }
        }
        return x;
    }

    @Test
    void ridgeIsLeastSquaresOnTheAugmentedDesign() {
        var rng = new SplittableRandom(1);
        int n = 200;
        int p = 6;
        var x = data(n, p, rng);
        var y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = 0.3 + 2 * x[i][0] - x[i][3] + 0.5 * rng.nextGaussian();
        }
        double lambda = 25;
        var ridge = RidgeReadout.fit(x, y, lambda);
        // centred data with sqrt(lambda) I appended below and zeros below y: plain OLS without intercept
        var xMean = new double[p];
        double yMean = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                xMean[j] += x[i][j] / n;
            }
            yMean += y[i] / n;
        }
        var ax = new double[n + p][p];
        var ay = new double[n + p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                ax[i][j] = x[i][j] - xMean[j];
            }
            ay[i] = y[i] - yMean;
        }
        for (int j = 0; j < p; j++) {
            ax[n + j][j] = Math.sqrt(lambda);
        }
        var ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(ay, ax);
        assertArrayEquals(ols.estimateRegressionParameters(), ridge.weights(), 1e-10);
        double intercept = yMean;
        for (int j = 0; j < p; j++) {
            intercept -= ridge.weights()[j] * xMean[j];
        }
        assertEquals(intercept, ridge.intercept(), 1e-12);
    }

    @Test
    void recoversALinearFunctionAndScoresIt() {
        var rng = new SplittableRandom(2);
        var x = data(500, 4, rng);
        var y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 - x[i][1] + 3 * x[i][2];
        }
        var fit = RidgeReadout.fit(x, y, 1e-9);
        assertArrayEquals(new double[] {0, -1, 3, 0}, fit.weights(), 1e-6);
        assertEquals(1, fit.intercept(), 1e-6);
        assertEquals(1, RidgeReadout.r2(y, fit.predict(x)), 1e-9);
        var mean = new double[y.length];
        java.util.Arrays.fill(mean, java.util.Arrays.stream(y).average().orElseThrow());
        assertEquals(0, RidgeReadout.r2(y, mean), 1e-12);
        assertTrue(Double.isNaN(RidgeReadout.r2(new double[] {2, 2, 2}, new double[] {1, 2, 3})));
    }

    @Test
    void pcaFindsTheDirectionOfMostVariance() {
        var rng = new SplittableRandom(3);
        var rows = new double[2000][3];
        for (var row : rows) {
            double along = 3 * rng.nextGaussian();
            row[0] = along / Math.sqrt(2) + 0.1 * rng.nextGaussian();
            row[1] = along / Math.sqrt(2) + 0.1 * rng.nextGaussian();
            row[2] = 5 + 0.1 * rng.nextGaussian();
        }
        var pca = Pca.fit(rows);
        assertEquals(1, Math.abs(pca.components()[0][0] + pca.components()[0][1]) / Math.sqrt(2), 1e-3);
        assertTrue(pca.explained(0) > 0.99);
        assertEquals(5, pca.mean()[2], 0.01);
        assertEquals(0, pca.project(pca.mean(), 0), 1e-12);
    }
}
