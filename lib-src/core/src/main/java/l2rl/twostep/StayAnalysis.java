package l2rl.twostep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import l2rl.env.Seeds;
import l2rl.env.TwoStep;

/**
 * The two-step analysis of paper Fig. 5 on a policy's sampled choices: does the first-stage choice of trial t + 1
 * repeat that of trial t ("stay"), and how does that depend on whether trial t was rewarded and whether its
 * transition was common or rare?
 * <ul>
 * <li>stay probabilities in the four cells (rewarded / unrewarded x common / rare), pooled over trials;
 * <li>the logistic regression logit P(stay) = b0 + b_r r + b_t t + b_rt r t, with r = +1 rewarded / -1 not and
 * t = +1 common / -1 rare: model-free control predicts b_r > 0, model-based control b_rt > 0;
 * <li>the corrected regression, with Akam et al.'s (2015) correct-choice regressor c (+1 if trial t's choice
 * commonly leads to the state that was better at trial t, -1 if to the worse, 0 on a tie) and its products with
 * reward and transition: logit P(stay) = b0 + b_r r + b_t t + b_rt r t + b_c c + b_rc r c + b_tc t c. Where the
 * good state stays put, a learner that merely prefers the better action stays more after "rewarded common" and
 * "unrewarded rare" trials, because those are the outcomes of correct choices: uncorrected, that shows as an
 * interaction.
 * </ul>
 * Why c's products too, where Akam et al. add c alone: a model-free learner's stay depends on c through more than
 * a shift. SARSA(lambda) with lambda below 1 also moves Q1 toward the value of the state reached, and which state
 * is reached is t x c (common after a correct choice: the better state); its reward effect is larger after a
 * correct choice (r x c). With c alone those terms leak into b_rt: the model-free learner tuned for TwoStep-v0
 * (lambda 0.25) gets b_rt = -0.11 +- 0.06 with c alone (1,000 episodes; -0.07 to -0.11 on four seeds), about 0
 * (-0.01 to +0.04) with the products, while the
 * model-based learner keeps b_rt well above 0 either way. A stay that depends on r, t and c only through r, c and
 * t x c, as a model-free learner's does (the trial's transition draw is independent of its past given c), has
 * b_rt = 0 in this model exactly. Akam's single-regressor interaction stays in the report as
 * {@link Report#akamInteraction()}.
 * Every 95% interval is the estimate +- 1.96 bootstrap standard errors, the bootstrap resampling whole episodes
 * (clustered: trials of one episode are not independent) {@link #REPLICATES} times from
 * {@code Seeds.rng(seed, "two-step-bootstrap", 0)}.
 */
public final class StayAnalysis {
    public static final int REPLICATES = 1000;

    /** The quantities, in the order of every table and of {@code l2rl two-step}'s CSV. */
    public static final List<String> QUANTITIES = List.of("stay_rewarded_common", "stay_rewarded_rare",
            "stay_unrewarded_common", "stay_unrewarded_rare", "reward", "transition", "interaction",
            "reward_corrected", "transition_corrected", "interaction_corrected", "correct_choice", "reward_rate");

    // A trial's cell: rewarded (r), common (t), correct (c = -1, 0, +1): index (r * 2 + t) * 3 + c + 1.
    private static final int CELLS = 12;
    private static final double[][] PLAIN = new double[CELLS][];      // [1, r, t, r t]
    private static final double[][] CORRECTED = new double[CELLS][];  // [1, r, t, r t, c, r c, t c]
    private static final double[][] AKAM = new double[CELLS][];       // [1, r, t, r t, c]
    private static final int AKAM_INTERACTION = 12;  // where an estimate keeps Akam's b_rt, after QUANTITIES

    static {
        for (int cell = 0; cell < CELLS; cell++) {
            double r = rewarded(cell) ? 1 : -1;
            double t = common(cell) ? 1 : -1;
            double c = cell % 3 - 1;
            PLAIN[cell] = new double[] {1, r, t, r * t};
            CORRECTED[cell] = new double[] {1, r, t, r * t, c, r * c, t * c};
            AKAM[cell] = new double[] {1, r, t, r * t, c};
        }
    }

    /** An estimate with the half-width of its 95% interval. */
    public record Estimate(double value, double ci95) {
        public double low() {
            return value - ci95;
        }

        public double high() {
            return value + ci95;
        }

        /** Whether the 95% interval contains {@code x}. */
        public boolean contains(double x) {
            return low() <= x && x <= high();
        }
    }

    /**
     * The analysis of one policy's episodes: every quantity with its interval, the interaction of Akam et al.'s
     * regression (c alone), and how many bootstrap replicates separated (their coefficients then left out of the
     * interval; a regression separated on the whole data is NaN).
     */
    public record Report(String policy, int episodes, Map<String, Estimate> quantities, Estimate akamInteraction,
            int separatedReplicates) {
        public Estimate get(String quantity) {
            var e = quantities.get(quantity);
            if (e == null) {
                throw new IllegalArgumentException("no quantity " + quantity + "; known: " + QUANTITIES);
            }
            return e;
        }

        public double value(String quantity) {
            return get(quantity).value();
        }

        /** The same analysis under another policy name (the name {@code l2rl two-step} prints: "agent"). */
        public Report withPolicy(String name) {
            return new Report(name, episodes, quantities, akamInteraction, separatedReplicates);
        }

        /**
         * Lines "COMMAND -> POLICY:QUANTITY value = X" for {@code quantities}, which the test suite checks against
         * {@code command}'s CSV (a notebook's key numbers); a separated quantity has no line.
         */
        public String keyNumbers(String command, String... quantities) {
            var out = new StringBuilder();
            for (var q : quantities) {
                if (!Double.isNaN(value(q))) {
                    out.append(String.format(java.util.Locale.ROOT, "%s -> %s:%s value = %.4f%n", command, policy, q,
                            value(q)));
                }
            }
            return out.toString();
        }
    }

    private StayAnalysis() {
    }

    /** The analysis of {@code trials[episode][trial]}, played by {@code policy}. */
    public static Report of(String policy, TwoStep.Trial[][] trials, long seed) {
        var episodes = new Counts[trials.length];
        var total = new Counts();
        for (int e = 0; e < trials.length; e++) {
            episodes[e] = Counts.of(trials[e]);
            total.add(episodes[e], 1);
        }
        var point = estimate(total, null, null);
        var replicates = new double[REPLICATES][];
        var rng = Seeds.rng(seed, "two-step-bootstrap", 0);
        var resample = new int[trials.length];
        int separated = 0;
        for (int b = 0; b < REPLICATES; b++) {
            java.util.Arrays.fill(resample, 0);
            for (int i = 0; i < trials.length; i++) {
                resample[rng.nextInt(trials.length)]++;
            }
            var counts = new Counts();
            for (int e = 0; e < trials.length; e++) {
                if (resample[e] > 0) {
                    counts.add(episodes[e], resample[e]);
                }
            }
            replicates[b] = estimate(counts, point, point);
            if (Double.isNaN(replicates[b][QUANTITIES.indexOf("interaction")])
                    || Double.isNaN(replicates[b][QUANTITIES.indexOf("interaction_corrected")])) {
                separated++;
            }
        }
        var quantities = new LinkedHashMap<String, Estimate>();
        for (int q = 0; q < QUANTITIES.size(); q++) {
            quantities.put(QUANTITIES.get(q), estimate(point, replicates, q));
        }
        var akam = estimate(point, replicates, AKAM_INTERACTION);
        return new Report(policy, trials.length, quantities, akam, separated);
    }

    /**
     * Every quantity, in {@link #QUANTITIES}' order, from the pooled counts; a separated regression gives NaN.
     * {@code plainStart} and {@code correctedStart}, where not null, are estimates the optimizer starts from.
     */
    private static double[] estimate(Counts c, double[] plainStart, double[] correctedStart) {
        var out = new double[QUANTITIES.size() + 1];
        var n = new double[CELLS];
        var y = new double[CELLS];
        var fourN = new double[4];
        var fourY = new double[4];
        for (int cell = 0; cell < CELLS; cell++) {
            n[cell] = c.n[cell];
            y[cell] = c.stays[cell];
            fourN[cell / 3] += c.n[cell];
            fourY[cell / 3] += c.stays[cell];
        }
        // cells of (r, t): 3 = rewarded common, 2 = rewarded rare, 1 = unrewarded common, 0 = unrewarded rare
        out[0] = fourY[3] / fourN[3];
        out[1] = fourY[2] / fourN[2];
        out[2] = fourY[1] / fourN[1];
        out[3] = fourY[0] / fourN[0];
        var plain = Logistic.fit(PLAIN, n, y, start(plainStart, 4, 4, 4));
        for (int j = 0; j < 3; j++) {
            out[4 + j] = plain.separated() ? Double.NaN : plain.coefficients()[j + 1];
        }
        var corrected = Logistic.fit(CORRECTED, n, y, start(correctedStart, 7, 5, 7));
        for (int j = 0; j < 4; j++) {
            out[7 + j] = corrected.separated() ? Double.NaN : corrected.coefficients()[j + 1];
        }
        var akam = Logistic.fit(AKAM, n, y, start(correctedStart, 7, 5, 5));
        out[AKAM_INTERACTION] = akam.separated() ? Double.NaN : akam.coefficients()[3];
        out[11] = (double) c.rewards / c.trials;
        return out;
    }

    /**
     * A start for a fit of {@code k} coefficients: the {@code known - 1} after the intercept from
     * {@code from[offset ..]}, zeros elsewhere (and everywhere without {@code from}).
     */
    private static double[] start(double[] from, int offset, int known, int k) {
        var b = new double[k];
        for (int j = 1; from != null && j < known; j++) {
            b[j] = Double.isNaN(from[offset + j - 1]) ? 0 : from[offset + j - 1];
        }
        return b;
    }

    /**
     * Quantity {@code q} with its interval; NaN (separated) where the whole data separate or more than 2.5% of the
     * replicates do, since then the interval's tail is a separated fit's, unbounded.
     */
    private static Estimate estimate(double[] point, double[][] replicates, int q) {
        int separated = 0;
        for (var r : replicates) {
            separated += Double.isNaN(r[q]) ? 1 : 0;
        }
        if (Double.isNaN(point[q]) || separated > 0.025 * replicates.length) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        return new Estimate(point[q], 1.96 * standardDeviation(replicates, q));
    }

    private static double standardDeviation(double[][] replicates, int q) {
        double sum = 0;
        double squares = 0;
        int m = 0;
        for (var r : replicates) {
            if (!Double.isNaN(r[q])) {
                sum += r[q];
                squares += r[q] * r[q];
                m++;
            }
        }
        if (m < 2) {
            return Double.NaN;
        }
        double mean = sum / m;
        return Math.sqrt(Math.max(0, (squares - m * mean * mean) / (m - 1)));
    }

    private static boolean rewarded(int cell) {
        return cell / 6 == 1;
    }

    private static boolean common(int cell) {
        return (cell / 3) % 2 == 1;
    }

    /** Trials and stays per cell, and the rewards, of one episode or a sum of episodes. */
    private static final class Counts {
        final long[] n = new long[CELLS];
        final long[] stays = new long[CELLS];
        long rewards;
        long trials;

        /** Trial t's cell, and whether trial t + 1 repeats its first-stage choice; every trial's reward. */
        static Counts of(TwoStep.Trial[] episode) {
            var c = new Counts();
            for (int t = 0; t < episode.length; t++) {
                var trial = episode[t];
                c.rewards += trial.rewarded() ? 1 : 0;
                c.trials++;
                if (t + 1 < episode.length) {
                    int cell = ((trial.rewarded() ? 1 : 0) * 2 + (trial.common() ? 1 : 0)) * 3 + trial.correct() + 1;
                    c.n[cell]++;
                    c.stays[cell] += episode[t + 1].choice() == trial.choice() ? 1 : 0;
                }
            }
            return c;
        }

        void add(Counts other, int times) {
            for (int i = 0; i < CELLS; i++) {
                n[i] += times * other.n[i];
                stays[i] += times * other.stays[i];
            }
            rewards += times * other.rewards;
            trials += times * other.trials;
        }
    }

    /** One row per policy and quantity: policy, quantity, value, ci95 ({@code l2rl two-step}'s CSV). */
    public static Table table(String name, List<Report> reports) {
        var policy = StringColumn.create("policy");
        var quantity = StringColumn.create("quantity");
        var value = DoubleColumn.create("value");
        var ci = DoubleColumn.create("ci95");
        for (var report : reports) {
            report.quantities().forEach((q, e) -> {
                policy.append(report.policy());
                quantity.append(q);
                value.append(e.value());
                ci.append(e.ci95());
            });
        }
        return Table.create(name, policy, quantity, value, ci);
    }

    /** One row per quantity, one column per policy, "value +- ci95": the notebook's side-by-side view. */
    public static Table compare(String name, List<Report> reports) {
        var table = Table.create(name, StringColumn.create("quantity", QUANTITIES));
        for (var report : reports) {
            var column = StringColumn.create(report.policy());
            for (var q : QUANTITIES) {
                var e = report.get(q);
                column.append(Double.isNaN(e.value()) ? "separated"
                        : String.format(java.util.Locale.ROOT, "%.3f ± %.3f", e.value(), e.ci95()));
            }
            table.addColumns(column);
        }
        return table;
    }
}
