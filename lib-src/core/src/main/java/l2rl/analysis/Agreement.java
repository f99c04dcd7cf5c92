package l2rl.analysis;

import java.util.ArrayList;
import java.util.List;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import l2rl.eval.ResultTables;

/**
 * The agent's choices against the Bayes-optimal ones, decision by decision. At every trial the agent's most likely
 * arm (argmax of its policy) is compared with the exact Bayes-optimal arm of the same history; decisions where both
 * arms are optimal (ties, e.g. the first trial) are left out of the rates.
 *
 * <p>The cost of a decision is the Bayes-optimal policy's advantage there, Q*(best) - Q*(arm pulled): the
 * expected future reward given away by that one pull, acting optimally after it. Summed over an episode's pulls and
 * averaged over episodes drawn from the prior it is exactly the agent's expected regret in excess of the
 * Bayes-optimal policy's (the performance-difference identity), which {@link #excessRegret} estimates.
 */
public final class Agreement {
    /** Upper edges of the |advantage| bins of {@link #byAdvantage}; the last bin is open. */
    public static final double[] ADVANTAGE_EDGES = {0.003, 0.01, 0.03, 0.1, 0.3};

    private final AgentTrace trace;
    private final double[] byTrial;
    private final int decisions;
    private final int agreements;
    private final int ties;
    private final double excessRegret;

    private Agreement(AgentTrace trace) {
        this.trace = trace;
        int trials = trace.trials();
        byTrial = new double[trials];
        int decided = 0;
        int agreed = 0;
        int tied = 0;
        double cost = 0;
        for (int t = 0; t < trials; t++) {
            int n = 0;
            int same = 0;
            for (int e = 0; e < trace.episodes(); e++) {
                var state = trace.posterior(e, t);
                if (trace.action(e, t) != state.optimalArm() && !state.tie()) {
                    cost += state.advantage();
                }
                if (state.tie()) {
                    tied++;
                    continue;
                }
                n++;
                if (trace.greedyArm(e, t) == state.optimalArm()) {
                    same++;
                }
            }
            byTrial[t] = n == 0 ? Double.NaN : (double) same / n;
            decided += n;
            agreed += same;
        }
        this.decisions = decided;
        this.agreements = agreed;
        this.ties = tied;
        this.excessRegret = cost / trace.episodes();
    }

    public static Agreement of(AgentTrace trace) {
        return new Agreement(trace);
    }

    /** The fraction of (non-tied) decisions where the agent's most likely arm is the Bayes-optimal arm. */
    public double rate() {
        return (double) agreements / decisions;
    }

    /** That fraction at each trial t (NaN where every episode is at a tie). */
    public double[] byTrial() {
        return byTrial.clone();
    }

    /** Decisions compared (ties excluded). */
    public int decisions() {
        return decisions;
    }

    /** Decisions at a tie, left out. */
    public int ties() {
        return ties;
    }

    /**
     * The mean over episodes of the summed advantages the agent's actual pulls gave away: an estimate of its
     * expected regret minus the Bayes-optimal policy's, from the dynamic program's values alone.
     */
    public double excessRegret() {
        return excessRegret;
    }

    /** Agreement by how much the decision matters, |Q*(0) - Q*(1)|, in the bins of {@link #ADVANTAGE_EDGES}. */
    public Table byAdvantage() {
        int bins = ADVANTAGE_EDGES.length + 1;
        var n = new int[bins];
        var same = new int[bins];
        for (int e = 0; e < trace.episodes(); e++) {
            for (int t = 0; t < trace.trials(); t++) {
                var state = trace.posterior(e, t);
                if (state.tie()) {
                    continue;
                }
                int bin = bin(state.advantage());
                n[bin]++;
                if (trace.greedyArm(e, t) == state.optimalArm()) {
                    same[bin]++;
                }
            }
        }
        var label = StringColumn.create("advantage of the optimal arm");
        var count = IntColumn.create("decisions");
        var rate = DoubleColumn.create("agreement");
        for (int b = 0; b < bins; b++) {
            label.append(binLabel(b));
            count.append(n[b]);
            rate.append(n[b] == 0 ? Double.NaN : (double) same[b] / n[b]);
        }
        rate.setPrintFormatter(ResultTables.decimals(3));
        return Table.create("agent's most likely arm = Bayes-optimal arm, by the advantage at stake", label, count, rate);
    }

    /** Labels of the advantage bins, in order. */
    public static List<String> binLabels() {
        var labels = new ArrayList<String>();
        for (int b = 0; b <= ADVANTAGE_EDGES.length; b++) {
            labels.add(binLabel(b));
        }
        return labels;
    }

    private static String binLabel(int b) {
        if (b == 0) {
            return "< " + ADVANTAGE_EDGES[0];
        }
        if (b == ADVANTAGE_EDGES.length) {
            return ">= " + ADVANTAGE_EDGES[b - 1];
        }
        return ADVANTAGE_EDGES[b - 1] + "-" + ADVANTAGE_EDGES[b];
    }

    private static int bin(double advantage) {
        int b = 0;
        while (b < ADVANTAGE_EDGES.length && advantage >= ADVANTAGE_EDGES[b]) {
            b++;
        }
        return b;
    }

    /**
     * The most frequent posterior states at which the agent's most likely arm is not the Bayes-optimal one, with
     * how often the agent was there, how often it disagreed, its mean probability of the optimal arm and the
     * advantage at stake; {@code limit} rows.
     */
    public Table disagreements(int limit) {
        record Key(int s0, int f0, int s1, int f1) {
        }
        var visits = new java.util.HashMap<Key, int[]>();
        var pOptimal = new java.util.HashMap<Key, double[]>();
        for (int e = 0; e < trace.episodes(); e++) {
            for (int t = 0; t < trace.trials(); t++) {
                var s = trace.posterior(e, t);
                if (s.tie()) {
                    continue;
                }
                var key = new Key(s.s0(), s.f0(), s.s1(), s.f1());
                var v = visits.computeIfAbsent(key, k -> new int[2]);
                v[0]++;
                pOptimal.computeIfAbsent(key, k -> new double[1])[0] += trace.probs(e, t)[s.optimalArm()];
                if (trace.greedyArm(e, t) != s.optimalArm()) {
                    v[1]++;
                }
            }
        }
        var keys = new ArrayList<>(visits.keySet());
        keys.removeIf(k -> visits.get(k)[1] == 0);
        keys.sort((a, b) -> Integer.compare(visits.get(b)[1], visits.get(a)[1]));
        var counts = StringColumn.create("(s0, f0, s1, f1)");
        var mean0 = DoubleColumn.create("mean arm 0");
        var mean1 = DoubleColumn.create("mean arm 1");
        var optimal = IntColumn.create("optimal arm");
        var advantage = DoubleColumn.create("advantage");
        var visited = IntColumn.create("visits");
        var disagreed = IntColumn.create("disagreed");
        var p = DoubleColumn.create("agent's P(optimal arm)");
        for (var k : keys.subList(0, Math.min(limit, keys.size()))) {
            var s = trace.posterior().at(k.s0(), k.f0(), k.s1(), k.f1());
            counts.append("(" + k.s0() + ", " + k.f0() + ", " + k.s1() + ", " + k.f1() + ")");
            mean0.append(s.mean0());
            mean1.append(s.mean1());
            optimal.append(s.optimalArm());
            advantage.append(s.advantage());
            visited.append(visits.get(k)[0]);
            disagreed.append(visits.get(k)[1]);
            p.append(pOptimal.get(k)[0] / visits.get(k)[0]);
        }
        for (var column : List.of(mean0, mean1, advantage, p)) {
            column.setPrintFormatter(ResultTables.decimals(3));
        }
        return Table.create("the most frequent states where the agent's most likely arm is not the Bayes-optimal one",
                counts, mean0, mean1, optimal, advantage, visited, disagreed, p);
    }
}
