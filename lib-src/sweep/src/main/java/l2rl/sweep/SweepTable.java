package l2rl.sweep;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import l2rl.baseline.Baselines;
import l2rl.env.Seeds;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.Evaluation;
import l2rl.eval.RegretReport;
import l2rl.train.Agents;

/**
 * A finished (or partly finished) sweep read back from its directory and set beside the baselines on its own
 * evaluation episodes 151-300: the row of the README's table for one task family.
 *
 * <p>The protocol's number is recomputed, not copied: the top 5 agents (chosen on episodes 1-150) play the
 * evaluation episodes again, must reproduce their recorded regret exactly, and their per-episode mean gives
 * the 95% interval (over the 150 reported episodes, the five runs fixed).
 *
 * @param task               the task id the sweep trained and evaluated on
 * @param finishedRuns       runs recorded as finished
 * @param protocolRegret     mean R_T of the top 5 on episodes 151-300 (the paper's reported number)
 * @param protocolCi95       half-width of its 95% Student-t interval over those 150 episodes
 * @param topRun             the best run by the selection half (the protocol's top 1), reported on 151-300
 * @param beatThompson       finished runs whose regret on 151-300 is below Thompson sampling's on the same episodes
 * @param baselines          thompson, gittins, bayes-optimal (those offered for the family) on episodes 151-300
 * @param space              where the sweep drew its runs' learning rates and discounts
 */
public record SweepTable(String task, int finishedRuns, double protocolRegret,
        double protocolCi95, RunResult topRun, int beatThompson, List<RegretReport> baselines, SearchSpace space) {

    static final List<String> BASELINES = List.of("thompson", "gittins", "bayes-optimal");

    public static SweepTable read(Path sweepDir) throws IOException {
        return read(sweepDir, Integer.MAX_VALUE);
    }

    /**
     * As {@link #read(Path)}, over runs 0 .. {@code runs - 1} only: a sweep still running gives the same table
     * for the same prefix of runs however many more have finished since.
     */
    public static SweepTable read(Path sweepDir, int runs) throws IOException {
        var directory = new SweepDirectory(sweepDir);
        var properties = properties(sweepDir.resolve("sweep.properties"));
        var task = properties.getProperty("task");
        int trials = Integer.parseInt(properties.getProperty("trials"));
        long evaluationSeed = Seeds.derive(Long.parseLong(properties.getProperty("sweep.seed")), "sweep-evaluation", 0);
        var results = new ArrayList<>(directory.recorded().values().stream().filter(r -> r.run() < runs).toList());
        var finished = results.stream().filter(RunResult::ok).toList();
        if (finished.isEmpty()) {
            throw new IOException(sweepDir + " has no finished run yet");
        }
        var top = TopRuns.choose(results, TopRuns.PAPER_K);

        var tasks = new TaskSet(Tasks.family(task), evaluationSeed, Run.EVALUATION_EPISODES);
        var reportedEpisodes = Run.EVALUATION_EPISODES - Run.SELECTION_EPISODES;
        var topMean = new double[reportedEpisodes];
        for (var run : top.chosen()) {
            var agent = Agents.load(directory.agent(run.run()));
            var replay = RegretReport.of("run " + run.run(), tasks, trials, agent.predict(tasks, trials,
                    evaluationSeed, 100)).episodes(Run.SELECTION_EPISODES, Run.EVALUATION_EPISODES);
            if (replay.regretMean() != run.regretSecondHalf()) {
                throw new IOException("the agent of run " + run.run() + " in " + sweepDir + " plays to regret "
                        + replay.regretMean() + ", its record says " + run.regretSecondHalf()
                        + ": the agent files do not belong to these records");
            }
            var perEpisode = replay.episodeRegret();
            for (int e = 0; e < reportedEpisodes; e++) {
                topMean[e] += perEpisode[e] / top.chosen().size();
            }
        }
        var baselines = Evaluation.run(Baselines.forFamily(Tasks.family(task), trials).stream()
                .filter(p -> BASELINES.contains(p.name())).toList(), tasks, trials).stream()
                .map(r -> r.episodes(Run.SELECTION_EPISODES, Run.EVALUATION_EPISODES))
                .sorted(Comparator.comparingInt(r -> BASELINES.indexOf(r.policy())))
                .toList();
        double thompson = baselines.stream().filter(r -> r.policy().equals("thompson")).findFirst()
                .map(RegretReport::regretMean).orElse(Double.NaN);
        int beat = (int) finished.stream().filter(r -> r.regretSecondHalf() < thompson).count();
        return new SweepTable(task, finished.size(), RegretReport.mean(topMean),
                RegretReport.ci95(topMean), top.chosen().get(0), beat, baselines, space(properties));
    }

    /** The ranges as sweep.properties records them. */
    private static SearchSpace space(Properties properties) throws IOException {
        try {
            return SearchSpace.of(properties);
        } catch (IllegalArgumentException e) {
            throw new IOException("sweep.properties: " + e.getMessage());
        }
    }

    public double baseline(String policy) {
        return baselines.stream().filter(r -> r.policy().equals(policy)).findFirst()
                .map(RegretReport::regretMean).orElse(Double.NaN);
    }

    private static Properties properties(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no sweep in " + file.getParent() + " (no sweep.properties)");
        }
        var p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        return p;
    }
}
