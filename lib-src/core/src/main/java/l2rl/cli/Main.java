package l2rl.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code l2rl} command line: one subcommand per job. */
@Command(name = "l2rl", mixinStandardHelpOptions = true, version = "l2rl 0.1",
        description = "Learning to Reinforcement Learn (Wang et al. 2016): meta-RL on bandit tasks.",
        subcommands = {TasksCommand.class, BaselinesCommand.class, TrainCommand.class, EvaluateCommand.class,
                ProbeCommand.class, TwoStepCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = "%nSee `./l2rl help COMMAND` or `./l2rl COMMAND --help` for a command's options.")
public final class Main implements Runnable {

    /**
     * The commands the {@code ./l2rl} launcher runs itself (in bash, or in the sweep module's JVM, which keeps
     * Spark off the library's class path), each with its one line: listed with ours so that there is one help.
     * Their own --help is the launcher's.
     */
    static final Map<String, String> LAUNCHER_COMMANDS_FIRST = ordered(
            "notebook", "Serve the notebooks in Jupyter Notebook on 127.0.0.1 (prints the URL with its token).",
            "test", "Alone: run the whole test suite, ending with one line `total: N passed, M failed`. "
                    + "With arguments: evaluate.",
            "report", "Execute every notebook on a fresh kernel and write a write-up: HTML pages, figures as "
                    + "PNG, SVG and CSV, provenance.");
    static final Map<String, String> LAUNCHER_COMMANDS_LAST = ordered(
            "sweep", "The paper's hyperparameter protocol on Apache Spark: random (lr, gamma), top 5 of N runs.",
            "sweep-table", "The README's table of sweeps: the protocol's number with its 95%% interval, beside the "
                    + "baselines.",
            "kernelspec", "Install (or refresh) the Java kernelspec for Jupyter, running the kernel from this "
                    + "checkout.",
            "build", "Build the library now (otherwise it is built on first use and when sources change).",
            "classpath", "Print the library's class path, to compile a jar of your own task families against.");

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: usage errors print one line and exit with code 2. */
    public static CommandLine commandLine() {
        var cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler(Main::taskError);
        cli.setCaseInsensitiveEnumValuesAllowed(true);  // enum options are written lower-case: --actions greedy
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
        return cli;
    }

    /** Our commands between the launcher's, in one list formatted as picocli formats its own. */
    private static String commandList(Help help) {
        var commands = new LinkedHashMap<String, Help>();
        LAUNCHER_COMMANDS_FIRST.forEach((name, line) -> commands.put(name, launcherHelp(name, line, help)));
        commands.putAll(help.subcommands());
        // The sweep module's command line has sweep and sweep-table as real subcommands: theirs are listed then.
        LAUNCHER_COMMANDS_LAST.forEach((name, line) -> commands.putIfAbsent(name, launcherHelp(name, line, help)));
        return help.commandList(commands);
    }

    private static Help launcherHelp(String name, String line, Help parent) {
        var spec = CommandSpec.create().name(name);
        spec.usageMessage().description(line);
        return new Help(spec, parent.colorScheme());
    }

    private static Map<String, String> ordered(String... nameThenLine) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < nameThenLine.length; i += 2) {
            map.put(nameThenLine[i], nameThenLine[i + 1]);
        }
        return map;
    }

    /**
     * A task family that breaks the contract, or a registry that refuses an id, is the user's to fix, not a bug of
     * l2rl: one line saying which family and which rule, exit code 1. Anything else keeps its stack trace.
     */
    private static int taskError(Exception e, CommandLine cli, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof l2rl.env.TaskContractException || e instanceof l2rl.env.TaskRegistryException) {
            cli.getErr().println("l2rl " + cli.getCommandName() + ": " + e.getMessage());
            cli.getErr().flush();
            return 1;
        }
        throw e;
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
