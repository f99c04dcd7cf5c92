package l2rl.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.junit.jupiter.api.Test;

import l2rl.agent.ActorCritic;
import l2rl.agent.AgentSpec;
import l2rl.agent.MetaRlAgent;
import l2rl.agent.Rollout;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.Evaluation;
import l2rl.train.Agents;
import l2rl.train.TrainConfig;

class TracesTest {
    private static final int T = 20;

    /** A briefly trained agent, so that its choices depend on what it saw. */
    private static MetaRlAgent agent(String task) throws Exception {
        var config = TrainConfig.defaults().with("task", task).with("trials", T).with("episodes", 200)
                .with("workers", 1).with("rollout", 5).with("actions", "sample");  // the manual replay below samples
        return Agents.learn(config, null);
    }

    @Test
    void traceIsAManualReplayOfEachEpisode() throws Exception {
        var agent = agent(Tasks.INDEPENDENT);
        var tasks = new TaskSet(Tasks.family(Tasks.INDEPENDENT), 5, 7);
        long seed = 3;
        var trace = Traces.record("trained", agent, tasks, T, seed);
        var spec = agent.spec();
        int hid = spec.hidden();
        for (int e : new int[] {0, 4, 6}) {
            // step the engine by hand: inputs, act, sample, pull, count
            var net = agent.engine().create(spec);
            net.setParameters(agent.parameters());
            var bandit = tasks.bandit(e);
            var rng = Seeds.rng(seed, "agent-action", e);
            var step = new Rollout(spec, 1, 1);
            step.startEpisode();
            int lastArm = -1;
            double lastReward = 0;
            int[] counts = new int[4];
            var posterior = Posterior.of(tasks.family(), T);
            for (int t = 0; t < T; t++) {
                java.util.Arrays.fill(step.x, 0);
                if (lastArm >= 0) {
                    step.x[lastArm] = 1;
                }
                step.x[2] = (float) lastReward;
                step.x[3] = (float) t / T;
                net.act(step, 0);
                step.setLength(1);
                var h = java.util.Arrays.copyOfRange(step.h, hid, 2 * hid);
                var c = java.util.Arrays.copyOfRange(step.c, hid, 2 * hid);
                assertArrayEquals(h, trace.hidden(e, t), 0, "h, episode " + e + " trial " + t);
                assertArrayEquals(c, trace.cell(e, t), 0);
                assertArrayEquals(new double[] {step.probs[0], step.probs[1]}, trace.probs(e, t), 0);
                assertEquals(step.values[0], trace.value(e, t), 0);
                int arm = MetaRlAgent.sample(step.probs, 0, 2, rng);
                double reward = bandit.pull(arm);
                assertEquals(arm, trace.action(e, t));
                assertEquals(reward, trace.reward(e, t));
                assertEquals(posterior.at(counts[0], counts[1], counts[2], counts[3]), trace.posterior(e, t));
                counts[2 * arm + (reward > 0 ? 0 : 1)]++;
                lastArm = arm;
                lastReward = reward;
                step.continueEpisode();
            }
        }
    }

    @Test
    void traceIsThePlayThatEvaluationScores() throws Exception {
        var sampling = agent(Tasks.DEPENDENT_MEDIUM);
        var tasks = new TaskSet(Tasks.family(Tasks.DEPENDENT_MEDIUM), 9, 130);  // more than one batch of 100
        for (var agent : List.of(sampling, sampling.withActionRule(MetaRlAgent.ActionRule.GREEDY))) {
            var trace = Traces.record("trained", agent, tasks, T, 4);
            assertArrayEquals(agent.predict(tasks, T, 4, 17), trace.arms(), agent.actionRule().name());
            assertEquals(Evaluation.run(agent, tasks, T, 4).regretMean(), trace.regretReport().regretMean(), 1e-12);
        }
    }

    @Test
    void replayOfItsOwnHistoriesReproducesTheTrace() throws Exception {
        var agent = agent(Tasks.INDEPENDENT);
        var tasks = new TaskSet(Tasks.family(Tasks.INDEPENDENT), 6, 30);
        var trace = Traces.record("trained", agent, tasks, T, 2);
        var replay = Traces.replay("again", agent, trace);
        for (int e = 0; e < tasks.episodes(); e++) {
            for (int t = 0; t < T; t++) {
                assertArrayEquals(trace.hidden(e, t), replay.hidden(e, t), 0);
                assertArrayEquals(trace.probs(e, t), replay.probs(e, t), 0);
                assertSame(trace.posterior(e, t), replay.posterior(e, t));
            }
        }
    }

    @Test
    void bothEnginesGiveTheSameTrace() throws Exception {
        var fused = agent(Tasks.DEPENDENT_UNIFORM);
        var samediff = new MetaRlAgent(fused.spec(), fused.parameters(), ActorCritic.Engine.SAMEDIFF);
        var tasks = new TaskSet(Tasks.family(Tasks.DEPENDENT_UNIFORM), 8, 12);
        var trace = Traces.record("fused", fused, tasks, T, 5);
        // on the same histories (sampling could part ways at a float-rounding boundary), float32 against double
        var other = Traces.replay("samediff", samediff, trace);
        for (int e = 0; e < tasks.episodes(); e++) {
            for (int t = 0; t < T; t++) {
                assertArrayEquals(trace.hidden(e, t), other.hidden(e, t), 1e-5);
                assertArrayEquals(trace.probs(e, t), other.probs(e, t), 1e-5);
                assertEquals(trace.value(e, t), other.value(e, t), 1e-4);
            }
        }
        var direct = Traces.record("samediff", samediff, tasks, T, 5);
        assertEquals(trace.episodes() * T, direct.episodes() * direct.trials());
    }

    @Test
    void untrainedControlStartsFromTheRunsInitialWeights() {
        var config = TrainConfig.defaults().with("seed", 11);
        var spec = new AgentSpec(2, 48, 100, true);
        assertArrayEquals(ActorCritic.initialParameters(spec, Seeds.rng(11, "init", 0)),
                Controls.untrained(config).parameters());
    }
}
