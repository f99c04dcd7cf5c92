package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import l2rl.agent.Cell;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.RegretReport;

/** A short training run of a GRU agent on the independent family must clearly beat random play on held-out tasks. */
class GruLearningTest {

    @Test
    void aShortGruRunOnTheIndependentFamilyClearlyBeatsRandom() throws Exception {
        int trials = 20;
        var config = TrainConfig.parse("""
                task = BanditTwoArmedIndependentUniform-v0
                cell = gru
                hidden = 16
                gamma = 0.9
                trials = 20
                rollout = 5
                batch = 8
                workers = 1
                episodes = 8000
                learningRate = 0.003
                learningRateEnd = 0.003
                betaEStart = 0.2
                betaEAnnealFraction = 0.5
                checkpointEvery = 0
                """);
        var agent = Agents.learn(config, null);
        assertEquals(Cell.GRU, agent.spec().cell());
        var heldOut = new TaskSet(Tasks.family(Tasks.INDEPENDENT), 12345, 300);
        var report = RegretReport.of("agent", heldOut, trials, agent.predict(heldOut, trials, 12345, 100));
        // random play: expected regret 0.5 * E|p1 - p2| * 20 = 0.5 * (1/3) * 20 = 3.33 per episode
        double random = 0.5 * trials / 3.0;
        System.out.printf("gru learning test: regret %.2f +- %.2f (random %.2f)%n", report.regretMean(),
                report.regretCi95(), random);
        assertTrue(report.regretMean() + 3 * report.regretCi95() < random / 2,
                "regret " + report.regretMean() + " +- " + report.regretCi95() + " vs random " + random);
    }
}
