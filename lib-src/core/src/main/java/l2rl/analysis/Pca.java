package l2rl.analysis;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.StorelessCovariance;

/**
 * Principal components of a cloud of vectors (e.g. LSTM hidden states): Apache Commons Math's covariance and its
 * symmetric eigendecomposition, components in order of the variance they explain.
 *
 * @param mean       the mean vector
 * @param components components[k] is the k-th principal direction (unit length)
 * @param variances  the variance along each direction, descending
 */
public record Pca(double[] mean, double[][] components, double[] variances) {

    public static Pca fit(double[][] rows) {
        int p = rows[0].length;
        var covariance = new StorelessCovariance(p);
        var mean = new double[p];
        for (var row : rows) {
            covariance.increment(row);
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= rows.length;
        }
        var eigen = new EigenDecomposition(covariance.getCovarianceMatrix());
        var values = eigen.getRealEigenvalues();
        var order = java.util.stream.IntStream.range(0, p).boxed()
                .sorted((a, b) -> Double.compare(values[b], values[a])).mapToInt(Integer::intValue).toArray();
        var components = new double[p][];
        var variances = new double[p];
        for (int k = 0; k < p; k++) {
            components[k] = eigen.getEigenvector(order[k]).toArray();
            variances[k] = Math.max(0, values[order[k]]);
        }
        return new Pca(mean, components, variances);
    }

    /** The fraction of the total variance along component k. */
    public double explained(int k) {
        double total = 0;
        for (double v : variances) {
            total += v;
        }
        return variances[k] / total;
    }

    /** The coordinate of {@code x} along component k. */
    public double project(double[] x, int k) {
        double z = 0;
        for (int j = 0; j < x.length; j++) {
            z += (x[j] - mean[j]) * components[k][j];
        }
        return z;
    }

    /** Coordinates of every row along component k. */
    public double[] project(double[][] rows, int k) {
        var out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = project(rows[i], k);
        }
        return out;
    }
}
