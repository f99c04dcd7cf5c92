package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    static final String TINY = """
            task = BanditTwoArmedDependentEasy-v0
            hidden = 6
            trials = 8
            rollout = 8
            episodes = 64
            batch = 4
            workers = 1
            checkpointEvery = 16
            logEvery = 8
            """;

    @ParameterizedTest(name = "cell = {0}, engine = {1}")
    @CsvSource({"lstm, fused", "gru, fused", "lstm, fused-double", "gru, fused-double"})
    void aResumedRunEndsWithTheSameWeightsAsAnUninterruptedOne(String cell, String engine, @TempDir Path tmp)
            throws IOException {
        var config = TrainConfig.parse(TINY + "cell = " + cell + "\nengine = " + engine + "\n");
        var whole = Trainer.create(config, tmp.resolve("whole"), null);
        var wholeResult = whole.run();
        assertEquals(64, wholeResult.episodes());

        var runDir = tmp.resolve("interrupted");
        var holder = new Trainer[1];
        holder[0] = Trainer.create(config, runDir, (done, total, wall, regret) -> {
            if (done >= 24) {
                holder[0].requestStop();  // as Ctrl-C does
            }
        });
        var first = holder[0].run();
        assertTrue(first.stopped());
        assertEquals(24, first.episodes());
        assertEquals(24, Checkpoint.read(Checkpoint.newest(runDir).orElseThrow()).episodes());

        var resumed = Trainer.resume(config, runDir, null).run();
        assertEquals(64, resumed.episodes());
        assertArrayEquals(whole.parameters(), Checkpoint.read(Checkpoint.newest(runDir).orElseThrow()).parameters());
        assertArrayEquals(Checkpoint.read(wholeResult.checkpoint()).parameters(),
                Checkpoint.read(resumed.checkpoint()).parameters());
        // the log continues: one row per 8 episodes, none repeated
        var rows = Files.readAllLines(runDir.resolve(TrainingLog.FILE));
        assertEquals(TrainingLog.HEADER, rows.get(0));
        assertEquals(1 + 8, rows.size());
        assertEquals(config, TrainConfig.parse(Files.readString(runDir.resolve("config.properties"))));
    }

    @Test
    void damagedAndForeignCheckpointsAreRefusedWithoutTouchingAnyFile(@TempDir Path tmp) throws IOException {
        var config = TrainConfig.parse(TINY.replace("episodes = 64", "episodes = 16"));
        var runDir = tmp.resolve("run");
        var result = Trainer.create(config, runDir, null).run();
        byte[] good = Files.readAllBytes(result.checkpoint());

        // truncated: the newest checkpoint is cut in half
        var truncated = Checkpoint.fileFor(runDir, 32);
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        expectRefusal(runDir, config, "damaged");

        // garbage bytes
        Files.write(truncated, "not a checkpoint at all".getBytes());
        expectRefusal(runDir, config, "damaged");

        // a bit flipped inside the parameters: the checksum catches it
        Files.delete(truncated);
        var flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x10;
        Files.write(Checkpoint.fileFor(runDir, 40), flipped);
        assertThrows(Checkpoint.CheckpointException.class, () -> Agents.loadCheckpoint(runDir));
        Files.delete(Checkpoint.fileFor(runDir, 40));

        // a foreign zip: a valid zip file that is not ours
        var foreign = Checkpoint.fileFor(runDir, 48);
        try (var out = new ZipOutputStream(Files.newOutputStream(foreign))) {
            out.putNextEntry(new ZipEntry("model.json"));
            out.write("{}".getBytes());
            out.closeEntry();
        }
        expectRefusal(runDir, config, "not an l2rl checkpoint");
        Files.delete(foreign);

        // a checkpoint of another task cannot be resumed as this one
        var other = config.with("task", "BanditTwoArmedDependentHard-v0");
        var before = snapshot(runDir);
        var e = assertThrows(Checkpoint.CheckpointException.class, () -> Trainer.resume(other, runDir, null));
        assertTrue(e.getMessage().contains("different run"), e.getMessage());
        assertEquals(before, snapshot(runDir));

        // and the good one still loads
        assertEquals(16, Agents.loadCheckpoint(runDir).episodes());
    }

    @Test
    void aMissingRunDirectoryOrCheckpointIsSaidPlainly(@TempDir Path tmp) throws IOException {
        var e = assertThrows(Checkpoint.CheckpointException.class, () -> Agents.loadCheckpoint(tmp.resolve("none")));
        assertTrue(e.getMessage().contains("no run directory"), e.getMessage());
        e = assertThrows(Checkpoint.CheckpointException.class, () -> Agents.loadCheckpoint(tmp));
        assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
    }

    private static void expectRefusal(Path runDir, TrainConfig config, String words) throws IOException {
        var before = snapshot(runDir);
        var e = assertThrows(Checkpoint.CheckpointException.class, () -> Agents.loadCheckpoint(runDir));
        assertTrue(e.getMessage().contains(words), e.getMessage());
        e = assertThrows(Checkpoint.CheckpointException.class, () -> Trainer.resume(config, runDir, null));
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertEquals(before, snapshot(runDir));
    }

    /** Every file under {@code dir} with its size, modification time and content hash. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        var map = new TreeMap<String, String>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (var p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    map.put(dir.relativize(p).toString(), Files.size(p) + " " + Files.getLastModifiedTime(p) + " "
                            + Checkpoint.sha256(Files.readAllBytes(p)));
                }
            }
        }
        return map;
    }
}
