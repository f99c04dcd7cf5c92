package l2rl.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import l2rl.baseline.Baselines;
import l2rl.baseline.BayesOptimalIndependent;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.eval.Evaluation;
import l2rl.bench.TrainingBench;

/**
 * Throughput figures. The machine is shared and noisy, so each figure is printed with the load average and
 * meant to be compared as a ratio with figures of the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Print throughput figures with the machine's load.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--episodes", defaultValue = "2000", description = "episodes per baseline throughput run (default: ${DEFAULT-VALUE})")
    int episodes;

    @Override
    public Integer call() throws Exception {
        var out = System.out;
        out.printf("l2rl bench, %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), TrainingBench.load());
        benchBayesOptimalSolve(out, 100);
        benchBayesOptimalSolve(out, 200);
        benchBaselineEvaluation(out);
        TrainingBench.run(out);
        return 0;
    }

    private static void benchBayesOptimalSolve(PrintStream out, int trials) {
        BayesOptimalIndependent.solveUncached(Math.min(trials, 20)); // warm-up
        long start = System.nanoTime();
        var solution = BayesOptimalIndependent.solveUncached(trials);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("bayes-optimal DP, T = %d: %.3f s (expected regret %.4f), load %s%n", trials, seconds,
                solution.expectedRegret(), TrainingBench.load());
    }

    private void benchBaselineEvaluation(PrintStream out) {
        int trials = 100;
        var family = Tasks.family(Tasks.INDEPENDENT);
        var tasks = new TaskSet(family, 1, episodes);
        out.printf("baseline evaluation on %s, T = %d, %d episodes, all cores:%n", Tasks.INDEPENDENT, trials, episodes);
        for (var policy : Baselines.forFamily(family, trials)) {
            Evaluation.run(policy, new TaskSet(family, 2, episodes), trials); // warm-up: JIT and caches
            long start = System.nanoTime();
            Evaluation.run(policy, tasks, trials);
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("  %-16s %,12.0f episodes/s  (load %s)%n", policy.name(), episodes / seconds, TrainingBench.load());
        }
    }
}
