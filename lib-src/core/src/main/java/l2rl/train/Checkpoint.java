package l2rl.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import l2rl.agent.AgentSpec;
import l2rl.env.Tasks;

/**
 * A training checkpoint: the network's parameters (an ND4J array), the optimizer's state, the episode and
 * update counters, the config and the agent's input layout, in one zip file with a manifest and SHA-256 checksums. Written atomically
 * (temporary file, then rename). Every random stream of training derives from (seed, episode), so these
 * counters are the whole RNG position: resuming from a checkpoint replays exactly what an uninterrupted run
 * would have done (with one worker).
 *
 * <p>Format versions: 2 (written now) stores the agent's input layout in the manifest ({@code arms},
 * {@code inputObservations}, {@code inputRewardValues}), which the task family gave when the agent was made, so an
 * agent keeps the input its weights were trained on even if a family's declarations change. Version 1 (every
 * checkpoint written before the input came from the task, the shipped agents among them) has no layout: it is read
 * as the only layout there was, [one-hot previous action, scalar previous reward, t / T].
 *
 * <p>Reading refuses, with a {@link CheckpointException} saying why, any file that is not a complete,
 * undamaged l2rl checkpoint; reading never writes anything.
 *
 * @param agentSpec the agent's shape and input layout, as stored (for version 1, the legacy layout)
 */
public record Checkpoint(TrainConfig config, long episodes, long updates, double wallSeconds, float[] parameters,
        Optimizer.Kind optimizerKind, long optimizerSteps, double[] optimizerFirst, double[] optimizerSecond,
        AgentSpec agentSpec) {

    public static final String FORMAT = "l2rl-checkpoint";
    public static final int VERSION = 2;
    /** The first version, without an input layout. */
    static final int VERSION_WITHOUT_LAYOUT = 1;
    static final String DIRECTORY = "checkpoints";
    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{9})\\.zip");

    /** A checkpoint of an agent whose input is the one {@code config}'s task family gives now. */
    public Checkpoint(TrainConfig config, long episodes, long updates, double wallSeconds, float[] parameters,
            Optimizer.Kind optimizerKind, long optimizerSteps, double[] optimizerFirst, double[] optimizerSecond) {
        this(config, episodes, updates, wallSeconds, parameters, optimizerKind, optimizerSteps, optimizerFirst,
                optimizerSecond, config.agentSpec());
    }

    /** A checkpoint that cannot be used; the message says why. */
    public static final class CheckpointException extends IOException {
        public CheckpointException(String message) {
            super(message);
        }
    }

    public static Path directory(Path runDir) {
        return runDir.resolve(DIRECTORY);
    }

    public static Path fileFor(Path runDir, long episodes) {
        return directory(runDir).resolve(String.format("checkpoint-%09d.zip", episodes));
    }

    /** Checkpoint files of a run directory, oldest first. */
    public static List<Path> list(Path runDir) throws IOException {
        var dir = directory(runDir);
        var found = new ArrayList<Path>();
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(found::add);
            }
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return found;
    }

    /**
     * Refuses to start a new run in {@code runDir} when it already holds one: the new run's checkpoints would mix
     * with the old ones, and the newest would no longer say which run it belongs to.
     */
    public static void requireNoRun(Path runDir) throws IOException {
        if (!list(runDir).isEmpty()) {
            throw new CheckpointException(runDir + " already holds a run with checkpoints; train into a new "
                    + "directory (or continue that run with `l2rl train -l " + runDir + " --resume`)");
        }
    }

    public static Optional<Path> newest(Path runDir) throws IOException {
        var all = list(runDir);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Writes this checkpoint to {@code file} atomically: a reader sees the old file or the whole new one. */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] params = ndArrayBytes(Nd4j.createFromArray(parameters));
        byte[] optimizer = optimizerBytes();
        var manifest = new Properties();
        manifest.setProperty("format", FORMAT);
        manifest.setProperty("version", Integer.toString(VERSION));
        manifest.setProperty("task", config.task());
        manifest.setProperty("episodes", Long.toString(episodes));
        manifest.setProperty("updates", Long.toString(updates));
        manifest.setProperty("wallSeconds", Double.toString(wallSeconds));
        manifest.setProperty("parameterCount", Integer.toString(parameters.length));
        manifest.setProperty("arms", Integer.toString(agentSpec.arms()));
        manifest.setProperty("inputObservations", Integer.toString(agentSpec.observations()));
        manifest.setProperty("inputRewardValues", Integer.toString(agentSpec.rewardValues()));
        manifest.setProperty("optimizer", optimizerKind.name());
        manifest.setProperty("optimizerSteps", Long.toString(optimizerSteps));
        manifest.setProperty("sha256.params", sha256(params));
        manifest.setProperty("sha256.optimizer", sha256(optimizer));
        byte[] configBytes = config.toProperties().getBytes(StandardCharsets.UTF_8);
        manifest.setProperty("sha256.config", sha256(configBytes));

        var tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (var out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            put(out, "manifest.properties", propertiesBytes(manifest));
            put(out, "config.properties", configBytes);
            put(out, "params.nd4j", params);
            put(out, "optimizer.bin", optimizer);
        }
        try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reads and verifies a checkpoint file. */
    public static Checkpoint read(Path file) throws CheckpointException {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("no checkpoint file at " + file);
        }
        byte[] manifestBytes = null;
        byte[] configBytes = null;
        byte[] params = null;
        byte[] optimizer = null;
        try (var in = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                switch (e.getName()) {
                    case "manifest.properties" -> manifestBytes = data;
                    case "config.properties" -> configBytes = data;
                    case "params.nd4j" -> params = data;
                    case "optimizer.bin" -> optimizer = data;
                    default -> throw new CheckpointException(file + " is not an l2rl checkpoint (unexpected entry '"
                            + e.getName() + "')");
                }
            }
        } catch (CheckpointException e) {
            throw e;
        } catch (ZipException | java.io.EOFException e) {
            throw new CheckpointException(file + " is damaged (truncated or not a zip file: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new CheckpointException("cannot read checkpoint " + file + ": " + e.getMessage());
        }
        if (manifestBytes == null) {
            throw new CheckpointException(file + " is not an l2rl checkpoint (no manifest; damaged or foreign file)");
        }
        var m = new Properties();
        try {
            m.load(new StringReader(new String(manifestBytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException(file + " has an unreadable manifest");
        }
        if (!FORMAT.equals(m.getProperty("format"))) {
            throw new CheckpointException(file + " is not an l2rl checkpoint (format '" + m.getProperty("format") + "')");
        }
        var version = m.getProperty("version");
        if (!Integer.toString(VERSION).equals(version) && !Integer.toString(VERSION_WITHOUT_LAYOUT).equals(version)) {
            throw new CheckpointException(file + " has checkpoint version " + version
                    + "; this l2rl reads versions " + VERSION_WITHOUT_LAYOUT + " to " + VERSION);
        }
        if (configBytes == null || params == null || optimizer == null) {
            throw new CheckpointException(file + " is damaged (an entry is missing)");
        }
        verify(file, "params", params, m);
        verify(file, "optimizer", optimizer, m);
        verify(file, "config", configBytes, m);
        try {
            var config = TrainConfig.parse(new String(configBytes, StandardCharsets.UTF_8));
            var spec = storedSpec(config, m);
            var paramArray = Nd4j.read(new ByteArrayInputStream(params)).toFloatVector();
            if (paramArray.length != spec.parameterCount()
                    || paramArray.length != Integer.parseInt(m.getProperty("parameterCount"))) {
                throw new CheckpointException(file + " holds " + paramArray.length + " parameters; its agent "
                        + spec.layout() + " needs " + spec.parameterCount());
            }
            var kind = Optimizer.Kind.valueOf(m.getProperty("optimizer"));
            var opt = new DataInputStream(new ByteArrayInputStream(optimizer));
            int n = opt.readInt();
            if (n != paramArray.length) {
                throw new CheckpointException(file + " has optimizer state for " + n + " parameters");
            }
            var first = new double[n];
            var second = new double[n];
            for (int i = 0; i < n; i++) {
                first[i] = opt.readDouble();
            }
            for (int i = 0; i < n; i++) {
                second[i] = opt.readDouble();
            }
            return new Checkpoint(config, Long.parseLong(m.getProperty("episodes")),
                    Long.parseLong(m.getProperty("updates")), Double.parseDouble(m.getProperty("wallSeconds")),
                    paramArray, kind,
                    Long.parseLong(m.getProperty("optimizerSteps")), first, second, spec);
        } catch (CheckpointException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            throw new CheckpointException(file + " is damaged (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + ")");
        }
    }

    /** The agent's shape as the manifest stores it; a version-1 manifest means the legacy input layout. */
    private static AgentSpec storedSpec(TrainConfig config, Properties m) {
        if (Integer.toString(VERSION_WITHOUT_LAYOUT).equals(m.getProperty("version"))) {
            // Before the input came from the task: [one-hot previous action, scalar previous reward, t / T].
            return new AgentSpec(Tasks.family(config.task()).arms(), config.hidden(), config.trials(),
                    config.rewardInput()).withCell(config.cell());
        }
        return new AgentSpec(Integer.parseInt(m.getProperty("arms")), config.hidden(), config.trials(),
                config.rewardInput(), Integer.parseInt(m.getProperty("inputObservations")),
                Integer.parseInt(m.getProperty("inputRewardValues")), config.cell());
    }

    private static void verify(Path file, String what, byte[] data, Properties m) throws CheckpointException {
        if (!sha256(data).equals(m.getProperty("sha256." + what))) {
            throw new CheckpointException(file + " is damaged (" + what + " checksum mismatch)");
        }
    }

    private byte[] optimizerBytes() {
        try {
            var bytes = new ByteArrayOutputStream();
            var out = new DataOutputStream(bytes);
            out.writeInt(optimizerFirst.length);
            for (double d : optimizerFirst) {
                out.writeDouble(d);
            }
            for (double d : optimizerSecond) {
                out.writeDouble(d);
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ndArrayBytes(INDArray array) throws IOException {
        var bytes = new ByteArrayOutputStream();
        Nd4j.write(bytes, array);
        return bytes.toByteArray();
    }

    private static byte[] propertiesBytes(Properties p) throws IOException {
        var bytes = new ByteArrayOutputStream();
        p.store(bytes, "l2rl checkpoint manifest");
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream out, String name, byte[] data) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(data);
        out.closeEntry();
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
