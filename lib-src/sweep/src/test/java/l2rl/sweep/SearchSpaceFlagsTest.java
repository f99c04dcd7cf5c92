package l2rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code l2rl sweep --lr MIN:MAX --gamma MIN:MAX}: where the runs' settings are drawn from. */
class SearchSpaceFlagsTest {
    @TempDir
    Path tmp;

    private List<String> args(Path dir, int runs, String... extra) {
        var args = new ArrayList<>(SweepFixtures.args(dir, runs, "local[1]"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void everyRunIsDrawnFromTheRangesGivenAndTheSweepRemembersThem() throws Exception {
        var dir = tmp.resolve("sweep");
        var outcome = SweepFixtures.sweep(args(dir, 4, "--lr", "2e-3:3e-3", "--gamma", "0.8:0.85"));
        assertEquals(0, outcome.exitCode(), outcome.err());

        var rows = Files.readAllLines(dir.resolve("results.csv"));
        var header = List.of(rows.get(0).split(","));
        int lr = header.indexOf("lr");
        int gamma = header.indexOf("gamma");
        assertEquals(5, rows.size(), rows.toString());
        for (var row : rows.subList(1, rows.size())) {
            var cells = row.split(",");
            double l = Double.parseDouble(cells[lr]);
            double g = Double.parseDouble(cells[gamma]);
            assertTrue(l >= 2e-3 && l <= 3e-3, row);
            assertTrue(g >= 0.8 && g <= 0.85, row);
        }
        // The same seed over the paper's space draws other settings: the flags, not the seed, put runs in range.
        var paper = SweepFixtures.plan(4).runSpecs().stream().map(s -> s.trainConfig().learningRate()).toList();
        assertTrue(paper.stream().anyMatch(l -> l < 2e-3 || l > 3e-3), paper.toString());

        var identity = Files.readString(dir.resolve("sweep.properties"));
        assertTrue(identity.contains("sweep.learningRate = log-uniform [0.002, 0.003]"), identity);
        assertTrue(identity.contains("sweep.gamma = uniform [0.8, 0.85]"), identity);
        // sweep-table reads the ranges back, to say which space its row comes from
        assertEquals(new SearchSpace(2e-3, 3e-3, 0.8, 0.85), SweepTable.read(dir).space());

        // Resuming with another space would mix two sweeps in one table: refused.
        var other = SweepFixtures.sweep(args(dir, 4, "--lr", "1e-3:5e-3", "--gamma", "0.8:0.85"));
        assertEquals(2, other.exitCode(), other.out());
        assertTrue(other.err().contains("holds another sweep"), other.err());
    }

    @Test
    void aBadRangeNamesItsFlagAndTouchesNothing() {
        var cases = List.of(
                List.of("--lr", "1e-3", "--lr takes MIN:MAX"),
                List.of("--lr", "5e-3:1e-3", "--lr needs 0 < MIN <= MAX <= 1"),
                List.of("--lr", "0:1e-3", "--lr needs 0 < MIN <= MAX <= 1"),
                List.of("--lr", "a:b", "--lr takes MIN:MAX"),
                List.of("--gamma", "0.7:1.2", "--gamma needs 0 <= MIN <= MAX <= 1"),
                List.of("--gamma", "0.7:NaN", "--gamma takes MIN:MAX"));
        for (var c : cases) {
            var dir = tmp.resolve("bad");
            var outcome = SweepFixtures.sweep(args(dir, 2, c.get(0), c.get(1)));
            assertEquals(2, outcome.exitCode(), c.toString());
            assertTrue(outcome.err().contains(c.get(2)), c + ": " + outcome.err());
            assertFalse(Files.exists(dir), c + " created " + dir);
        }
    }
}
