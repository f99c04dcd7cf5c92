package l2rl.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;

import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.RegretReport;
import l2rl.train.Agents;

/** One run of the protocol: train an agent, freeze it, and measure its regret on the held-out episodes. */
public final class Run {
    /** The paper's 300 evaluation episodes: the top runs are chosen on the first half, reported on the second. */
    public static final int EVALUATION_EPISODES = 300;
    public static final int SELECTION_EPISODES = 150;

    /** Evaluation episodes played side by side; results do not depend on it (MetaRlAgent#predict). */
    private static final int EVALUATION_BATCH = 100;

    private Run() {
    }

    public static RunOutcome trainAndEvaluate(RunSpec spec) {
        long start = System.nanoTime();
        var config = spec.trainConfig();
        try {
            // In memory: the weights go back to the driver, so executors need not share a file system.
            var agent = Agents.learn(config, null);
            var tasks = new TaskSet(Tasks.family(config.task()), spec.evaluationSeed(), EVALUATION_EPISODES);
            var arms = agent.predict(tasks, config.trials(), spec.evaluationSeed(), EVALUATION_BATCH);
            var report = RegretReport.of("run " + spec.run(), tasks, config.trials(), arms);
            double selection = report.episodes(0, SELECTION_EPISODES).regretMean();
            double reported = report.episodes(SELECTION_EPISODES, EVALUATION_EPISODES).regretMean();
            var result = new RunResult(spec.run(), config.learningRate(), config.gamma(), config.seed(), selection,
                    reported, (System.nanoTime() - start) / 1e9, RunResult.Status.ok, "");
            return new RunOutcome(result, agent.parameters());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
