package l2rl.sweep;

import java.io.Serializable;

import l2rl.train.TrainConfig;

/**
 * Everything one run of the sweep needs, small and serializable so Spark can ship it to any executor.
 *
 * @param run            the run's index in the sweep, from 0
 * @param config         the full training config as a properties text (TrainConfig is not Serializable, and
 *                       the text is what the run directory would keep anyway)
 * @param evaluationSeed seed of the frozen evaluation episodes, the same for every run of a sweep
 */
public record RunSpec(int run, String config, long evaluationSeed) implements Serializable {
    public TrainConfig trainConfig() {
        return TrainConfig.parse(config);
    }
}
