package l2rl.sweep;

import java.io.Serializable;

/**
 * One run's row of the results table: its setting, its evaluation regret on the two halves of the frozen
 * episodes (the paper selects on the first and reports the second), and whether it finished.
 *
 * @param regretFirstHalf  mean R_T over evaluation episodes 1-150; NaN for a failed run
 * @param regretSecondHalf mean R_T over evaluation episodes 151-300; NaN for a failed run
 * @param wallSeconds      training plus evaluation, as measured by the task; NaN for a failed run
 * @param error            why a failed run failed (Spark's last attempt); empty when ok
 */
public record RunResult(int run, double learningRate, double gamma, long seed, double regretFirstHalf,
        double regretSecondHalf, double wallSeconds, Status status, String error) implements Serializable {

    public enum Status { ok, failed }

    public static RunResult failed(RunSpec spec, String error) {
        var config = spec.trainConfig();
        return new RunResult(spec.run(), config.learningRate(), config.gamma(), config.seed(), Double.NaN,
                Double.NaN, Double.NaN, Status.failed, error);
    }

    public boolean ok() {
        return status == Status.ok;
    }
}
