package l2rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import l2rl.train.TrainConfig;

/** `l2rl train` reads its flags' ranges, defaults and the keys' help off TrainConfig's table. */
class TrainCommandKeysTest {

    @Test
    void theHelpListsEveryConfigKeyAndEachFlagsDefaultIsTheTables() {
        var train = Main.commandLine().getSubcommands().get("train");
        var help = train.getUsageMessage();
        assertTrue(help.contains("Config keys, for --config FILE"), help);
        for (var key : TrainConfig.keys()) {
            assertTrue(help.contains("  " + key.name() + " = "), key.name() + " is not in the help:\n" + help);
        }
        // the flags' descriptions are annotations, so their defaults are written there: the same as the table's
        var defaults = TrainConfig.defaults();
        for (var flag : Map.of("--workers", defaults.workers(), "--trials", defaults.trials(), "--episodes",
                defaults.episodes(), "--batch", defaults.batch(), "--seed", defaults.seed()).entrySet()) {
            var description = String.join(" ", train.getCommandSpec().findOption(flag.getKey()).description());
            var stated = Pattern.compile("\\(default: ([0-9]+)\\)").matcher(description);
            assertTrue(stated.find(), flag.getKey() + ": " + description);
            assertEquals(flag.getValue().toString(), stated.group(1), flag.getKey());
        }
    }

    @Test
    void aFlagOutsideItsKeysRangeIsAUsageErrorNamingTheRange(@TempDir Path tmp) {
        var dir = tmp.resolve("x").toString();
        for (var c : List.of(
                List.of("-w", "65", "-w/--workers must be between 1 and 64, got 65"),
                List.of("-n", "100001", "-n/--trials must be between 1 and 100,000, got 100,001"),
                List.of("--episodes", "0", "--episodes must be between 1 and 1,000,000,000, got 0"),
                List.of("--batch", "4097", "--batch must be between 1 and 4,096, got 4,097"))) {
            var r = CliRun.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", dir, c.get(0), c.get(1));
            assertEquals(2, r.exitCode(), c + " -> " + r.err());
            assertTrue(r.err().contains(c.get(2)), c + " -> " + r.err());
        }
        assertTrue(!Files.exists(tmp.resolve("x")), "a refused command created its LOGDIR");
    }

    @Test
    void aRolloutThatIsNoNumberIsAUsageErrorWithTrials(@TempDir Path tmp) throws Exception {
        var config = tmp.resolve("bad.properties");
        Files.writeString(config, "rollout = five\n");
        var r = CliRun.of("train", "-e", "BanditTwoArmedDependentEasy-v0", "-l", tmp.resolve("x").toString(),
                "-n", "10", "--config", config.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("l2rl train: config key 'rollout' needs an integer, got 'five'", r.err().strip());
    }
}
