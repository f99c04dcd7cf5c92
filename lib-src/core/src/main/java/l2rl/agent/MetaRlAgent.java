package l2rl.agent;

import java.util.SplittableRandom;

import l2rl.env.CheckedTask;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;

/**
 * A trained meta-RL agent with frozen weights: it acts on new tasks with its recurrent state as its only memory
 * (SB3's {@code predict}; {@code learn}, {@code save} and {@code load} live in {@code l2rl.train.Agents}).
 */
public final class MetaRlAgent {
    private final AgentSpec spec;
    private final float[] parameters;
    private final ActorCritic.Engine engine;
    private final ThreadLocal<ActorCritic> nets;
    private final ActionRule actionRule;

    /**
     * How the frozen agent turns its policy into an arm. The paper's agent samples; greedy play shows how much
     * of its regret is the randomness of the sampled arm rather than the strategy its LSTM learned.
     */
    public enum ActionRule {
        /** Draw the arm from the policy (the paper's agent, and what training optimises). */
        SAMPLE,
        /** Pull the most probable arm (ties to the lower index); the draw is still made, so streams stay aligned. */
        GREEDY
    }

    /** An agent computed by the default engine, fused ({@link FusedLstmActorCritic} or {@link FusedGruActorCritic}). */
    public MetaRlAgent(AgentSpec spec, float[] parameters) {
        this(spec, parameters, ActorCritic.Engine.FUSED);
    }

    public MetaRlAgent(AgentSpec spec, float[] parameters, ActorCritic.Engine engine) {
        this(spec, parameters, engine, ActionRule.SAMPLE);
    }

    public MetaRlAgent(AgentSpec spec, float[] parameters, ActorCritic.Engine engine, ActionRule actionRule) {
        if (parameters.length != spec.parameterCount()) {
            throw new IllegalArgumentException("agent needs " + spec.parameterCount() + " parameters, got "
                    + parameters.length);
        }
        this.spec = spec;
        this.parameters = parameters.clone();
        this.engine = engine;
        this.actionRule = actionRule;
        this.nets = ThreadLocal.withInitial(() -> {
            var net = engine.create(spec);
            net.setParameters(this.parameters);
            return net;
        });
    }

    /** The same weights acting by {@code rule}. */
    public MetaRlAgent withActionRule(ActionRule rule) {
        return new MetaRlAgent(spec, parameters, engine, rule);
    }

    /** How this agent picks its arm when a caller does not say. */
    public ActionRule actionRule() {
        return actionRule;
    }

    public AgentSpec spec() {
        return spec;
    }

    public ActorCritic.Engine engine() {
        return engine;
    }

    public float[] parameters() {
        return parameters.clone();
    }

    /**
     * What a frozen agent did on a set of episodes, [episode][trial]: the arms it pulled, each pull's regret (recorded
     * at the pull) and the reward it paid.
     */
    public record Played(int[][] arms, double[][] regrets, double[][] rewards) {
    }

    /**
     * Plays every episode of {@code tasks} for {@code trials} trials, {@code batch} episodes at a time, and
     * returns the arms pulled, arms[episode][trial]. Actions are sampled from the policy with stream
     * {@code Seeds.rng(seed, "agent-action", episode)}, so results do not depend on the batch size. Arms are
     * chosen by the agent's own {@link #actionRule()}.
     */
    public int[][] predict(TaskSet tasks, int trials, long seed, int batch) {
        return predict(tasks, trials, seed, batch, actionRule);
    }

    /** As {@link #predict(TaskSet, int, long, int)}, choosing each arm by {@code rule}. */
    public int[][] predict(TaskSet tasks, int trials, long seed, int batch, ActionRule rule) {
        return playEpisodes(tasks, trials, seed, batch, rule).arms();
    }

    /** As {@link #predict(TaskSet, int, long, int, ActionRule)}, with every pull's regret and reward. */
    public Played playEpisodes(TaskSet tasks, int trials, long seed, int batch, ActionRule rule) {
        var arms = new int[tasks.episodes()][];
        var regrets = new double[tasks.episodes()][];
        var rewards = new double[tasks.episodes()][];
        for (int first = 0; first < tasks.episodes(); first += batch) {
            int n = Math.min(batch, tasks.episodes() - first);
            var slots = new CheckedTask[n];
            var rngs = new SplittableRandom[n];
            for (int b = 0; b < n; b++) {
                slots[b] = tasks.task(first + b);
                rngs[b] = Seeds.rng(seed, "agent-action", first + b);
                regrets[first + b] = new double[trials];
                rewards[first + b] = new double[trials];
            }
            var played = play(slots, trials, rngs, rule, regrets, rewards, first);
            System.arraycopy(played, 0, arms, first, n);
        }
        return new Played(arms, regrets, rewards);
    }

    /** Plays one batch of tasks side by side from a zero state by the agent's rule; returns arms[slot][trial]. */
    public int[][] play(CheckedTask[] tasks, int trials, SplittableRandom[] rngs) {
        return play(tasks, trials, rngs, actionRule);
    }

    /** Plays one batch of tasks side by side from a zero state; returns arms[slot][trial]. */
    public int[][] play(CheckedTask[] tasks, int trials, SplittableRandom[] rngs, ActionRule rule) {
        return play(tasks, trials, rngs, rule, null, null, 0);
    }

    /**
     * The batch's play; each pull's regret and reward go to regrets[first + slot][trial] and rewards[..][..] unless
     * those are null.
     */
    private int[][] play(CheckedTask[] tasks, int trials, SplittableRandom[] rngs, ActionRule rule,
            double[][] regrets, double[][] rewardsPaid, int first) {
        var net = nets.get();
        int n = tasks.length;
        var env = new TaskBatch(spec, tasks, trials);
        var step = new Rollout(spec, n, 1);  // one trial at a time; the state carries from trial to trial
        step.startEpisode();
        var arms = new int[n][trials];
        var act = new int[n];
        var rewards = new float[n];
        var regret = new double[n];
        for (int t = 0; t < trials; t++) {
            env.observe(step, 0);
            net.act(step, 0);
            step.setLength(1);
            for (int b = 0; b < n; b++) {
                act[b] = choose(step.probs, b * spec.arms(), spec.arms(), rngs[b], rule);
                arms[b][t] = act[b];
            }
            env.step(act, rewards, regret);
            if (regrets != null) {
                for (int b = 0; b < n; b++) {
                    regrets[first + b][t] = regret[b];
                    rewardsPaid[first + b][t] = tasks[b].lastReward();
                }
            }
            step.continueEpisode();
        }
        return arms;
    }

    /**
     * The arm {@code rule} picks from probabilities {@code p[off .. off + arms)}. The uniform draw is made either
     * way, so the action stream stays aligned whichever rule plays.
     */
    public static int choose(double[] p, int off, int arms, SplittableRandom rng, ActionRule rule) {
        int sampled = sample(p, off, arms, rng);
        return rule == ActionRule.SAMPLE ? sampled : mostProbable(p, off, arms);
    }

    /** The arm of highest probability in {@code p[off .. off + arms)}, the lower index on a tie. */
    public static int mostProbable(double[] p, int off, int arms) {
        int best = 0;
        for (int a = 1; a < arms; a++) {
            if (p[off + a] > p[off + best]) {
                best = a;
            }
        }
        return best;
    }

    /** Samples an arm from probabilities {@code p[off .. off + arms)} with one uniform draw. */
    public static int sample(double[] p, int off, int arms, SplittableRandom rng) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int a = 0; a < arms - 1; a++) {
            cumulative += p[off + a];
            if (u < cumulative) {
                return a;
            }
        }
        return arms - 1;
    }
}
