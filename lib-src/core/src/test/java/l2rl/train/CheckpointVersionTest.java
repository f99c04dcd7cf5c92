package l2rl.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import l2rl.agent.AgentSpec;
import l2rl.agent.MetaRlAgent;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;

/**
 * Checkpoint format versions: version 2 stores the agent's input layout; version 1 (the shipped agents, every
 * checkpoint written before the input came from the task) is read as the one layout there was, and acts as before.
 */
class CheckpointVersionTest {

    /** The shipped agents' checkpoints, data/agents/NAME/checkpoints/*.zip, found above the working directory. */
    private static List<Path> shippedCheckpoints() throws IOException {
        var dir = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(dir.resolve("data/agents"))) {
            dir = dir.getParent();
        }
        var found = new ArrayList<Path>();
        try (var files = Files.walk(dir.resolve("data/agents"))) {
            files.filter(p -> p.toString().endsWith(".zip")).sorted().forEach(found::add);
        }
        return found;
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static Properties manifest(Path zip) throws IOException {
        var m = new Properties();
        m.load(new StringReader(new String(entries(zip).get("manifest.properties"), StandardCharsets.UTF_8)));
        return m;
    }

    @Test
    void theShippedVersionOneAgentsMigrateToVersionTwoAndActTheSame(@TempDir Path tmp) throws IOException {
        var checkpoints = shippedCheckpoints().stream()
                .filter(zip -> ShippedAgents.isLegacy(zip.getParent().getParent())).toList();
        assertEquals(15, checkpoints.size(), checkpoints.toString());
        for (var file : checkpoints) {
            assertEquals("1", manifest(file).getProperty("version"), file.toString());
            var old = Checkpoint.read(file);
            var config = old.config();
            assertFalse(new String(entries(file).get("config.properties"), StandardCharsets.UTF_8).contains("cell"),
                    "written before the key cell existed");
            assertEquals(l2rl.agent.Cell.LSTM, config.cell(), "a config without the key cell is an LSTM's");
            assertEquals(l2rl.agent.Cell.LSTM, old.agentSpec().cell());
            assertEquals(new AgentSpec(2, config.hidden(), config.trials(), config.rewardInput()), old.agentSpec());
            assertEquals(config.agentSpec(), old.agentSpec(), "today's two-armed families keep the legacy layout");

            var migrated = tmp.resolve(file.getParent().getParent().getFileName() + ".zip");
            old.write(migrated);
            var m = manifest(migrated);
            assertEquals("2", m.getProperty("version"));
            assertEquals("2", m.getProperty("arms"));
            assertEquals("0", m.getProperty("inputObservations"));
            assertEquals("0", m.getProperty("inputRewardValues"));
            var again = Checkpoint.read(migrated);
            assertEquals(old.agentSpec(), again.agentSpec());
            assertArrayEquals(old.parameters(), again.parameters());

            var tasks = new TaskSet(Tasks.family(config.task()), 11, 30);
            var before = Agents.fromCheckpoint(old).predict(tasks, config.trials(), 11, 10);
            assertArrayEquals(before, Agents.fromCheckpoint(again).predict(tasks, config.trials(), 11, 10),
                    file.toString());
        }
    }

    @Test
    void theAgentsShippedSinceAreVersionTwoAndLoad() throws IOException {
        var later = shippedCheckpoints().stream()
                .filter(zip -> !ShippedAgents.isLegacy(zip.getParent().getParent())).toList();
        assertTrue(later.size() >= 6, later.toString());  // at least the six GRU agents
        for (var file : later) {
            assertEquals("2", manifest(file).getProperty("version"), file.toString());
            var checkpoint = Checkpoint.read(file);
            assertEquals(checkpoint.agentSpec().parameterCount(), checkpoint.parameters().length,
                    file.toString());
        }
    }

    @Test
    void versionTwoKeepsTheStoredLayoutNotTheOneTheFamilyGivesNow(@TempDir Path tmp) throws IOException {
        var config = TrainConfig.parse(CheckpointTest.TINY);
        // an agent that read a 3-value observation and a one-hot reward over 4 values
        var spec = new AgentSpec(2, config.hidden(), config.trials(), true, 3, 4);
        var params = new float[spec.parameterCount()];
        params[7] = 0.5f;
        int n = params.length;
        var file = tmp.resolve("checkpoint.zip");
        new Checkpoint(config, 10, 0, 0, params, config.optimizer(), 0, new double[n], new double[n], spec).write(file);
        var read = Checkpoint.read(file);
        assertEquals(spec, read.agentSpec());
        assertArrayEquals(params, read.parameters());
        assertFalse(read.agentSpec().fits(Tasks.family(config.task())), "the family now gives another input");
        // so the agent is refused on that family's tasks, saying why, rather than fed a wrong input
        var e = assertThrows(IllegalArgumentException.class, () -> Agents.fromCheckpoint(read));
        assertTrue(e.getMessage().contains("the agent's input is [3 observation, 2 one-hot action, 4 one-hot reward,"
                + " t/T] (10 values)"), e.getMessage());
    }

    @Test
    void aGruCheckpointKeepsItsCellAndParameterCount(@TempDir Path tmp) throws IOException {
        var config = TrainConfig.parse(CheckpointTest.TINY).with(TrainConfig.CELL, l2rl.agent.Cell.GRU);
        var spec = config.agentSpec();
        assertEquals(l2rl.agent.Cell.GRU, spec.cell());
        var params = new float[spec.parameterCount()];
        params[3] = 0.25f;
        int n = params.length;
        var file = tmp.resolve("gru.zip");
        new Checkpoint(config, 10, 0, 0, params, config.optimizer(), 0, new double[n], new double[n]).write(file);
        var read = Checkpoint.read(file);
        assertEquals(l2rl.agent.Cell.GRU, read.config().cell());
        assertEquals(spec, read.agentSpec());
        assertArrayEquals(params, read.parameters());
    }

    @Test
    void anUnknownVersionIsRefusedSayingWhichAreRead(@TempDir Path tmp) throws IOException {
        var file = tmp.resolve("future.zip");
        var config = TrainConfig.parse(CheckpointTest.TINY);
        int n = config.agentSpec().parameterCount();
        new Checkpoint(config, 1, 0, 0, new float[n], config.optimizer(), 0, new double[n], new double[n]).write(file);
        var entries = entries(file);
        var m = manifest(file);
        m.setProperty("version", "3");
        var bytes = new ByteArrayOutputStream();
        m.store(bytes, null);
        entries.put("manifest.properties", bytes.toByteArray());
        try (var out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
            }
        }
        var e = assertThrows(Checkpoint.CheckpointException.class, () -> Checkpoint.read(file));
        assertTrue(e.getMessage().contains("has checkpoint version 3; this l2rl reads versions 1 to 2"), e.getMessage());
    }

    @Test
    void anAgentTrainedNowIsWrittenAsVersionTwo(@TempDir Path tmp) throws IOException {
        var agent = new MetaRlAgent(TrainConfig.parse(CheckpointTest.TINY).agentSpec(),
                new float[TrainConfig.parse(CheckpointTest.TINY).agentSpec().parameterCount()]);
        var file = tmp.resolve("saved.zip");
        Agents.save(agent, TrainConfig.parse(CheckpointTest.TINY), 5, file);
        assertEquals(Integer.toString(Checkpoint.VERSION), manifest(file).getProperty("version"));
        assertEquals(agent.spec(), Checkpoint.read(file).agentSpec());
    }
}
