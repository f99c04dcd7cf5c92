package l2rl.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import l2rl.baseline.Baselines;
import l2rl.env.TaskSet;
import l2rl.eval.Evaluation;
import l2rl.eval.ResultTables;

/** Runs every baseline on the same episodes of one task family and prints one row per policy. */
@Command(name = "baselines", mixinStandardHelpOptions = true,
        description = "Evaluate the baseline bandit algorithms on a task family (same tasks for every policy).")
final class BaselinesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ID", description = "task id, e.g. BanditTwoArmedIndependentUniform-v0 (see `l2rl tasks`)")
    String taskId;

    @Option(names = {"-n", "--trials"}, paramLabel = "TRIALS", defaultValue = "100", description = "trials per episode, T (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--episodes", defaultValue = "10000", description = "evaluation episodes (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--seed", defaultValue = "1", description = "root seed of the tasks and the policies' choices (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        var family = UsageErrors.taskFamily(spec, taskId);
        UsageErrors.requireInRange(spec, "-n/--trials", trials, 1, 10_000);
        UsageErrors.requireInRange(spec, "--episodes", episodes, 1, 10_000_000);
        var tasks = new TaskSet(family, seed, episodes);
        var reports = Evaluation.run(Baselines.forFamily(family, trials), tasks, trials);
        var title = String.format("%s, T = %d, %d episodes, seed %d", taskId, trials, episodes, seed);
        format.print(ResultTables.regretTable(title, reports), System.out);
        return 0;
    }
}
