package l2rl.analysis;

import java.util.function.ToDoubleFunction;

/**
 * How well a linear read-out of the LSTM's hidden state recovers a posterior quantity on episodes it was not
 * fitted on. The read-out is one ridge regression over all trials of the fitting episodes; its lambda is chosen
 * from {@link #LAMBDAS} on the last fifth of the fitting episodes, then it is refitted on all of them.
 *
 * @param quantity   what was decoded
 * @param lambda     the ridge penalty chosen
 * @param r2         held-out R^2 over every (episode, trial) of the held-out episodes
 * @param r2ByTrial  held-out R^2 at each trial t, across held-out episodes (NaN where the quantity does not vary,
 *                   e.g. at t = 0, before any evidence)
 * @param truth      the quantity on the held-out episodes, episode by episode, trial by trial
 * @param decoded    the read-out's values for the same rows
 * @param trials     T
 */
public record Decoding(String quantity, double lambda, double r2, double[] r2ByTrial, double[] truth,
        double[] decoded, int trials) {
    public static final double[] LAMBDAS = {1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3, 1e4};

    /**
     * Fits on the trace's episodes [0, fitEpisodes) and tests on [fitEpisodes, E). {@code quantity} is any
     * function of the posterior, e.g. {@code PosteriorState::mean0}.
     */
    public static Decoding of(AgentTrace trace, String name, ToDoubleFunction<PosteriorState> quantity,
            int fitEpisodes) {
        int episodes = trace.episodes();
        if (fitEpisodes < 5 || fitEpisodes >= episodes) {
            throw new IllegalArgumentException("fit on 5 or more episodes and hold some out: " + fitEpisodes + " of "
                    + episodes);
        }
        int tune = fitEpisodes - fitEpisodes / 5;
        var tuneGram = RidgeReadout.Gram.of(trace.hiddenRows(0, tune), trace.posteriorColumn(quantity, 0, tune));
        var validationX = trace.hiddenRows(tune, fitEpisodes);
        var validationY = trace.posteriorColumn(quantity, tune, fitEpisodes);
        double bestLambda = LAMBDAS[0];
        double bestR2 = Double.NEGATIVE_INFINITY;
        for (double lambda : LAMBDAS) {
            double r2 = RidgeReadout.r2(validationY, tuneGram.solve(lambda).predict(validationX));
            if (r2 > bestR2) {
                bestR2 = r2;
                bestLambda = lambda;
            }
        }
        var readout = RidgeReadout.fit(trace.hiddenRows(0, fitEpisodes), trace.posteriorColumn(quantity, 0, fitEpisodes),
                bestLambda);
        var truth = trace.posteriorColumn(quantity, fitEpisodes, episodes);
        var decoded = readout.predict(trace.hiddenRows(fitEpisodes, episodes));
        int trials = trace.trials();
        var byTrial = new double[trials];
        int held = episodes - fitEpisodes;
        for (int t = 0; t < trials; t++) {
            var y = new double[held];
            var yHat = new double[held];
            for (int e = 0; e < held; e++) {
                y[e] = truth[e * trials + t];
                yHat[e] = decoded[e * trials + t];
            }
            byTrial[t] = RidgeReadout.r2(y, yHat);
        }
        return new Decoding(name, bestLambda, RidgeReadout.r2(truth, decoded), byTrial, truth, decoded, trials);
    }

    /** Mean of the per-trial R^2 over trials [from, to), skipping NaN. */
    public double meanR2ByTrial(int from, int to) {
        double sum = 0;
        int n = 0;
        for (int t = from; t < to; t++) {
            if (!Double.isNaN(r2ByTrial[t])) {
                sum += r2ByTrial[t];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
    /**
     * Held-out R^2 of a read-out from only the first {@code components} principal components of the hidden state
     * (fitted on the fitting episodes): how few directions carry the quantity.
     */
    public static double r2FromComponents(AgentTrace trace, ToDoubleFunction<PosteriorState> quantity,
            int fitEpisodes, int components) {
        var fitRows = trace.hiddenRows(0, fitEpisodes);
        var pca = Pca.fit(fitRows);
        var readout = RidgeReadout.fit(project(pca, fitRows, components),
                trace.posteriorColumn(quantity, 0, fitEpisodes), LAMBDAS[0]);
        var heldOut = project(pca, trace.hiddenRows(fitEpisodes, trace.episodes()), components);
        return RidgeReadout.r2(trace.posteriorColumn(quantity, fitEpisodes, trace.episodes()), readout.predict(heldOut));
    }

    private static double[][] project(Pca pca, double[][] rows, int components) {
        var out = new double[rows.length][components];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < components; k++) {
                out[i][k] = pca.project(rows[i], k);
            }
        }
        return out;
    }
}
