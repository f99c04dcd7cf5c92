package l2rl.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import l2rl.env.Seeds;
import l2rl.train.TrainConfig;

/**
 * The paper's reporting protocol as a list of runs: run i trains with {@code base} except for a learning rate
 * and discount drawn from {@code space} and its own seed, all derived from the sweep's root seed and i alone.
 * So run i is the same run whichever job, executor or attempt computes it, and a longer sweep extends a
 * shorter one with the same seed.
 *
 * @param base  every other hyperparameter (episodes, trials, task, ...)
 * @param runs  how many settings; the paper's 100
 * @param seed  the sweep's root seed
 * @param space where learning rates and discounts are drawn from
 */
public record SweepPlan(TrainConfig base, int runs, long seed, SearchSpace space) {
    /** The config keys each run sets for itself. */
    private static final List<String> PER_RUN_KEYS = List.of(TrainConfig.LEARNING_RATE.name(),
            TrainConfig.GAMMA.name(), TrainConfig.SEED.name());

    public SweepPlan {
        if (runs < 1) {
            throw new IllegalArgumentException("a sweep needs at least one run, got " + runs);
        }
    }

    public List<RunSpec> runSpecs() {
        return IntStream.range(0, runs).mapToObj(this::runSpec).toList();
    }

    public RunSpec runSpec(int run) {
        var setting = space.sample(Seeds.rng(seed, "sweep-setting", run));
        var config = base.with(TrainConfig.LEARNING_RATE, setting.learningRate())
                .with(TrainConfig.GAMMA, setting.gamma())
                .with(TrainConfig.SEED, Seeds.derive(seed, "sweep-run", run));
        return new RunSpec(run, config.toProperties(), evaluationSeed());
    }

    /**
     * One evaluation set for all runs, so the top 5 are compared on identical episodes; its stream is
     * distinct from every run's training streams (those hang off the run seeds).
     */
    public long evaluationSeed() {
        return Seeds.derive(seed, "sweep-evaluation", 0);
    }

    /**
     * What makes two sweeps the same sweep, for resuming: everything but the number of runs (more runs extend
     * a sweep). The per-run keys of the base config are left out, as the runs override them.
     */
    public Map<String, String> identity() {
        var id = new LinkedHashMap<String, String>();
        id.put("sweep.seed", Long.toString(seed));
        id.putAll(space.identity());
        id.put("sweep.evaluationEpisodes", Integer.toString(Run.EVALUATION_EPISODES));
        base.toMap().forEach((key, value) -> {
            if (!PER_RUN_KEYS.contains(key)) {
                id.put(key, value);
            }
        });
        return id;
    }
}
