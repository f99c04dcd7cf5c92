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
    void gittinsDiscountsGiveOneRowEachAndALowerDiscountExploresTooLittleOnIndependentArms() {
        var run = CliRun.of("baselines", "-e", "BanditTwoArmedIndependentUniform-v0", "--episodes", "2000",
                "--seed", "3", "--gittins-discount", "0.7,0.98", "--format", "csv");
        assertEquals(0, run.exitCode(), run.err());
        var regret = new java.util.LinkedHashMap<String, Double>();
        run.out().strip().lines().skip(1).forEach(line -> {
            var cells = line.split(",");
            regret.put(cells[0], Double.parseDouble(cells[1]));
        });
        assertEquals(List.of("random", "greedy", "epsilon-greedy", "ucb1", "thompson", "gittins-0.7", "gittins",
                "bayes-optimal"), List.copyOf(regret.keySet()));
        // Discounting at 0.7 values information over ~3 trials of a 100-trial episode: it commits too early, so it
        // loses to the nearly undiscounted index and to the exact finite-horizon optimum on the same episodes.
        assertTrue(regret.get("gittins-0.7") > regret.get("gittins") + 0.2, regret.toString());
        assertTrue(regret.get("gittins") >= regret.get("bayes-optimal") - 0.05, regret.toString());
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
                new Case(List.of("-e", "BanditTwoArmedDependentEasy-v0", "--gittins-discount", "1"),
                        "--gittins-discount must be between 0 and 1 (both excluded), got 1"),
                new Case(List.of("-e", "BanditTwoArmedDependentEasy-v0", "--gittins-discount", "0.8,x"),
                        "--gittins-discount"),
                new Case(List.of("-e", "BanditTenArmedGaussian-v0", "--gittins-discount", "0.8"),
                        "BanditTenArmedGaussian-v0 has no Gittins policy"),
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
