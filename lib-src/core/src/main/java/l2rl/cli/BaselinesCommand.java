package l2rl.cli;

import java.util.Arrays;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import l2rl.baseline.Baselines;
import l2rl.baseline.GittinsIndex;
import l2rl.baseline.GittinsPolicy;
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

    @Option(names = "--gittins-discount", split = ",", paramLabel = "GAMMA",
            description = "discount of the Gittins index policy, in (0, 1); a comma-separated list gives one row per "
                    + "discount, named gittins-GAMMA (default: 0.98, the row named gittins). The Gittins policy of "
                    + "discount gamma is the optimal policy for the discounted objective an agent trained with that "
                    + "gamma maximises (independent arms)")
    double[] gittinsDiscounts = {GittinsIndex.DEFAULT_DISCOUNT};

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        var family = UsageErrors.taskFamily(spec, taskId);
        UsageErrors.requireInRange(spec, "-n/--trials", trials, 1, 10_000);
        UsageErrors.requireInRange(spec, "--episodes", episodes, 1, 10_000_000);
        for (double gamma : gittinsDiscounts) {
            UsageErrors.requireBetween(spec, "--gittins-discount", gamma, 0, 1);
        }
        var policies = Baselines.forFamily(family, trials, Arrays.stream(gittinsDiscounts).distinct().toArray());
        if (spec.commandLine().getParseResult().hasMatchedOption("--gittins-discount")
                && policies.stream().noneMatch(p -> p instanceof GittinsPolicy)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--gittins-discount: " + taskId
                    + " has no Gittins policy (its table needs rewards of 0 or 1)");
        }
        var tasks = new TaskSet(family, seed, episodes);
        var reports = Evaluation.run(policies, tasks, trials);
        var title = String.format("%s, T = %d, %d episodes, seed %d", taskId, trials, episodes, seed);
        format.print(ResultTables.regretTable(title, reports), System.out);
        return 0;
    }
}
