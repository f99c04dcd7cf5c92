package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.RegretReport;

/** A short training run on the easy dependent family must clearly beat random play on held-out tasks. */
class LearningTest {

    @Test
    void aShortRunOnTheEasyFamilyClearlyBeatsRandom() throws Exception {
        int trials = 20;
        var config = TrainConfig.parse("""
                task = BanditTwoArmedDependentEasy-v0
                hidden = 16
                gamma = 0.9
                trials = 20
                rollout = 5
                batch = 8
                workers = 1
                episodes = 2400
                learningRate = 0.003
                learningRateEnd = 0.003
                betaEStart = 0.2
                betaEAnnealFraction = 0.5
                checkpointEvery = 0
                """);
        var agent = Agents.learn(config, null);
        var heldOut = new TaskSet(Tasks.family(Tasks.DEPENDENT_EASY), 12345, 200);
        var report = RegretReport.of("agent", heldOut, trials, agent.predict(heldOut, trials, 12345, 100));
        // random play: expected regret 0.5 * |0.9 - 0.1| * 20 = 8 per episode
        double random = 0.5 * 0.8 * trials;
        System.out.printf("learning test: regret %.2f +- %.2f (random %.1f)%n", report.regretMean(),
                report.regretCi95(), random);
        assertTrue(report.regretMean() + 3 * report.regretCi95() < random / 2,
                "regret " + report.regretMean() + " +- " + report.regretCi95() + " vs random " + random);
    }
}
