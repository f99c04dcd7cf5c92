package l2rl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code l2rl} command line: one subcommand per job. */
@Command(name = "l2rl", mixinStandardHelpOptions = true, version = "l2rl 0.1",
        description = "Learning to Reinforcement Learn (Wang et al. 2016): meta-RL on bandit tasks.",
        subcommands = {BaselinesCommand.class, BenchCommand.class, TasksCommand.class, TrainCommand.class,
                EvaluateCommand.class, ProbeCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: usage errors print one line and exit with code 2. */
    public static CommandLine commandLine() {
        var cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);  // enum options are written lower-case: --actions greedy
        return cli;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        var cli = e.getCommandLine();
        cli.getErr().println("l2rl " + cli.getCommandName() + ": " + e.getMessage()
                + (e.getMessage().endsWith(".") ? "" : ".") + " See: l2rl " + cli.getCommandName() + " --help");
        return UsageErrors.EXIT_CODE;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
