package l2rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import l2rl.env.TaskSet;
import l2rl.env.Tasks;

/**
 * Today's outputs, pinned byte for byte before the open-task refactor: the same seed must give the same tasks and
 * reward streams, so every baseline's number on every family, and every shipped agent's, is unchanged to the last
 * printed digit. Each case is one file under src/test/resources/golden whose first line is the command that made
 * it; {@code -Dgolden.write=true} rewrites the files from the code as it is (see the folder's README).
 */
class GoldenOutputTest {
    private static final boolean WRITE = Boolean.getBoolean("golden.write");
    private static final Path ROOT = repositoryRoot();
    private static final Path GOLDEN = ROOT.resolve("lib-src/core/src/test/resources/golden");

    private static final long[] BASELINE_SEEDS = {7, 99, 20261204};
    private static final int BASELINE_EPISODES = 300;
    private static final long[] EVALUATION_SEEDS = {7, 99};
    private static final int EVALUATION_EPISODES = 200;
    private static final long[] STREAM_SEEDS = {7, 20261204};
    private static final int STREAM_EPISODES = 3;
    private static final int STREAM_PULLS = 20;

    /** The shipped agent of each experiment family (data/agents/NAME), in the paper's order. */
    private static final List<String> AGENTS = List.of("independent", "dependent-uniform", "easy", "medium", "hard");

    /** One golden file: its name, the command it records (its first line) and how to produce its output now. */
    record Golden(String file, String command, Supplier<String> output) {
        String expected() {
            return "# " + command + "\n" + output.get();
        }
    }

    @TestFactory
    Stream<DynamicTest> outputsAreAsPinned() {
        return cases().stream().map(golden -> DynamicTest.dynamicTest(golden.file(), () -> check(golden)));
    }

    /** A golden file no case makes any more would pass unnoticed, so the folder must hold exactly the cases. */
    @Test
    void theFolderHoldsExactlyTheCases() throws IOException {
        if (WRITE) {
            return;
        }
        try (var files = Files.list(GOLDEN)) {
            var onDisk = files.map(f -> f.getFileName().toString()).filter(name -> !name.equals("README.md"))
                    .collect(Collectors.toCollection(TreeSet::new));
            var made = cases().stream().map(Golden::file).collect(Collectors.toCollection(TreeSet::new));
            var stale = new TreeSet<>(onDisk);
            stale.removeAll(made);
            made.removeAll(onDisk);
            assertTrue(stale.isEmpty() && made.isEmpty(), "in " + GOLDEN + ": no case makes " + stale
                    + "; no file for " + made);
        }
    }

    static List<Golden> cases() {
        var cases = new ArrayList<Golden>();
        for (var id : Tasks.ids()) {
            for (long seed : BASELINE_SEEDS) {
                cases.add(baselines(id, seed));
            }
        }
        // A horizon other than the default reaches the policies that plan for T (bayes-optimal, Gittins' table);
        // baselines' default is T = 100 on every family, so the eleven-armed task also runs at its own T = 5.
        cases.add(baselines(Tasks.INDEPENDENT, 7, "-n", "20"));
        cases.add(baselines("BanditElevenArmedWithIndex-v0", 7, "-n", "5"));
        cases.add(baselines(Tasks.INDEPENDENT, 7, "--gittins-discount", "0.8,0.9"));

        for (int i = 0; i < AGENTS.size(); i++) {
            var own = Tasks.EXPERIMENTS.get(i);
            for (long seed : EVALUATION_SEEDS) {
                cases.add(evaluate(AGENTS.get(i), own, seed));
            }
            // Each agent on a two-armed family it was not trained on (the next one in the paper's order).
            cases.add(evaluate(AGENTS.get(i), Tasks.EXPERIMENTS.get((i + 1) % AGENTS.size()), 7));
        }
        // The independent agent samples by default (validated), so greedy changes its row.
        cases.add(evaluate("independent", Tasks.INDEPENDENT, 7, "--actions", "greedy"));
        cases.add(evaluate("hard", Tasks.DEPENDENT_HARD, 7, "--no-baselines"));
        // The eleven-armed agent (paper 3.1.3) on its task and on the uninformative control.
        cases.add(evaluate("eleven-armed", Tasks.ELEVEN_ARMED, 7));
        cases.add(evaluate("eleven-armed", Tasks.ELEVEN_ARMED_UNINFORMATIVE, 7));

        for (var id : Tasks.ids()) {
            for (long seed : STREAM_SEEDS) {
                cases.add(streams(id, seed));
            }
        }
        return cases;
    }

    private static Golden baselines(String id, long seed, String... options) {
        var args = new ArrayList<>(List.of("baselines", "-e", id));
        args.addAll(List.of(options));
        args.addAll(List.of("--episodes", "" + BASELINE_EPISODES, "--seed", "" + seed, "--format", "csv"));
        return new Golden("baselines-" + id + "-seed" + seed + suffix(options) + ".csv",
                "l2rl " + String.join(" ", args), () -> run(args));
    }

    /**
     * {@code evaluate} of the shipped agent data/agents/NAME. The CSV holds no title, so no path reaches the
     * output; the agent's directory is still passed relative to the working directory (../../data/agents/NAME
     * under surefire), the same in any clone, and the file records it as run from the repository root.
     */
    private static Golden evaluate(String agent, String id, long seed, String... options) {
        var logDir = Path.of("").toAbsolutePath().relativize(ROOT.resolve("data/agents").resolve(agent)).toString();
        var args = new ArrayList<>(List.of("evaluate", "-e", id, "-l", logDir, "--episodes", "" + EVALUATION_EPISODES,
                "--seed", "" + seed));
        args.addAll(List.of(options));
        args.addAll(List.of("--format", "csv"));
        var file = "evaluate-" + agent + "-on-" + id + "-seed" + seed + suffix(options) + ".csv";
        var command = String.join(" ", args).replace(logDir, "data/agents/" + agent);
        return new Golden(file, "l2rl " + command, () -> run(args));
    }

    /** A file name's part for the options beyond episodes and seed: "-n 20" gives "-n20", "--actions greedy" "-greedy". */
    private static String suffix(String... options) {
        return Arrays.stream(options).map(o -> o.replace("--actions", "-").replace("--gittins-discount", "-gittins")
                .replace("--", "-").replace(",", "-")).collect(Collectors.joining(""));
    }

    private static String run(List<String> args) {
        var run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), () -> String.join(" ", args) + ": " + run.err());
        return run.out();
    }

    /**
     * The raw tasks of a TaskSet: each episode's true means, then each arm's first pulls, at full precision
     * (Double.toString), so a change in how streams are split shows even where a CSV's four decimals would not.
     * Pulls are arm after arm on one bandit: with one stream per arm that is what any policy order sees.
     */
    private static Golden streams(String id, long seed) {
        var command = "TaskSet(Tasks.family(\"" + id + "\"), " + seed + ", " + STREAM_EPISODES + "): per episode "
                + "its means(), then " + STREAM_PULLS + " pull(arm) of each arm in turn (GoldenOutputTest.streams)";
        return new Golden("streams-" + id + "-seed" + seed + ".txt", command, () -> {
            var tasks = new TaskSet(Tasks.family(id), seed, STREAM_EPISODES);
            var out = new StringBuilder();
            for (int e = 0; e < STREAM_EPISODES; e++) {
                var bandit = tasks.bandit(e);
                // a trial of several steps (the two-step task) has no means to tell
                out.append("episode ").append(e).append(" means ").append(bandit.family().perStepRegret()
                        ? joined(bandit.means()) : "none").append('\n');
                for (int arm = 0; arm < bandit.arms(); arm++) {
                    int a = arm;
                    var pulls = IntStream.range(0, STREAM_PULLS).mapToDouble(i -> bandit.pull(a)).toArray();
                    out.append("episode ").append(e).append(" arm ").append(arm).append(" pulls ")
                            .append(joined(pulls)).append('\n');
                }
            }
            return out.toString();
        });
    }

    private static String joined(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static void check(Golden golden) throws IOException {
        var file = GOLDEN.resolve(golden.file());
        var actual = golden.expected();
        if (WRITE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + " (write it deliberately with -Dgolden.write=true, see its README)");
        }
        var expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(firstDifference(file, expected, actual));
        }
    }

    private static String firstDifference(Path file, String expected, String actual) {
        var want = expected.split("\n", -1);
        var got = actual.split("\n", -1);
        int line = 0;
        while (line < want.length && line < got.length && want[line].equals(got[line])) {
            line++;
        }
        return String.format("%s differs at line %d:%n  expected: %s%n  actual:   %s", file, line + 1,
                line < want.length ? want[line] : "(end of file)", line < got.length ? got[line] : "(end of output)");
    }

    /** Surefire runs in the module directory, an IDE may run in the root: walk up to the directory holding data/. */
    private static Path repositoryRoot() {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/agents")) && Files.isDirectory(dir.resolve("lib-src/core"))) {
                return dir;
            }
        }
        throw new UncheckedIOException(new IOException("no repository root (data/agents, lib-src/core) above "
                + Path.of("").toAbsolutePath()));
    }
}
