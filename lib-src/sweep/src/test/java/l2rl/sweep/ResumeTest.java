package l2rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second sweep on a directory that a running sweep holds is refused without a trace; the running sweep killed
 * mid-way (SIGKILL to its JVM) and started again finishes without recomputing finished runs.
 */
// A safety net against a child that never records a run; no assertion is about time.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ResumeTest {
    private static final int RUNS = 4;
    private static final int EPISODES = 5000;

    @TempDir
    Path tmp;

    record Snapshot(String text, FileTime modified) {
    }

    @Test
    void aSecondSweepIsRefusedAndAKilledSweepResumesWithoutRecomputingFinishedRuns() throws Exception {
        var dir = tmp.resolve("sweep");
        // One run at a time, each long enough (~1-2 s with the fused engine) that the refusal and the kill land
        // while later runs are still to do.
        var args = SweepFixtures.args(dir, RUNS, "local[1]", EPISODES);

        var child = startChild(args);
        Map<Path, Snapshot> finishedBeforeKill;
        try {
            while (records(dir).isEmpty()) {
                assertTrue(child.isAlive(), "the sweep exited before recording a run:\n" + childLog());
                TimeUnit.MILLISECONDS.sleep(100);
            }
            // The same sweep started again while the first runs (a second terminal, a notebook cell).
            var logBefore = Files.readAllLines(dir.resolve("sweep.log"));
            var recordsBefore = records(dir);
            var second = SweepFixtures.sweep(args);
            assertEquals(2, second.exitCode(), second.err());
            assertEquals("l2rl sweep: " + dir + " is being written by another process (pid " + child.pid()
                    + "); wait for it to end or choose another directory", second.err().strip());
            assertTrue(child.isAlive(), "the first sweep ended during the test; the refusal proves nothing");
            var logAfter = Files.readAllLines(dir.resolve("sweep.log"));
            assertEquals(logBefore, logAfter.subList(0, logBefore.size()));
            assertFalse(logAfter.stream().skip(logBefore.size()).anyMatch(l -> l.contains(" job: ")),
                    "the refused sweep started a job");
            recordsBefore.forEach((file, before) -> assertEquals(before, snapshot(file), file + " was rewritten"));
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        finishedBeforeKill = records(dir);
        assertTrue(finishedBeforeKill.size() < RUNS, "the kill came after the last run; the test proves nothing");
        // results.csv follows the records as they come: after the kill it lists finished runs only (the kill may
        // fall between a record and the table's rewrite, hence at least all but the last).
        var rowsAfterKill = Files.readAllLines(dir.resolve("results.csv")).stream().skip(1).toList();
        assertTrue(rowsAfterKill.size() >= Math.max(1, finishedBeforeKill.size() - 1), rowsAfterKill.toString());
        assertTrue(rowsAfterKill.stream().allMatch(row -> row.contains(",ok,")), rowsAfterKill.toString());

        var outcome = SweepFixtures.sweep(args);
        assertEquals(0, outcome.exitCode(), outcome.err());

        finishedBeforeKill.forEach((file, before) -> assertEquals(before, snapshot(file), file + " was rewritten"));
        var log = Files.readAllLines(dir.resolve("sweep.log"));
        var resumedJob = log.subList(lastIndexOfJob(log), log.size());
        for (var file : finishedBeforeKill.keySet()) {
            int run = Integer.parseInt(file.getFileName().toString().replaceAll("\\D", ""));
            assertFalse(resumedJob.stream().anyMatch(l -> l.endsWith("submitted run " + run)),
                    "run " + run + " was trained again:\n" + String.join("\n", resumedJob));
        }
        assertEquals(RUNS - finishedBeforeKill.size(),
                resumedJob.stream().filter(l -> l.contains("submitted run")).count());
        assertTrue(outcome.err().contains(RUNS + "/" + RUNS + " runs done (" + finishedBeforeKill.size() + " earlier"),
                outcome.err());

        var oneByOne = SweepFixtures.plan(RUNS, EPISODES).runSpecs().stream().map(spec -> Run.trainAndEvaluate(spec).result()).toList();
        assertEquals(SweepFixtures.rowsWithoutWallTimes(oneByOne), SweepFixtures.tableWithoutWallTimes(dir));
    }

    @Test
    void aSweepStoppedByCtrlCOrKillRecordsNoFailure() throws Exception {
        var dir = tmp.resolve("stopped");
        var child = startChild(SweepFixtures.args(dir, RUNS, "local[1]", EPISODES));
        try {
            while (records(dir).isEmpty()) {
                assertTrue(child.isAlive(), "the sweep exited before recording a run:\n" + childLog());
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } finally {
            child.destroy();  // SIGTERM: Spark's shutdown hook stops the context and cancels the runs still to do
            child.waitFor();
        }
        var recorded = new SweepDirectory(dir).recorded().values();
        assertTrue(recorded.stream().filter(RunResult::ok).count() < RUNS,
                "the stop came after the last run; the test proves nothing");
        assertTrue(recorded.stream().allMatch(RunResult::ok),
                "runs cancelled by the stop were recorded as failed: " + recorded);
    }

    /** `l2rl sweep` in its own JVM, as the launcher starts it; its scratch files stay in the test's directory. */
    private Process startChild(List<String> args) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("spark-jvm.options").toAbsolutePath(), "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + Files.createDirectories(tmp.resolve("child-tmp")),
                "-cp", System.getProperty("java.class.path"), SweepCommand.class.getName()));
        command.addAll(args);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile());
        builder.environment().put("OMP_NUM_THREADS", "1");
        return builder.start();
    }

    private String childLog() throws IOException {
        return Files.readString(tmp.resolve("child.log"));
    }

    private static Map<Path, Snapshot> records(Path dir) throws IOException {
        var records = new TreeMap<Path, Snapshot>();
        var runs = dir.resolve("runs");
        if (Files.isDirectory(runs)) {
            try (var files = Files.list(runs)) {
                files.filter(f -> f.getFileName().toString().endsWith(".json"))
                        .forEach(f -> records.put(f, snapshot(f)));
            }
        }
        return records;
    }

    private static Snapshot snapshot(Path file) {
        try {
            return new Snapshot(Files.readString(file), Files.getLastModifiedTime(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int lastIndexOfJob(List<String> log) {
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).contains(" job: ")) {
                return i;
            }
        }
        throw new AssertionError("no job in sweep.log:\n" + String.join("\n", log));
    }
}
