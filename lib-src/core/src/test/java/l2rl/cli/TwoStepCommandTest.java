package l2rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import l2rl.twostep.StayAnalysis;

/** {@code l2rl two-step}: its CSV, and bad input refused in one line with exit code 2. */
class TwoStepCommandTest {

    @Test
    void printsEveryQuantityOfAReferenceLearnerAsCsv() {
        var run = CliRun.of("two-step", "--policy", "model-based", "--episodes", "50", "--seed", "3", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        var lines = run.out().split("\n");
        assertEquals("policy,quantity,value,ci95", lines[0]);
        var quantities = Arrays.stream(lines).skip(1).map(l -> l.split(",")[1]).toList();
        assertEquals(StayAnalysis.QUANTITIES, quantities);
        assertTrue(Arrays.stream(lines).skip(1).allMatch(l -> l.startsWith("model-based,")), run.out());
        assertEquals(run.out(), CliRun.of("two-step", "--policy", "model-based", "--episodes", "50", "--seed", "3",
                "--format", "csv").out(), "the same seed, the same numbers");
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        for (var args : new String[][] {
            {"two-step"},
            {"two-step", "--policy", "model-free", "-l", "x"},
            {"two-step", "--policy", "gittins"},
            {"two-step", "--policy", "ideal-observer", "-e", "TwoStepDrift-v0"},
            {"two-step", "--policy", "model-free", "-e", "BanditTwoArmedDependentEasy-v0"},
            {"two-step", "--policy", "model-free", "-e", "TwoStep-v1"},
            {"two-step", "--policy", "model-free", "--episodes", "3"},
            {"two-step", "-l", "/nonexistent/run"}}) {
            var run = CliRun.of(args);
            assertEquals(UsageErrors.EXIT_CODE, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), String.join(" ", args) + ": " + run.err());
        }
    }
}
