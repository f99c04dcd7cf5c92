package l2rl.eval;

import java.util.List;
import java.util.stream.IntStream;

import l2rl.agent.MetaRlAgent;
import l2rl.baseline.BanditPolicy;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;

/**
 * Runs policies on a {@link TaskSet}. Every policy meets the same tasks and the same reward streams
 * (common random numbers), and its own random choices in episode i come from the same stream whatever
 * else runs, so results are identical from run to run and across thread counts.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Plays {@code trials} trials of every episode of {@code tasks} with {@code policy}. */
    public static RegretReport run(BanditPolicy policy, TaskSet tasks, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + trials);
        }
        var regrets = new double[tasks.episodes()][];
        var rewards = new double[tasks.episodes()][];
        // Episodes are independent, so they run in parallel; each writes only its own row.
        IntStream.range(0, tasks.episodes()).parallel().forEach(e -> {
            var trace = EpisodeTrace.play(policy, tasks.task(e), trials, Seeds.rng(tasks.seed(), "policy", e));
            regrets[e] = trace.regrets();
            rewards[e] = trace.rewards();
        });
        return RegretReport.ofPlay(policy.name(), regrets, rewards);
    }

    /** Episodes the agent plays side by side; results do not depend on it, only speed does. */
    public static final int AGENT_BATCH = 100;

    /**
     * The meta-RL agent's report on {@code tasks}, named {@code agent}, with its actions drawn from {@code seed}'s
     * agent stream: what {@code l2rl evaluate} prints for the same tasks, trials and seed.
     */
    public static RegretReport run(MetaRlAgent agent, TaskSet tasks, int trials, long seed) {
        var played = agent.playEpisodes(tasks, trials, seed, AGENT_BATCH, agent.actionRule());
        return RegretReport.ofPlay("agent", played.regrets(), played.rewards());
    }

    /** Runs each policy in turn on the same tasks. */
    public static List<RegretReport> run(List<BanditPolicy> policies, TaskSet tasks, int trials) {
        return policies.stream().map(policy -> run(policy, tasks, trials)).toList();
    }
}
