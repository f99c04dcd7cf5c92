package l2rl.twostep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The logistic fit recovers known coefficients from simulated choices and says when data are separated. */
class LogisticTest {

    @Test
    void recoversKnownCoefficientsFromSimulatedStays() {
        double[] truth = {0.8, 0.6, -0.2, 0.9, 1.3};  // intercept, reward, transition, interaction, correct
        var rng = new SplittableRandom(17);
        var x = new double[12][];
        var n = new double[12];
        var y = new double[12];
        for (int cell = 0; cell < 12; cell++) {
            double r = cell / 6 == 1 ? 1 : -1;
            double t = (cell / 3) % 2 == 1 ? 1 : -1;
            x[cell] = new double[] {1, r, t, r * t, cell % 3 - 1};
        }
        for (int i = 0; i < 200_000; i++) {
            int cell = rng.nextInt(12);
            double eta = 0;
            for (int j = 0; j < 5; j++) {
                eta += truth[j] * x[cell][j];
            }
            n[cell]++;
            y[cell] += rng.nextDouble() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
        }
        var fit = Logistic.fit(x, n, y, new double[5]);
        assertFalse(fit.separated());
        for (int j = 0; j < 5; j++) {
            assertEquals(truth[j], fit.coefficients()[j], 0.03, "coefficient " + j);
        }
    }

    @Test
    void aSaturatedModelGivesTheCellsLogOddsExactly() {
        double[][] x = {{1, -1, -1, 1}, {1, -1, 1, -1}, {1, 1, -1, -1}, {1, 1, 1, 1}};
        double[] n = {100, 200, 300, 400};
        double[] y = {50, 150, 100, 380};
        var fit = Logistic.fit(x, n, y, new double[4]);
        for (int i = 0; i < 4; i++) {
            double eta = 0;
            for (int j = 0; j < 4; j++) {
                eta += fit.coefficients()[j] * x[i][j];
            }
            assertEquals(Math.log(y[i] / (n[i] - y[i])), eta, 1e-4, "cell " + i);
        }
    }

    @Test
    void perfectlyPredictedStaysAreReportedAsSeparated() {
        double[][] x = {{1, -1}, {1, 1}};
        var fit = Logistic.fit(x, new double[] {50, 50}, new double[] {0, 50}, new double[2]);
        assertTrue(fit.separated());
    }
}
