package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training's memory stays flat: a child JVM whose heap is fixed and touched up front (so its resident size can
 * grow only through native memory) trains 15,000 updates with the default engine (each cell), and its resident set at the
 * second log row (JIT warm) is compared with its largest value until the last row (before the final checkpoint,
 * whose writing loads ND4J once). The samediff engine grew ~1.9 MB per update: 25 GB over these updates.
 */
class NativeMemoryTest {
    static final long BOUND_KB = 24 * 1024;
    static final int ROWS = 15;  // 6,000 episodes, a row per 400

    @ParameterizedTest(name = "cell = {0}")
    @ValueSource(strings = {"lstm", "gru"})
    void residentMemoryStaysFlatOverManyUpdates(String cell, @TempDir Path tmp) throws Exception {
        var runDir = tmp.resolve("run");
        // the module as the launcher gives it, so the vector kernels are the ones measured
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=jdk.incubator.vector", "-Xms160m", "-Xmx160m", "-XX:+AlwaysPreTouch",
                "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "l2rl.cli.Main", "train", "-e",
                "BanditTwoArmedDependentEasy-v0", "-l", runDir.toString(), "--episodes", "6000", "--seed", "3",
                "--quiet"));
        var config = tmp.resolve("memory.properties");
        Files.writeString(config, "rollout = 5\nbatch = 8\nworkers = 2\nlogEvery = 400\ncheckpointEvery = 0\ncell = "
                + cell + "\n");
        command.addAll(List.of("--config", config.toString()));
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("out.txt").toFile()).start();
        long warm = -1;
        long peak = 0;
        var log = runDir.resolve(TrainingLog.FILE);
        while (process.isAlive()) {
            long rss = residentKb(process.pid());
            int rows = Files.exists(log) ? Files.readAllLines(log).size() - 1 : 0;
            if (rows >= 2 && warm < 0) {
                warm = rss;
            }
            if (rows >= 2 && rows < ROWS) {
                peak = Math.max(peak, rss);
            }
            Thread.sleep(20);
        }
        assertEquals(0, process.waitFor(), Files.readString(tmp.resolve("out.txt")));
        assertTrue(warm > 0, "the run ended before its second log row was seen");
        System.out.printf("native memory test, " + cell + ": RSS %d MB at the second log row, at most %d MB until the last%n",
                warm / 1024, peak / 1024);
        assertTrue(peak - warm < BOUND_KB, "resident memory grew by " + (peak - warm) / 1024
                + " MB over 13,000 updates (from " + warm / 1024 + " MB)");
    }

    /** VmRSS of a live process in kB (0 once it has exited). */
    static long residentKb(long pid) {
        try {
            for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // the process ended between the check and the read
        }
        return 0;
    }
}
