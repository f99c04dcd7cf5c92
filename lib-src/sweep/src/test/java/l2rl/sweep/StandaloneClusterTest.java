package l2rl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone master and worker on 127.0.0.1, started from the Spark jars on the test classpath,
 * and the sweep sent to them with --master spark://. The worker's Spark home holds the classpath's jars but
 * not l2rl's own classes: those reach the executor only through spark.jars, as on a real cluster.
 */
// A safety net against a cluster that never accepts the job; no assertion is about time.
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterTest {
    private static final List<String> DAEMON_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=info");

    @TempDir
    static Path tmp;

    private static Process master;
    private static Process worker;
    private static String masterUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        var sparkHome = fakeSparkHome();
        master = daemon(sparkHome, "master", List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        worker = daemon(sparkHome, "worker", List.of("org.apache.spark.deploy.worker.Worker", masterUrl,
                "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", tmp.resolve("work").toString()));
        awaitLine(worker, tmp.resolve("worker.log"), "Successfully registered with master");
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        // Worker first (it stops its executors), so it does not try to reconnect to a stopped master. SIGTERM
        // lets Spark clean up; a daemon that ignores it is killed with its children.
        for (var p : new Process[] {worker, master}) {
            if (p == null) {
                continue;
            }
            var children = p.descendants().toList();
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aSweepOnTheClusterGivesTheSameTableAsTheRunsOneByOne() throws Exception {
        var dir = tmp.resolve("sweep");
        var outcome = SweepFixtures.sweep(SweepFixtures.args(dir, 2, masterUrl));
        assertEquals(0, outcome.exitCode(), outcome.err());

        var oneByOne = SweepFixtures.plan(2).runSpecs().stream().map(spec -> Run.trainAndEvaluate(spec).result()).toList();
        assertEquals(SweepFixtures.rowsWithoutWallTimes(oneByOne), SweepFixtures.tableWithoutWallTimes(dir));
        assertTrue(Files.readString(dir.resolve("sweep.log")).contains("master " + masterUrl));
        try (var executorFiles = Files.walk(tmp.resolve("work"))) {
            var names = executorFiles.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.contains("stderr"), "the runs ran in an executor of the worker");
            assertTrue(names.stream().anyMatch(n -> n.matches("classes-\\d+\\.jar")),
                    "l2rl's classes reached the executor through spark.jars: " + names);
        }
    }

    /** A Spark home as the worker expects one (jars/), holding the test classpath's jars except l2rl's. */
    private static Path fakeSparkHome() throws IOException {
        var jars = Files.createDirectories(tmp.resolve("spark-home/jars"));
        for (var entry : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
            var path = Path.of(entry).toAbsolutePath();
            if (Files.isRegularFile(path) && !path.getFileName().toString().startsWith("l2rl-")) {
                Files.createSymbolicLink(jars.resolve(path.getFileName()), path);
            }
        }
        return jars.getParent();
    }

    private static Process daemon(Path sparkHome, String name, List<String> mainAndArgs) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + Path.of("spark-jvm.options").toAbsolutePath()));
        command.addAll(DAEMON_JVM);
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(tmp.resolve(name + "-tmp")));
        command.addAll(List.of("-cp", sparkHome.resolve("jars") + File.separator + "*"));
        command.addAll(mainAndArgs);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", sparkHome.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("OMP_NUM_THREADS", "1");
        // Executors' scratch space inside the test's directory, not the machine's /tmp.
        builder.environment().put("SPARK_LOCAL_DIRS", Files.createDirectories(tmp.resolve("local")).toString());
        return builder.start();
    }

    private static void awaitLine(Process process, Path log, String line) throws Exception {
        while (!Files.readString(log).contains(line)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the daemon exited:\n" + Files.readString(log));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
