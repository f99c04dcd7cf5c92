package l2rl.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import l2rl.agent.MetaRlAgent;
import l2rl.baseline.Baselines;
import l2rl.env.TaskSet;
import l2rl.eval.Evaluation;
import l2rl.eval.RegretReport;
import l2rl.eval.ResultTables;
import l2rl.train.Agents;
import l2rl.train.Checkpoint;

/**
 * Loads the newest checkpoint of a run directory and plays frozen episodes on any task family; prints the
 * agent's row (named {@code agent}) beside the baselines' rows on the same tasks.
 */
@Command(name = "evaluate", aliases = "test", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a trained agent (frozen weights) beside the baselines on the same tasks.")
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ID", description = "task id to test on (may differ from the training task)")
    String taskId;

    @Option(names = {"-l", "--logdir"}, required = true, paramLabel = "LOGDIR", description = "run directory of a trained agent")
    Path logDir;

    @Option(names = {"-n", "--trials"}, paramLabel = "TRIALS", description = "trials per episode (default: the agent's training T)")
    Integer trials;

    @Option(names = "--episodes", defaultValue = "300", description = "evaluation episodes (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the evaluation tasks and choices; a different stream from training's (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--batch", defaultValue = "100", description = "episodes played side by side (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--actions", paramLabel = "RULE",
            description = "how the agent picks its arm: sample (from its policy, as trained and as in the paper) or "
                    + "greedy (its most probable arm) (default: the agent's own, its config key `actions`: by default "
                    + "the one of lower regret on validation episodes of its training task)")
    MetaRlAgent.ActionRule actions;

    @Option(names = "--no-baselines", description = "print only the agent's row")
    boolean noBaselines;

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var family = UsageErrors.taskFamily(spec, taskId);
        UsageErrors.requireInRange(spec, "--episodes", episodes, 1, 10_000_000);
        UsageErrors.requireInRange(spec, "--batch", batch, 1, 4096);
        if (trials != null) {
            UsageErrors.requireInRange(spec, "-n/--trials", trials, 1, 100_000);
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Agents.loadCheckpoint(logDir);
        } catch (IOException e) {
            err.println("l2rl evaluate: " + e.getMessage());
            err.flush();
            return UsageErrors.EXIT_CODE;
        }
        MetaRlAgent agent;
        try {
            agent = Agents.fromCheckpoint(checkpoint);
        } catch (IllegalArgumentException e) {
            // its own training family no longer gives the input its weights read (the family changed)
            err.println("l2rl evaluate: the agent in " + logDir + " cannot act on its training task "
                    + checkpoint.config().task() + ": " + e.getMessage());
            err.flush();
            return UsageErrors.EXIT_CODE;
        }
        if (agent.spec().arms() != family.arms()) {
            err.println("l2rl evaluate: the agent in " + logDir + " chooses among " + agent.spec().arms()
                    + " arms; " + taskId + " has " + family.arms());
            err.flush();
            return UsageErrors.EXIT_CODE;
        }
        if (!agent.spec().fits(family)) {
            err.println("l2rl evaluate: the agent in " + logDir + " cannot read " + taskId + "'s tasks: "
                    + agentMismatch(agent, family));
            err.flush();
            return UsageErrors.EXIT_CODE;
        }
        int t = trials != null ? trials : agent.spec().trials();
        var tasks = new TaskSet(family, seed, episodes);
        var reports = new ArrayList<RegretReport>();
        var rule = actions == null ? agent.actionRule() : actions;
        var played = agent.playEpisodes(tasks, t, seed, batch, rule);
        reports.add(RegretReport.ofRegrets("agent", played.regrets(), played.rewards()));
        if (!noBaselines) {
            reports.addAll(Evaluation.run(Baselines.forFamily(family, t), tasks, t));
        }
        var title = String.format("agent %s (trained on %s, %d episodes%s) tested on %s, T = %d, %d episodes, seed %d",
                logDir, checkpoint.config().task(), checkpoint.episodes(),
                actionsNote(checkpoint, agent), taskId, t, episodes, seed);
        format.print(ResultTables.regretTable(title, reports), System.out);
        return 0;
    }

    private String agentMismatch(MetaRlAgent agent, l2rl.env.TaskFamily family) {
        try {
            agent.spec().requireFits(family, taskId);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private String actionsNote(Checkpoint checkpoint, MetaRlAgent agent) {
        if (actions != null) {
            return ", actions: " + actions.name().toLowerCase(java.util.Locale.ROOT) + " (--actions)";
        }
        var rule = agent.actionRule().name().toLowerCase(java.util.Locale.ROOT);
        return checkpoint.config().actions() == l2rl.train.TrainConfig.ActionChoice.VALIDATED
                ? ", actions: " + rule + " (chosen on validation episodes)" : ", actions: " + rule;
    }
}
