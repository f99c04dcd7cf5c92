package l2rl.eval;

import java.util.stream.IntStream;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import l2rl.agent.MetaRlAgent;
import l2rl.baseline.BanditPolicy;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;

/**
 * A policy's strategy trial by trial, as the paper's Fig. 3 shows it for the eleven-armed task: at each trial, the
 * share of episodes whose pull went to the episode's best arm (the target), to one arm of interest (arm 11, the
 * clue), or to any other arm.
 *
 * @param policy the policy's name
 * @param best per trial, the share of pulls of the episode's best arm
 * @param marked per trial, the share of pulls of the arm of interest
 * @param other per trial, the share of the rest
 */
public record PullShares(String policy, double[] best, double[] marked, double[] other) {

    /** The shares of {@code arms[episode][trial]}, the pulls in {@code tasks}; {@code marked} the arm of interest. */
    public static PullShares of(String policy, TaskSet tasks, int[][] arms, int marked) {
        int trials = arms[0].length;
        var best = new double[trials];
        var mark = new double[trials];
        var other = new double[trials];
        for (int e = 0; e < arms.length; e++) {
            int target = bestArm(tasks.task(e).means());
            for (int t = 0; t < trials; t++) {
                int arm = arms[e][t];
                if (arm == target) {
                    best[t]++;
                } else if (arm == marked) {
                    mark[t]++;
                } else {
                    other[t]++;
                }
            }
        }
        for (int t = 0; t < trials; t++) {
            best[t] /= arms.length;
            mark[t] /= arms.length;
            other[t] /= arms.length;
        }
        return new PullShares(policy, best, mark, other);
    }

    /** The frozen agent's shares on {@code tasks}, its actions drawn as {@link Evaluation#run} draws them. */
    public static PullShares of(MetaRlAgent agent, TaskSet tasks, int trials, long seed, int marked) {
        var played = agent.playEpisodes(tasks, trials, seed, Evaluation.AGENT_BATCH, agent.actionRule());
        return of("agent", tasks, played.arms(), marked);
    }

    /** A baseline's shares on {@code tasks}, its choices from the episodes' policy streams as in {@link Evaluation}. */
    public static PullShares of(BanditPolicy policy, TaskSet tasks, int trials, int marked) {
        var arms = new int[tasks.episodes()][];
        IntStream.range(0, tasks.episodes()).parallel().forEach(e -> arms[e] = EpisodeTrace.play(policy,
                tasks.task(e), trials, Seeds.rng(tasks.seed(), "policy", e)).arms());
        return of(policy.name(), tasks, arms, marked);
    }

    public int trials() {
        return best.length;
    }

    /** One row per trial: the three shares, as fractions of the episodes. */
    public Table table(String markedName) {
        var table = Table.create(policy + ": share of pulls per trial",
                IntColumn.create("trial", IntStream.rangeClosed(1, trials()).toArray()),
                DoubleColumn.create("target", best), DoubleColumn.create(markedName, marked),
                DoubleColumn.create("other arms", other));
        for (int c = 1; c < 4; c++) {
            table.numberColumn(c).setPrintFormatter(ResultTables.decimals(3));
        }
        return table;
    }

    /** The highest mean's arm, the lowest index among equals (as {@code Bandit.optimalArm}). */
    private static int bestArm(double[] means) {
        int best = 0;
        for (int a = 1; a < means.length; a++) {
            if (means[a] > means[best]) {
                best = a;
            }
        }
        return best;
    }
}
