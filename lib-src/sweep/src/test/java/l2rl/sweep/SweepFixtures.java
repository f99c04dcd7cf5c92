package l2rl.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import l2rl.env.Tasks;
import l2rl.train.TrainConfig;

/** Small sweeps for the tests: a few runs of a few hundred short episodes. */
final class SweepFixtures {
    static final String TASK = Tasks.DEPENDENT_EASY;
    static final int EPISODES = 200;
    static final int TRIALS = 20;
    static final long SEED = 11;

    /** Spark listens on loopback only in tests, whatever the host name resolves to. */
    static final List<String> LOOPBACK = List.of("--conf", "spark.driver.host=127.0.0.1",
            "--conf", "spark.driver.bindAddress=127.0.0.1");

    private SweepFixtures() {
    }

    /** The plan `l2rl sweep` makes from {@link #args}: built here independently, to check the command. */
    static SweepPlan plan(int runs) {
        return plan(runs, EPISODES);
    }

    static SweepPlan plan(int runs, int episodes) {
        var base = TrainConfig.defaults().with(Map.of("task", TASK, "workers", "1",
                "episodes", Integer.toString(episodes), "trials", Integer.toString(TRIALS),
                "rollout", Integer.toString(TRIALS)));
        return new SweepPlan(base, runs, SEED, SearchSpace.PAPER);
    }

    static List<String> args(Path dir, int runs, String master) {
        return args(dir, runs, master, EPISODES);
    }

    static List<String> args(Path dir, int runs, String master, int episodes) {
        var args = new ArrayList<>(List.of("sweep", "-e", TASK, "-l", dir.toString(), "--runs", Integer.toString(runs),
                "--episodes", Integer.toString(episodes), "-n", Integer.toString(TRIALS), "--seed", Long.toString(SEED),
                "--master", master));
        args.addAll(LOOPBACK);
        return args;
    }

    record Outcome(int exitCode, String out, String err) {
    }

    /** Runs the l2rl command line in this JVM. */
    static Outcome sweep(List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var cli = SweepCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args.toArray(String[]::new));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** results.csv without its wall_seconds column, which is the only one allowed to differ between runs. */
    static List<String> tableWithoutWallTimes(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("results.csv")).stream().map(SweepFixtures::withoutWallTime).toList();
    }

    /** The rows a table of {@code results} has, without wall times. */
    static List<String> rowsWithoutWallTimes(List<RunResult> results) {
        var rows = new ArrayList<String>(List.of(withoutWallTime(SweepDirectory.CSV_HEADER)));
        results.forEach(r -> rows.add(withoutWallTime(SweepDirectory.csvRow(r).strip())));
        return rows;
    }

    private static String withoutWallTime(String row) {
        var cells = new ArrayList<>(Arrays.asList(row.split(",", -1)));
        cells.remove(6);
        return String.join(",", cells);
    }
}
