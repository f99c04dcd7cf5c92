package l2rl.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import l2rl.analysis.AgentTrace;
import l2rl.analysis.Controls;
import l2rl.analysis.Posterior;
import l2rl.analysis.ProbeReport;
import l2rl.analysis.Traces;
import l2rl.env.TaskSet;
import l2rl.train.Agents;
import l2rl.train.Checkpoint;

/**
 * Probes what a trained agent's LSTM state carries: plays held-out episodes, fits linear read-outs from its hidden
 * state to the exact Bayesian posterior, and compares its choices with the Bayes-optimal ones (notebook 05).
 */
@Command(name = "probe", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Decode the Bayesian posterior from an agent's LSTM state; compare its choices with the Bayes-optimal ones.")
public final class ProbeCommand implements Callable<Integer> {
    enum Network { trained, untrained, no_reward_input }

    @Spec
    CommandSpec spec;

    @Option(names = {"-e", "--env"}, required = true, paramLabel = "ID", description = "a two-armed task id with an exact posterior (independent uniform or dependent)")
    String taskId;

    @Option(names = {"-l", "--logdir"}, required = true, paramLabel = "LOGDIR", description = "run directory of a trained agent")
    Path logDir;

    @Option(names = "--network", defaultValue = "trained", paramLabel = "NETWORK",
            description = "trained, untrained (the run's initial weights) or no-reward-input (the same config without the reward input, trained in memory, one worker) (default: ${DEFAULT-VALUE})")
    String network;

    @Option(names = "--control-episodes", defaultValue = "" + Controls.NO_REWARD_EPISODES, description = "training episodes of the no-reward-input control (default: ${DEFAULT-VALUE})")
    int controlEpisodes;

    @Option(names = "--episodes", defaultValue = "1000", description = "episodes played (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--held-out", defaultValue = "300", description = "the last episodes, on which read-outs are tested (default: ${DEFAULT-VALUE})")
    int heldOut;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the tasks and choices (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var family = UsageErrors.taskFamily(spec, taskId);
        UsageErrors.requireInRange(spec, "--episodes", episodes, 10, 1_000_000);
        UsageErrors.requireInRange(spec, "--held-out", heldOut, 1, episodes - 5);
        UsageErrors.requireInRange(spec, "--control-episodes", controlEpisodes, 1, 10_000_000);
        Network which;
        try {
            which = Network.valueOf(network.replace('-', '_'));
        } catch (IllegalArgumentException e) {
            err.println("l2rl probe: unknown --network '" + network + "'; allowed: trained, untrained, no-reward-input");
            err.flush();
            return UsageErrors.EXIT_CODE;
        }
        if (!Posterior.exists(family)) {
            err.println("l2rl probe: no exact posterior for " + taskId + "; use " + String.join(", ", l2rl.env.Tasks.EXPERIMENTS));
            err.flush();
            return UsageErrors.EXIT_CODE;
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Agents.loadCheckpoint(logDir);
        } catch (IOException e) {
            err.println("l2rl probe: " + e.getMessage());
            err.flush();
            return UsageErrors.EXIT_CODE;
        }
        var config = checkpoint.config();
        if (config.agentSpec().arms() != 2) {
            err.println("l2rl probe: the agent in " + logDir + " chooses among " + config.agentSpec().arms() + " arms, not 2");
            err.flush();
            return UsageErrors.EXIT_CODE;
        }
        var agent = switch (which) {
            case trained -> Agents.fromCheckpoint(checkpoint);
            case untrained -> Controls.untrained(config);
            case no_reward_input -> Controls.noRewardInput(config, controlEpisodes);
        };
        int trials = config.trials();
        var tasks = new TaskSet(family, seed, episodes);
        AgentTrace trace = Traces.record(network, agent, tasks, trials, seed, Posterior.of(family, trials));
        var report = ProbeReport.of(trace, heldOut);
        var table = report.table().setName(String.format("%s network of %s on %s: %d episodes (read-outs tested on the last %d), seed %d",
                network, logDir, taskId, episodes, heldOut, seed));
        format.print(table, System.out);
        return 0;
    }
}
