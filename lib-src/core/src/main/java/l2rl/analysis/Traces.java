package l2rl.analysis;

import java.util.SplittableRandom;

import l2rl.agent.MetaRlAgent;
import l2rl.agent.Rollout;
import l2rl.agent.TaskBatch;
import l2rl.env.CheckedTask;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;

/** Records what a frozen agent computes, trial by trial, beside the exact Bayesian posterior. */
public final class Traces {
    /** Episodes played side by side; results do not depend on it. */
    static final int BATCH = 100;

    private Traces() {
    }

    /**
     * Plays every episode of {@code tasks} for {@code trials} trials with {@code agent}, through its engine's
     * {@link l2rl.agent.ActorCritic#act}, and records its states, policy, value estimates, actions and rewards with
     * the posterior of each history. Actions are sampled as {@link MetaRlAgent#predict} samples them (stream
     * {@code Seeds.rng(seed, "agent-action", episode)}), so the trace is the play {@code l2rl evaluate} scores.
     */
    public static AgentTrace record(String name, MetaRlAgent agent, TaskSet tasks, int trials, long seed) {
        return record(name, agent, tasks, trials, seed, Posterior.of(tasks.family(), trials));
    }

    /** As {@link #record(String, MetaRlAgent, TaskSet, int, long)}, with a posterior already made. */
    public static AgentTrace record(String name, MetaRlAgent agent, TaskSet tasks, int trials, long seed,
            Posterior posterior) {
        var spec = agent.spec();
        if (spec.arms() != 2 || tasks.family().arms() != 2) {
            throw new IllegalArgumentException("traces are for two-armed agents and tasks");
        }
        if (posterior.trials() != trials) {
            throw new IllegalArgumentException("posterior for " + posterior.trials() + " trials, episodes of " + trials);
        }
        var net = agent.engine().create(spec);
        net.setParameters(agent.parameters());
        var trace = new AgentTrace(name, spec, tasks, trials, posterior);
        int hid = spec.hidden();
        for (int first = 0; first < tasks.episodes(); first += BATCH) {
            int n = Math.min(BATCH, tasks.episodes() - first);
            var slots = new CheckedTask[n];
            var rngs = new SplittableRandom[n];
            for (int b = 0; b < n; b++) {
                slots[b] = tasks.task(first + b);
                rngs[b] = Seeds.rng(seed, "agent-action", first + b);
            }
            var env = new TaskBatch(spec, slots, trials);
            var rollout = new Rollout(spec, n, 1);  // one trial at a time, the state carried, as MetaRlAgent.play
            rollout.startEpisode();
            var counts = new int[n][4];  // s0, f0, s1, f1 of each episode so far
            var act = new int[n];
            var rewards = new float[n];
            var regrets = new double[n];
            for (int t = 0; t < trials; t++) {
                env.observe(rollout, 0);
                net.act(rollout, 0);
                rollout.setLength(1);
                for (int b = 0; b < n; b++) {
                    act[b] = MetaRlAgent.choose(rollout.probs, b * spec.arms(), spec.arms(), rngs[b], agent.actionRule());
                }
                env.step(act, rewards, regrets);
                for (int b = 0; b < n; b++) {
                    var k = counts[b];
                    var state = posterior.at(k[0], k[1], k[2], k[3]);
                    // h[1], c[1] of slot b: the state after reading input t
                    trace.record(first + b, t, rollout.h, rollout.c, (n + b) * hid, rollout.probs,
                            b * spec.arms(), rollout.values[b], act[b], rewards[b], state);
                    k[2 * act[b] + (rewards[b] > 0 ? 0 : 1)]++;
                }
                rollout.continueEpisode();
            }
        }
        return trace;
    }
    /**
     * Runs {@code agent}'s network on the histories of {@code histories} instead of its own: at each trial it reads
     * the input the recorded episode produced (the recorded previous arm and reward, and t / T, as
     * {@link TaskBatch#observe} encodes them; the reward withheld if the agent does not see rewards) and the
     * recorded arm is kept. Its states, policy and values are recorded against the same posteriors, so read-outs
     * of different networks are compared on identical histories and identical targets.
     */
    public static AgentTrace replay(String name, MetaRlAgent agent, AgentTrace histories) {
        var spec = agent.spec();
        if (spec.arms() != histories.spec().arms() || spec.trials() != histories.spec().trials()) {
            throw new IllegalArgumentException("agent " + spec + " cannot replay histories of " + histories.spec());
        }
        if (spec.observations() != 0 || spec.rewardValues() != 0) {
            // A history records arms and rewards only: the input of tasks that show more cannot be rebuilt from it.
            throw new IllegalArgumentException("replay rebuilds inputs of bandits without observations and with a"
                    + " scalar reward; the agent reads " + spec.layout());
        }
        var net = agent.engine().create(spec);
        net.setParameters(agent.parameters());
        var trace = new AgentTrace(name, spec, histories.tasks(), histories.trials(), histories.posterior());
        int hid = spec.hidden();
        int in = spec.inputSize();
        int trials = histories.trials();
        for (int first = 0; first < histories.episodes(); first += BATCH) {
            int n = Math.min(BATCH, histories.episodes() - first);
            var rollout = new Rollout(spec, n, 1);
            rollout.startEpisode();
            for (int t = 0; t < trials; t++) {
                java.util.Arrays.fill(rollout.x, 0, n * in, 0);
                for (int b = 0; b < n; b++) {
                    int o = b * in;
                    if (t > 0) {
                        rollout.x[o + spec.actionOffset() + histories.action(first + b, t - 1)] = 1;
                        rollout.x[o + spec.rewardOffset()] = spec.rewardInput()
                                ? (float) histories.reward(first + b, t - 1) : 0f;
                    }
                    rollout.x[o + spec.timeOffset()] = (float) t / spec.trials();
                }
                net.act(rollout, 0);
                rollout.setLength(1);
                for (int b = 0; b < n; b++) {
                    trace.record(first + b, t, rollout.h, rollout.c, (n + b) * hid, rollout.probs, b * spec.arms(),
                            rollout.values[b], histories.action(first + b, t), histories.reward(first + b, t),
                            histories.posterior(first + b, t));
                }
                rollout.continueEpisode();
            }
        }
        return trace;
    }
}
