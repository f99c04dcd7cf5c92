package l2rl.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.train.Agents;
import l2rl.train.TrainConfig;

class AgreementTest {
    private static final int T = 20;

    /**
     * Performance difference: per episode, regret - (advantages given away) has expectation the Bayes-optimal
     * policy's regret, T E[max p] - V*(no evidence), whatever the policy. Checked on a briefly trained agent.
     */
    @Test
    void advantagesGivenAwayAccountForTheRegretAboveBayesOptimal() throws Exception {
        var cases = new Object[][] {{Tasks.INDEPENDENT, 2.0 / 3}, {Tasks.DEPENDENT_MEDIUM, 0.75}};
        for (var c : cases) {
            var id = (String) c[0];
            double oracleMean = (double) c[1];
            var config = TrainConfig.defaults().with("task", id).with("trials", T).with("episodes", 300)
                    .with("workers", 1).with("rollout", 5);
            var agent = Agents.learn(config, null);
            var tasks = new TaskSet(Tasks.family(id), 21, 4000);
            var trace = Traces.record("trained", agent, tasks, T, 21);
            var regret = trace.regretReport().episodeRegret();
            var residual = new double[tasks.episodes()];
            double cost = 0;
            for (int e = 0; e < tasks.episodes(); e++) {
                double given = 0;
                for (int t = 0; t < T; t++) {
                    var s = trace.posterior(e, t);
                    given += trace.action(e, t) == 0 ? s.value() - s.q0() : s.value() - s.q1();
                }
                cost += given;
                residual[e] = regret[e] - given;
            }
            var agreement = Agreement.of(trace);
            assertEquals(cost / tasks.episodes(), agreement.excessRegret(), 1e-9, id);
            double mean = java.util.Arrays.stream(residual).average().orElseThrow();
            double sd = Math.sqrt(java.util.Arrays.stream(residual).map(r -> (r - mean) * (r - mean)).sum()
                    / (residual.length - 1));
            double bayesRegret = T * oracleMean - trace.posterior(0, 0).value();
            assertEquals(bayesRegret, mean, 4 * sd / Math.sqrt(residual.length), id);
        }
    }

    @Test
    void ratesCountNonTiedDecisions() throws Exception {
        var config = TrainConfig.defaults().with("trials", T).with("episodes", 100).with("workers", 1).with("rollout", 5);
        var trace = Traces.record("x", Agents.learn(config, null), new TaskSet(Tasks.family(Tasks.INDEPENDENT), 2, 50), T, 2);
        var agreement = Agreement.of(trace);
        int agree = 0;
        int decided = 0;
        for (int e = 0; e < 50; e++) {
            for (int t = 0; t < T; t++) {
                var s = trace.posterior(e, t);
                if (!s.tie()) {
                    decided++;
                    agree += trace.greedyArm(e, t) == s.optimalArm() ? 1 : 0;
                }
            }
        }
        assertEquals(decided, agreement.decisions());
        assertEquals(50 * T - decided, agreement.ties());
        assertEquals((double) agree / decided, agreement.rate(), 1e-15);
        var byAdvantage = agreement.byAdvantage();
        assertEquals(decided, byAdvantage.intColumn("decisions").sum(), 0);
    }
}
