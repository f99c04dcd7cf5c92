package l2rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BaselinesCommandTest {
    @Test
    void csvHasTheExactHeaderAndOneRowPerPolicyInOrder() {
        var run = CliRun.of("baselines", "-e", "BanditTwoArmedDependentHard-v0", "--episodes", "50", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        var lines = run.out().strip().split("\\R");
        assertEquals("policy,regret_mean,regret_ci95,subopt_pulls_mean", lines[0]);
        var names = java.util.Arrays.stream(lines).skip(1).map(line -> line.split(",")[0]).toList();
        assertEquals(List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "gittins", "bayes-optimal"), names);
    }

    @Test
    void tenArmedTaskHasNoBayesOptimalRow() {
        var run = CliRun.of("baselines", "-e", "BanditTenArmedRandomFixed-v0", "--episodes", "20", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(!run.out().contains("bayes-optimal") && run.out().contains("gittins"));
    }

    @Test
    void badInputGivesOneLineAndExitCodeTwo() {
        record Case(List<String> args, String mustMention) {
        }
        for (var c : List.of(
                new Case(List.of("-e", "BanditTwoArmedDependantUniform-v0"), "BanditTwoArmedDependentUniform-v0"),
                new Case(List.of("-e", "BandittwoArmedDependentMedium-v0"), "did you mean BanditTwoArmedDependentMedium-v0"),
                new Case(List.of("-e", "BanditTwoArmedDependentEasy-v0", "-n", "0"), "-n/--trials must be between 1"),
                new Case(List.of("-e", "BanditTwoArmedDependentEasy-v0", "--episodes", "0"), "--episodes must be between 1"),
                new Case(List.of("-e", "BanditTwoArmedDependentEasy-v0", "--episodes", "ten"), "--episodes"),
                new Case(List.of("-e", "BanditTwoArmedDependentEasy-v0", "--format", "xml"), "--format"),
                new Case(List.of(), "-e"))) {
            var args = new java.util.ArrayList<>(List.of("baselines"));
            args.addAll(c.args());
            var run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), c.args().toString());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains(c.mustMention()), run.err());
            assertEquals("", run.out(), "nothing on stdout for bad input");
        }
    }
}
