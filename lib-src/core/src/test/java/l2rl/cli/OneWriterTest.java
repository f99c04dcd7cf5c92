package l2rl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import l2rl.train.Agents;
import l2rl.train.Checkpoint;
import l2rl.train.DirectoryLock;
import l2rl.train.TrainConfig;
import l2rl.train.TrainingLog;

/** One writer per run directory (issue 12): a second train into it is refused while the first runs. */
// A safety net against a child that never writes a checkpoint; no assertion is about time.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OneWriterTest {
    private static final String TASK = "BanditTwoArmedDependentEasy-v0";

    @TempDir
    Path tmp;

    @Test
    void aSecondTrainIsRefusedWhileTheFirstRunsAndAKilledFirstCanBeResumed() throws Exception {
        var runDir = tmp.resolve("run");
        // Tiny and slow to finish: the holder trains until it is killed. No checkpoint is pruned while the
        // test reads them (keepCheckpoints), so the reader below never races the holder's clean-up.
        var config = tmp.resolve("tiny.properties");
        Files.writeString(config, "hidden = 8\nbatch = 8\ncheckpointEvery = 256\nkeepCheckpoints = 1000\nlogEvery = 64\n");
        var holder = startTrain("first", "-l", runDir.toString(), "-w", "1", "-n", "10", "--episodes", "1000000",
                "--config", config.toString(), "--seed", "1", "--quiet");
        try {
            while (Checkpoint.list(runDir).isEmpty()) {
                assertTrue(holder.isAlive(), "the first train exited before its first checkpoint:\n" + log("first"));
                TimeUnit.MILLISECONDS.sleep(100);
            }
            // A second process, as in the issue: refused with one line naming the directory and the holder.
            var second = startTrain("second", "-l", runDir.toString(), "-w", "1", "-n", "10", "--episodes", "64",
                    "--seed", "99", "--quiet");
            assertEquals(2, second.waitFor(), log("second"));
            var refusal = "l2rl train: " + runDir + " is being written by another process (pid " + holder.pid()
                    + "); wait for it to end or choose another directory";
            assertEquals(refusal, Files.readString(tmp.resolve("second.err")).strip());
            assertEquals("", Files.readString(tmp.resolve("second.out")));

            // A resume from this JVM is refused the same way; a reader needs no lock.
            var resume = CliRun.of("train", "-e", TASK, "-l", runDir.toString(), "--resume", "--quiet");
            assertEquals(2, resume.exitCode(), resume.err());
            assertEquals(refusal, resume.err().strip());
            var evaluate = CliRun.of("evaluate", "-e", TASK, "-l", runDir.toString(), "--episodes", "10",
                    "--no-baselines", "--format", "csv");
            assertEquals(0, evaluate.exitCode(), evaluate.err());
            assertTrue(holder.isAlive(), "the first train ended during the test; it proves nothing");
        } finally {
            holder.destroyForcibly();  // kill -9: the OS releases its lock
            holder.waitFor();
        }

        // The first run's files are its own: its config (seed 1, not the second's 99), a whole log that reaches
        // its newest checkpoint.
        assertTrue(Files.readString(runDir.resolve("config.properties")).contains("\nseed = 1\n"));
        long resumedFrom = Checkpoint.read(Checkpoint.newest(runDir).orElseThrow()).episodes();
        assertTrue(assertValidLog(runDir) >= resumedFrom);

        // The lock died with its holder: --resume continues from the newest checkpoint.
        var resumed = CliRun.of("train", "-e", TASK, "-l", runDir.toString(), "--resume", "--episodes",
                Long.toString(resumedFrom + 64), "--quiet");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertEquals(resumedFrom + 64, assertValidLog(runDir));
    }

    @Test
    void aSecondWriterInTheSameJvmIsRefusedAndLeavesTheLockHeld() throws Exception {
        var runDir = tmp.resolve("run");
        var config = TrainConfig.defaults().with(Map.of("task", TASK, "hidden", "8", "trials", "10",
                "rollout", "10", "workers", "1", "episodes", "16", "checkpointEvery", "0"));
        var refusal = runDir + " is being written by another writer in this process (pid "
                + ProcessHandle.current().pid() + "); wait for it to end or choose another directory";
        try (var held = DirectoryLock.acquire(runDir)) {
            // The notebook API, e.g. a cell run again while the first is still training.
            var e = assertThrows(DirectoryLock.HeldException.class, () -> Agents.learn(config, runDir));
            assertEquals(refusal, e.getMessage());
            var train = CliRun.of("train", "-e", TASK, "-l", runDir.toString(), "--quiet");
            assertEquals(2, train.exitCode(), train.err());
            assertEquals("l2rl train: " + refusal, train.err().strip());
            try (var files = Files.list(runDir)) {
                assertEquals(List.of(runDir.resolve(DirectoryLock.FILE)), files.toList(), "a refused writer wrote");
            }
            // The refused attempts opened nothing: had they closed a channel on the lock file, the OS would
            // have dropped this JVM's lock, and another process could now take the directory.
            var other = startTrain("other", "-l", runDir.toString(), "--quiet");
            assertEquals(2, other.waitFor(), log("other"));
            assertTrue(Files.readString(tmp.resolve("other.err")).contains(
                    "another process (pid " + ProcessHandle.current().pid() + ")"), log("other"));
        }
        Agents.learn(config, runDir);
        assertTrue(Checkpoint.newest(runDir).isPresent());
    }

    @Test
    void learningIntoADirectoryThatHoldsARunIsRefusedAndChangesNothing() throws Exception {
        var runDir = tmp.resolve("run");
        var config = TrainConfig.defaults().with(Map.of("task", TASK, "hidden", "8", "trials", "10",
                "rollout", "10", "workers", "1", "episodes", "16", "checkpointEvery", "0"));
        Agents.learn(config, runDir);
        var before = snapshot(runDir);
        var e = assertThrows(Checkpoint.CheckpointException.class, () -> Agents.learn(config, runDir));
        assertEquals(runDir + " already holds a run with checkpoints; train into a new directory (or continue that "
                + "run with `l2rl train -l " + runDir + " --resume`)", e.getMessage());
        assertEquals(before, snapshot(runDir), "a refused run changed the directory");
    }

    /** Every file under {@code dir} but the lock (which each writer rewrites) with its size and modification time. */
    private static Map<Path, String> snapshot(Path dir) throws IOException {
        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.endsWith(DirectoryLock.FILE)).sorted().toList();
        }
        var out = new java.util.LinkedHashMap<Path, String>();
        for (var f : files) {
            out.put(f, Files.size(f) + " bytes, modified " + Files.getLastModifiedTime(f).toMillis());
        }
        return out;
    }

    /** Checks training-log.csv is whole (header, a number per column, episodes rising) and returns its last episode. */
    private static long assertValidLog(Path runDir) throws IOException {
        var lines = Files.readAllLines(runDir.resolve(TrainingLog.FILE));
        assertEquals(TrainingLog.HEADER, lines.get(0));
        assertTrue(lines.size() > 1, "no rows");
        long last = 0;
        for (var row : lines.subList(1, lines.size())) {
            var cells = row.split(",", -1);
            assertEquals(TrainingLog.HEADER.split(",").length, cells.length, row);
            for (var cell : cells) {
                Double.parseDouble(cell);
            }
            long episodes = Long.parseLong(cells[0]);
            assertTrue(episodes > last, "episodes do not rise at " + row);
            last = episodes;
        }
        return last;
    }

    /** `l2rl train -e TASK ARGS...` in its own JVM, as the launcher starts it; output in NAME.out and NAME.err. */
    private Process startTrain(String name, String... args) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "train", "-e", TASK));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command)
                .redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    private String log(String name) throws IOException {
        return Files.readString(tmp.resolve(name + ".out")) + Files.readString(tmp.resolve(name + ".err"));
    }
}
