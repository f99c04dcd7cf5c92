package l2rl.sweep;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

import l2rl.agent.MetaRlAgent;
import l2rl.train.Agents;
import l2rl.train.Checkpoint;

/**
 * The files of a sweep. Only the driver writes here, so executors need no shared file system.
 * <pre>
 * sweep.properties   what the sweep is (seed, ranges, base config); a resume must match it
 * runs/run-00007.json one record per finished or failed run, written when the run ends
 * agents/run-00007/  a finished run's trained agent, a run directory that `l2rl evaluate -l` accepts
 * sweep.log          one line per run submitted and per run recorded, across all jobs on this directory
 * results.csv        the table, one row per run
 * top5.txt           the paper's summary
 * </pre>
 * Every file is written to a temporary name and renamed, so a crash leaves whole records or none.
 */
public final class SweepDirectory {
    static final String CSV_HEADER =
            "run,lr,gamma,seed,regret_1_150,regret_151_300,wall_seconds,status,error";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public SweepDirectory(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path runs() {
        return root.resolve("runs");
    }

    /** The sweep found in this directory differs from the one asked for. */
    public static final class ForeignSweepException extends IOException {
        ForeignSweepException(String message) {
            super(message);
        }
    }

    /**
     * Writes the plan's identity on first use; later, refuses a plan that differs in anything but the number
     * of runs, since its records would be mixed into another sweep's table.
     */
    public void claim(SweepPlan plan) throws IOException {
        var file = root.resolve("sweep.properties");
        var wanted = plan.identity();
        if (Files.isRegularFile(file)) {
            var found = readProperties(file);
            // A config key added after this sweep was written (cell, say) has its default there, as a checkpoint
            // without the key reads it: the key came with a default that keeps the old behaviour.
            var defaults = l2rl.train.TrainConfig.defaults().toMap();
            for (var key : wanted.keySet()) {
                var recorded = found.containsKey(key) ? found.get(key) : defaults.get(key);
                if (!wanted.get(key).equals(recorded)) {
                    throw new ForeignSweepException(root + " holds another sweep (" + key + " = " + recorded
                            + ", asked for " + wanted.get(key) + "); choose another directory");
                }
            }
            return;
        }
        Files.createDirectories(runs());
        var text = new StringBuilder("# l2rl sweep: every run shares these; see lib-src/sweep/README.md\n");
        wanted.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        writeAtomically(file, text.toString());
    }

    /** The runs recorded so far, by run index. */
    public Map<Integer, RunResult> recorded() throws IOException {
        var results = new TreeMap<Integer, RunResult>();
        if (!Files.isDirectory(runs())) {
            return results;
        }
        try (var files = Files.list(runs())) {
            for (var file : files.filter(f -> f.getFileName().toString().matches("run-\\d+\\.json")).toList()) {
                var result = JSON.readValue(file.toFile(), RunResult.class);
                results.put(result.run(), result);
            }
        }
        return results;
    }

    /** The run directory of run {@code run}'s agent. */
    public Path agent(int run) {
        return root.resolve("agents").resolve(String.format(Locale.ROOT, "run-%05d", run));
    }

    public void saveAgent(RunSpec spec, float[] parameters) throws IOException {
        var config = spec.trainConfig();
        var runDir = agent(spec.run());
        Agents.save(new MetaRlAgent(config.agentSpec(), parameters), config, config.episodes(),
                Checkpoint.fileFor(runDir, config.episodes()));
        writeAtomically(runDir.resolve("config.properties"), config.toProperties());
    }

    public void record(RunResult result) throws IOException {
        Files.createDirectories(runs());
        writeAtomically(runs().resolve(String.format(Locale.ROOT, "run-%05d.json", result.run())),
                JSON.writeValueAsString(result) + "\n");
        log("recorded run " + result.run() + " " + result.status());
    }

    public void log(String line) throws IOException {
        Files.writeString(root.resolve("sweep.log"), Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Writes results.csv, one row per run in run order, and returns its path. */
    public Path writeResults(Collection<RunResult> results) throws IOException {
        var csv = new StringBuilder(CSV_HEADER).append('\n');
        results.stream().sorted(Comparator.comparingInt(RunResult::run)).forEach(r -> csv.append(csvRow(r)));
        var file = root.resolve("results.csv");
        writeAtomically(file, csv.toString());
        return file;
    }

    public Path writeSummary(String summary) throws IOException {
        var file = root.resolve("top5.txt");
        writeAtomically(file, summary);
        return file;
    }

    static String csvRow(RunResult r) {
        return String.join(",", Integer.toString(r.run()), Double.toString(r.learningRate()),
                Double.toString(r.gamma()), Long.toString(r.seed()), number(r.regretFirstHalf()),
                number(r.regretSecondHalf()), number(r.wallSeconds()), r.status().name(), quoted(r.error())) + "\n";
    }

    private static String number(double d) {
        return Double.isNaN(d) ? "" : Double.toString(d);
    }

    private static String quoted(String text) {
        if (text.isEmpty()) {
            return "";
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static Map<String, String> readProperties(Path file) throws IOException {
        var p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        return p.stringPropertyNames().stream()
                .collect(Collectors.toMap(k -> k, p::getProperty, (a, b) -> a, LinkedHashMap::new));
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        var tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
