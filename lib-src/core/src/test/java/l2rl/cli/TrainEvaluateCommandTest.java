package l2rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainEvaluateCommandTest {
    @Test
    void trainThenEvaluatePrintsTheAgentBesideTheBaselines(@TempDir Path tmp) throws Exception {
        var config = tmp.resolve("tiny.properties");
        Files.writeString(config, "hidden = 8\nbatch = 8\ncheckpointEvery = 0\n");
        var logDir = tmp.resolve("run");
        var train = CliRun.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", logDir.toString(), "-w", "1", "-n", "10",
                "--episodes", "32", "--config", config.toString(), "--quiet", "-m");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.isRegularFile(logDir.resolve("config.properties")));
        assertTrue(Files.readString(logDir.resolve("config.properties")).contains("hidden = 8"));
        assertTrue(Files.readString(logDir.resolve("training-log.csv")).startsWith(
                "episodes,env_steps,mean_reward,mean_regret,policy_loss,value_loss,entropy,beta_e,learning_rate,wall_seconds"));

        var eval = CliRun.of("evaluate", "-e", "BanditTwoArmedDependentHard-v0", "-l", logDir.toString(), "--episodes", "20",
                "--format", "csv");
        assertEquals(0, eval.exitCode(), eval.err());
        var lines = eval.out().strip().split("\\R");
        assertEquals("policy,regret_mean,regret_ci95,subopt_pulls_mean", lines[0]);
        assertTrue(lines[1].startsWith("agent,"), lines[1]);
        assertTrue(eval.out().contains("thompson"));

        var again = CliRun.of("test", "-e", "BanditTwoArmedDependentHard-v0", "-l", logDir.toString(), "--episodes", "20",
                "--format", "csv", "--no-baselines");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(lines[1], again.out().strip().split("\\R")[1]);  // same tasks, same choices

        // training into a directory that holds a run needs --resume
        var twice = CliRun.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", logDir.toString(), "--quiet");
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("--resume"), twice.err());
    }

    @Test
    void aTaskTrainsWithTheTrainingDefaultsItsFamilyDeclaresUnlessTheUserSaysOtherwise(@TempDir Path tmp)
            throws Exception {
        // The eleven-armed task (paper 3.1.3) declares 5 trials; the independent arms declare nothing (T = 100).
        var own = tmp.resolve("own");
        var train = CliRun.of("train", "-e", "BanditElevenArmedWithIndex-v0", "-l", own.toString(), "-w", "1",
                "--episodes", "16", "--batch", "8", "--quiet");
        assertEquals(0, train.exitCode(), train.err());
        var config = Files.readString(own.resolve("config.properties"));
        assertTrue(config.contains("trials = 5"), config);
        assertTrue(config.contains("rollout = 5"), config);
        assertTrue(config.contains("betaEAnnealFraction = 0.5"), config);
        assertTrue(config.contains("episodes = 16"), "--episodes overrides the family's 100,000: " + config);
        assertEquals(100_000, l2rl.train.TrainConfig.forTask("BanditElevenArmedUninformative-v0").episodes());
        var flag = tmp.resolve("flag");
        train = CliRun.of("train", "-e", "BanditElevenArmedWithIndex-v0", "-l", flag.toString(), "-w", "1",
                "-n", "3", "--episodes", "16", "--batch", "8", "--quiet");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.readString(flag.resolve("config.properties")).contains("trials = 3"));
        assertEquals(l2rl.train.TrainConfig.defaults().with("task", "BanditTwoArmedIndependentUniform-v0"),
                l2rl.train.TrainConfig.forTask("BanditTwoArmedIndependentUniform-v0"));
    }

    @Test
    void badInputGivesOneLineAndExitCodeTwo(@TempDir Path tmp) throws Exception {
        var bogusConfig = tmp.resolve("bad.properties");
        Files.writeString(bogusConfig, "gamma = 2\n");
        var unknownKey = tmp.resolve("unknown.properties");
        Files.writeString(unknownKey, "lerningRate = 0.1\n");
        var engineTypo = tmp.resolve("engine.properties");
        Files.writeString(engineTypo, "engine = fusd\n");
        record Case(List<String> args, String mustMention) {
        }
        var dir = tmp.resolve("x").toString();
        for (var c : List.of(
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEsy-v0", "-l", dir), "BanditTwoArmedDependentEasy-v0"),
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir, "-w", "0"), "-w/--workers must be between 1"),
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir, "--episodes", "-5"), "--episodes must be between 1"),
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir, "--config", bogusConfig.toString()), "'gamma' must be in [0, 1]"),
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir, "--config", unknownKey.toString()), "unknown config key 'lerningRate'"),
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir, "--resume"), "no checkpoint"),
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir, "--fixed-task", "-m"), "contradict"),
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", bogusConfig.resolve("run").toString()), "cannot write LOGDIR"),
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", bogusConfig.toString()), "is a file, not a directory"),
                new Case(List.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir, "--config", engineTypo.toString()), "must be fused, fused-double or samediff"),
                new Case(List.of("evaluate", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir), "no run directory"),
                new Case(List.of("evaluate", "-e", "BanditTwoArmedDependentEasy-v0", "-l", tmp.toString()), "no checkpoint"),
                new Case(List.of("evaluate", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir, "--episodes", "0"), "--episodes must be between 1"),
                new Case(List.of("evaluate", "-e", "Nope-v0", "-l", dir), "unknown task id"))) {
            var r = CliRun.of(c.args().toArray(String[]::new));
            assertEquals(2, r.exitCode(), c.args() + " -> " + r.err());
            assertTrue(r.err().contains(c.mustMention()), c.args() + " -> " + r.err());
            assertEquals(1, r.err().strip().lines().count(), c.args() + " -> " + r.err());
        }
        assertTrue(!Files.exists(tmp.resolve("x")), "a refused command created its LOGDIR");
    }
}
