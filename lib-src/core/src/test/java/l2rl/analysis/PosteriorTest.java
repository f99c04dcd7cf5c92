package l2rl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import l2rl.baseline.BayesOptimal;
import l2rl.baseline.BayesOptimalIndependent;
import l2rl.baseline.TwoArmedDp;
import l2rl.env.EpisodeHistory;
import l2rl.env.Tasks;

/** The posterior quantities of a trace against the plain recursion of TwoArmedDp and direct integration. */
class PosteriorTest {

    /** Calls {@code check} with every state (s0, f0, s1, f1) of fewer than {@code trials} pulls. */
    private static void everyState(int trials, StateCheck check) {
        for (int s0 = 0; s0 < trials; s0++) {
            for (int f0 = 0; s0 + f0 < trials; f0++) {
                for (int s1 = 0; s0 + f0 + s1 < trials; s1++) {
                    for (int f1 = 0; s0 + f0 + s1 + f1 < trials; f1++) {
                        check.at(s0, f0, s1, f1);
                    }
                }
            }
        }
    }

    interface StateCheck {
        void at(int s0, int f0, int s1, int f1);
    }

    @Test
    void independentValuesAreTheExactDynamicProgramsAtEveryState() {
        var predictive = TwoArmedDp.independentUniform();
        for (int trials = 1; trials <= 6; trials++) {
            int t = trials;
            var posterior = Posterior.of(Tasks.family(Tasks.INDEPENDENT), trials);
            everyState(trials, (s0, f0, s1, f1) -> {
                int remaining = t - (s0 + f0 + s1 + f1);
                var state = posterior.at(s0, f0, s1, f1);
                String where = "T=" + t + " (" + s0 + "," + f0 + "," + s1 + "," + f1 + ")";
                assertEquals(TwoArmedDp.pullValue(predictive, 0, remaining, s0, f0, s1, f1), state.q0(), 1e-12, where);
                assertEquals(TwoArmedDp.pullValue(predictive, 1, remaining, s0, f0, s1, f1), state.q1(), 1e-12, where);
                assertEquals(TwoArmedDp.optimalValue(predictive, remaining, s0, f0, s1, f1), state.value(), 1e-12, where);
                assertEquals((s0 + 1.0) / (s0 + f0 + 2), state.mean0(), 1e-15);
                assertEquals((s1 + 1.0) / (s1 + f1 + 2), state.mean1(), 1e-15);
            });
            assertEquals(BayesOptimalIndependent.solve(trials).expectedReward(), posterior.at(0, 0, 0, 0).value(), 1e-12);
        }
    }

    @Test
    void independentOptimalArmIsTheSolvedPolicysEverywhere() {
        int trials = 25;
        var posterior = Posterior.of(Tasks.family(Tasks.INDEPENDENT), trials);
        var solved = BayesOptimalIndependent.solve(trials);
        everyState(trials, (s0, f0, s1, f1) -> {
            var state = posterior.at(s0, f0, s1, f1);
            // the solver breaks ties below 1e-12 towards arm 0, the posterior below 1e-9: compare off ties
            if (state.advantage() > 1e-9) {
                assertEquals(solved.arm(s0, f0, s1, f1), state.optimalArm(), "(" + s0 + "," + f0 + "," + s1 + "," + f1 + ")");
            }
        });
    }

    @Test
    void discountedValuesFollowTheDiscountedRecursion() {
        // gamma = 0: only the next pull counts, so Q is the arm's posterior mean
        var myopic = Posterior.of(Tasks.family(Tasks.INDEPENDENT), 10, 0.0).at(2, 1, 0, 3);
        assertEquals(3.0 / 5, myopic.q0(), 1e-15);
        assertEquals(1.0 / 5, myopic.q1(), 1e-15);
        // two trials left from (0, 0, 0, 0) with T = 2: Q0 = 1/2 + gamma (1/2 * 2/3 + 1/2 * 1/2)
        double gamma = 0.8;
        var two = Posterior.of(Tasks.family(Tasks.INDEPENDENT), 2, gamma).at(0, 0, 0, 0);
        assertEquals(0.5 + gamma * (0.5 * 2 / 3.0 + 0.5 * 0.5), two.q0(), 1e-15);
        var dependent = Posterior.of(Tasks.family(Tasks.DEPENDENT_UNIFORM), 2, gamma).at(0, 0, 0, 0);
        assertEquals(0.5 + gamma * (0.5 * 2 / 3.0 + 0.5 * 2 / 3.0), dependent.q0(), 1e-15);
    }

    @Test
    void dependentValuesAreTheExactDynamicProgramsAtEveryState() {
        for (var family : TwoArmedDp.dependentFamilies().entrySet()) {
            var id = family.getKey();
            var predictive = family.getValue();
            int trials = 6;
            var posterior = Posterior.of(Tasks.family(id), trials);
            everyState(trials, (s0, f0, s1, f1) -> {
                int remaining = trials - (s0 + f0 + s1 + f1);
                var state = posterior.at(s0, f0, s1, f1);
                String where = id + " (" + s0 + "," + f0 + "," + s1 + "," + f1 + ")";
                assertEquals(TwoArmedDp.pullValue(predictive, 0, remaining, s0, f0, s1, f1), state.q0(), 1e-12, where);
                assertEquals(TwoArmedDp.pullValue(predictive, 1, remaining, s0, f0, s1, f1), state.q1(), 1e-12, where);
                assertEquals(predictive.success(0, s0, f0, s1, f1), state.mean0(), 1e-12, where);
                assertEquals(predictive.success(1, s0, f0, s1, f1), state.mean1(), 1e-12, where);
            });
        }
    }

    @Test
    void optimalArmIsTheBayesOptimalPolicysChoiceOnEveryFamily() {
        int trials = 12;
        for (var id : Tasks.EXPERIMENTS) {
            var posterior = Posterior.of(Tasks.family(id), trials);
            var policy = BayesOptimal.forFamily(Tasks.family(id), trials).orElseThrow();
            everyState(trials, (s0, f0, s1, f1) -> {
                var state = posterior.at(s0, f0, s1, f1);
                if (!state.tie()) {
                    var history = new EpisodeHistory(2, trials);
                    record(history, 0, s0, f0);
                    record(history, 1, s1, f1);
                    assertEquals(policy.chooseArm(history, new SplittableRandom(0)), state.optimalArm(),
                            id + " (" + s0 + "," + f0 + "," + s1 + "," + f1 + ")");
                }
            });
        }
    }

    private static void record(EpisodeHistory history, int arm, int successes, int failures) {
        for (int i = 0; i < successes; i++) {
            history.record(arm, 1);
        }
        for (int i = 0; i < failures; i++) {
            history.record(arm, 0);
        }
    }

    @Test
    void probabilityArm0IsBetterMatchesNumericalIntegration() {
        var posterior = Posterior.of(Tasks.family(Tasks.INDEPENDENT), 100);
        int[][] states = {{0, 0, 0, 0}, {1, 0, 0, 0}, {0, 1, 2, 0}, {5, 3, 4, 4}, {30, 10, 12, 11}, {0, 0, 40, 50}};
        for (var s : states) {
            double exact = integrate(s[0] + 1, s[1] + 1, s[2] + 1, s[3] + 1);
            assertEquals(exact, posterior.at(s[0], s[1], s[2], s[3]).arm0Better(), 1e-7, java.util.Arrays.toString(s));
        }
        assertEquals(0.5, posterior.at(3, 2, 3, 2).arm0Better(), 1e-12);
        // dependent, p0 ~ U[0,1]: P(p0 > 1/2) under Beta(1 + a, 1 + b); one success on arm 0: 1 - 1/4
        var uniform = Posterior.of(Tasks.family(Tasks.DEPENDENT_UNIFORM), 10);
        assertEquals(0.75, uniform.at(1, 0, 0, 0).arm0Better(), 1e-12);
        assertEquals(0.75, uniform.at(0, 0, 0, 1).arm0Better(), 1e-12);
        assertEquals(0.5, uniform.at(1, 1, 2, 2).arm0Better(), 1e-12);
        // medium, p0 in {1/4, 3/4}: a success on arm 0 has likelihood ratio 3 for p0 = 3/4
        var medium = Posterior.of(Tasks.family(Tasks.DEPENDENT_MEDIUM), 10);
        assertEquals(0.75, medium.at(1, 0, 0, 0).arm0Better(), 1e-12);
        assertEquals(0.9, medium.at(2, 0, 0, 0).arm0Better(), 1e-12);
        assertEquals(0.1, medium.at(0, 0, 2, 0).arm0Better(), 1e-12);
    }

    /** P(X > Y), X ~ Beta(a0, b0), Y ~ Beta(a1, b1): the integral of f_X(x) F_Y(x) by Simpson's rule. */
    private static double integrate(int a0, int b0, int a1, int b1) {
        int n = 20_000;
        double h = 1.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = i * h;
            double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
            double density = Math.exp((a0 - 1) * safeLog(x) + (b0 - 1) * safeLog(1 - x)
                    - org.apache.commons.math3.special.Beta.logBeta(a0, b0));
            sum += w * density * org.apache.commons.math3.special.Beta.regularizedBeta(x, a1, b1);
        }
        return sum * h / 3;
    }

    private static double safeLog(double x) {
        return x <= 0 ? -1e300 : Math.log(x);
    }

    @Test
    void onlyFamiliesWithAnExactPosteriorHaveOne() {
        assertThrows(IllegalArgumentException.class, () -> Posterior.of(new l2rl.env.IndependentArms(3), 10));
        assertThrows(IllegalArgumentException.class, () -> Posterior.of(Tasks.family(Tasks.INDEPENDENT), 5).at(2, 2, 1, 0));
        assertTrue(Posterior.of(Tasks.family(Tasks.INDEPENDENT), 5).at(0, 0, 0, 0).tie());
    }
}
