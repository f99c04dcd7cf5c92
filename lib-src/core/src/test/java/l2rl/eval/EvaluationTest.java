package l2rl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import l2rl.baseline.BanditPolicy;
import l2rl.baseline.Baselines;
import l2rl.baseline.BayesOptimal;
import l2rl.baseline.BayesOptimalIndependent;
import l2rl.baseline.RandomPolicy;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;

class EvaluationTest {
    private static final int T = 100;

    @Test
    void randomPolicyOnIndependentUniformArmsHasRegretTOverSix() {
        // E|p1 - p2| = 1/3 for independent U[0,1]; a random pull is wrong half the time: T/6 per episode.
        var tasks = new TaskSet(Tasks.family(Tasks.INDEPENDENT), 11, 10_000);
        var report = Evaluation.run(new RandomPolicy(), tasks, T);
        assertEquals(T / 6.0, report.regretMean(), report.regretCi95());
        assertEquals(T / 2.0, report.suboptimalPullsMean(), 0.5);
    }

    @Test
    void exactBayesOptimalRegretAgreesWithMonteCarloOfTheSamePolicy() {
        double exact = BayesOptimalIndependent.solve(T).expectedRegret();
        var family = Tasks.family(Tasks.INDEPENDENT);
        var policy = BayesOptimal.forFamily(family, T).orElseThrow();
        var report = Evaluation.run(policy, new TaskSet(family, 12, 20_000), T);
        assertEquals(exact, report.regretMean(), report.regretCi95(),
                () -> "exact " + exact + " vs Monte Carlo " + report);
    }

    @Test
    void bayesOptimalRegretIsNoLargerThanAnyBaselineOnEveryTwoArmedFamily() {
        for (var id : Tasks.EXPERIMENTS) {
            var family = Tasks.family(id);
            var tasks = new TaskSet(family, 13, 4000);
            var reports = Evaluation.run(Baselines.forFamily(family, T), tasks, T);
            var bayes = reports.stream().filter(r -> r.policy().equals("bayes-optimal")).findFirst().orElseThrow();
            for (var other : reports) {
                // Paired over the same episodes (common random numbers): the difference's mean may be below
                // zero only by sampling noise, i.e. within its 95% interval.
                var difference = new double[tasks.episodes()];
                var mine = bayes.episodeRegret();
                var theirs = other.episodeRegret();
                for (int e = 0; e < difference.length; e++) {
                    difference[e] = theirs[e] - mine[e];
                }
                double mean = RegretReport.mean(difference);
                assertTrue(mean >= -RegretReport.ci95(difference),
                        () -> id + ": " + other.policy() + " beats bayes-optimal by " + (-mean));
            }
        }
    }

    @Test
    void sameSeedGivesIdenticalTablesAndAnotherSeedDifferentOnes() {
        var family = Tasks.family(Tasks.DEPENDENT_MEDIUM);
        var policies = Baselines.forFamily(family, T);
        var first = ResultTables.csv(ResultTables.regretTable("a", Evaluation.run(policies, new TaskSet(family, 5, 500), T)));
        var again = ResultTables.csv(ResultTables.regretTable("a", Evaluation.run(policies, new TaskSet(family, 5, 500), T)));
        var other = ResultTables.csv(ResultTables.regretTable("a", Evaluation.run(policies, new TaskSet(family, 6, 500), T)));
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void everyPolicyMeetsTheSameTasks() {
        var tasks = new TaskSet(Tasks.family(Tasks.INDEPENDENT), 3, 200);
        List<BanditPolicy> policies = Baselines.forFamily(tasks.family(), 10);
        for (var policy : policies) {
            var report = Evaluation.run(policy, tasks, 10);
            var oracleGap = new double[tasks.episodes()];
            for (int e = 0; e < oracleGap.length; e++) {
                var task = (l2rl.env.Bandit) tasks.task(e).task();
                oracleGap[e] = 10 * (task.optimalMean() - Math.min(task.mean(0), task.mean(1)));
            }
            // Regret can never exceed always pulling the worse arm of the same task.
            var regret = report.episodeRegret();
            for (int e = 0; e < regret.length; e++) {
                assertTrue(regret[e] <= oracleGap[e] + 1e-12, policy.name());
            }
        }
        assertArrayEquals(tasks.bandit(7).means(), new TaskSet(tasks.family(), 3, 200).bandit(7).means());
    }
}
