package l2rl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import l2rl.env.TaskSet;
import l2rl.env.Tasks;
import l2rl.env.TwoStep;
import l2rl.train.Agents;
import l2rl.twostep.IdealObserver;
import l2rl.twostep.ModelBased;
import l2rl.twostep.ModelFree;
import l2rl.twostep.StayAnalysis;
import l2rl.twostep.TwoStepLearner;
import l2rl.twostep.TwoStepPlay;

/**
 * The two-step analysis (paper Fig. 5, notebook 09) of a trained agent or a reference learner: stay probabilities,
 * the logistic regression of stays on reward, transition and their interaction, and the same with Akam et al.'s
 * correct-choice regressor, each with its 95% interval, and the reward rate.
 */
@Command(name = "two-step", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The two-step task's stay analysis (paper 3.2) of an agent or a reference learner.")
public final class TwoStepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Exactly one: an agent or a reference learner. */
    static final class Who {
        @Option(names = {"-l", "--logdir"}, required = true, paramLabel = "LOGDIR", description = "run directory of a trained agent (it always samples its actions here)")
        Path logDir;

        @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "a reference learner: model-free, model-based or ideal-observer (TwoStep-v0 only)")
        String policy;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    @Option(names = {"-e", "--env"}, paramLabel = "ID", description = "a two-step task id (default: the agent's training task, else " + Tasks.TWO_STEP + ")")
    String taskId;

    @Option(names = {"-n", "--trials"}, paramLabel = "TRIALS", description = "trials (of 2 steps) per episode (default: the task's)")
    Integer trials;

    @Option(names = "--episodes", defaultValue = "1000", description = "episodes (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the tasks, the choices and the bootstrap (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        UsageErrors.requireInRange(spec, "--episodes", episodes, 10, 1_000_000);
        if (trials != null) {
            UsageErrors.requireInRange(spec, "-n/--trials", trials, 2, 50_000);
        }
        l2rl.agent.MetaRlAgent agent = null;
        String id = taskId;
        if (who.logDir != null) {
            try {
                var checkpoint = Agents.loadCheckpoint(who.logDir);
                agent = Agents.fromCheckpoint(checkpoint);
                id = id != null ? id : checkpoint.config().task();
            } catch (IOException | IllegalArgumentException e) {
                return fail(err, e.getMessage());
            }
        }
        id = id != null ? id : Tasks.TWO_STEP;
        if (!(UsageErrors.taskFamily(spec, id) instanceof TwoStep family)) {
            return fail(err, id + " is not a two-step task; use " + Tasks.TWO_STEP + ", " + Tasks.TWO_STEP_REVERSAL
                    + " or " + Tasks.TWO_STEP_DRIFT);
        }
        if (trials != null) {
            family = new TwoStep(family.kind(), trials);
        }
        if (agent != null && !agent.spec().fits(family)) {
            return fail(err, "the agent in " + who.logDir + " cannot read " + id + "'s tasks (its input is "
                    + agent.spec().layout() + ")");
        }
        var tasks = new TaskSet(family, seed, episodes);
        TwoStep.Trial[][] played;
        String name;
        if (agent != null) {
            played = TwoStepPlay.play(agent, tasks, seed);
            name = "agent";
        } else {
            var learner = learner(who.policy, family);
            if (learner == null) {
                return fail(err, "unknown --policy '" + who.policy + "'; allowed: model-free, model-based"
                        + (family.kind() == TwoStep.Kind.FIXED ? ", ideal-observer" : " (ideal-observer: "
                        + Tasks.TWO_STEP + " only)"));
            }
            played = TwoStepPlay.play(learner, tasks, seed);
            name = learner.name();
        }
        var report = StayAnalysis.of(name, played, seed);
        var title = String.format("two-step analysis of %s on %s (%d trials), %d episodes, seed %d%s",
                agent != null ? "the agent in " + who.logDir : name, id, family.trialsPerEpisode(), episodes, seed,
                report.separatedReplicates() > 0 ? "; " + report.separatedReplicates() + " of "
                        + StayAnalysis.REPLICATES + " bootstrap replicates separated" : "");
        format.print(StayAnalysis.table(title, List.of(report)), System.out);
        return 0;
    }

    /** The reference learner named {@code name} with its tuned settings, or null. */
    static TwoStepLearner learner(String name, TwoStep family) {
        return switch (name) {
            case "model-free" -> ModelFree.tuned(family);
            case "model-based" -> ModelBased.tuned(family);
            case "ideal-observer" -> family.kind() == TwoStep.Kind.FIXED ? new IdealObserver() : null;
            default -> null;
        };
    }

    private static int fail(PrintWriter err, String message) {
        err.println("l2rl two-step: " + message);
        err.flush();
        return UsageErrors.EXIT_CODE;
    }
}
