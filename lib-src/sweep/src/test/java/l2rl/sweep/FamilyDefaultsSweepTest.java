package l2rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import l2rl.env.Tasks;

/**
 * A sweep on a family that declares training defaults (the eleven-armed task: 5 trials, 100,000 episodes, beta_e
 * annealed over half) trains with them unless a flag or the config file says otherwise, as {@code l2rl train} does.
 */
class FamilyDefaultsSweepTest {
    @TempDir
    Path tmp;

    @Test
    void withoutEpisodesTheConfigFileOrTheFamilyDecides() throws Exception {
        var config = tmp.resolve("short.properties");
        Files.writeString(config, "episodes = 40\nbatch = 4\n");  // a short run: the file's episodes, not 20,000
        var dir = tmp.resolve("sweep");
        var args = new ArrayList<>(List.of("sweep", "-e", Tasks.ELEVEN_ARMED, "-l", dir.toString(), "--runs", "1",
                "--seed", "3", "--master", "local[1]", "--config", config.toString()));
        args.addAll(SweepFixtures.LOOPBACK);
        var outcome = SweepFixtures.sweep(args);
        assertEquals(0, outcome.exitCode(), outcome.err());
        var identity = Files.readString(dir.resolve("sweep.properties"));
        for (var line : List.of("episodes = 40", "trials = 5", "rollout = 5", "betaEAnnealFraction = 0.5")) {
            assertTrue(identity.contains(line + "\n"), line + " not in:\n" + identity);
        }
        assertTrue(outcome.out().contains("1 runs, 40 training episodes each, T = 5"), outcome.out());
    }
}
