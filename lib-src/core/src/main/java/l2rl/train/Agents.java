package l2rl.train;

import java.io.IOException;
import java.nio.file.Path;

import l2rl.agent.MetaRlAgent;

/** SB3's verbs for the meta-RL agent: learn, load, save (predict is {@link MetaRlAgent#predict}). */
public final class Agents {
    private Agents() {
    }

    /**
     * Trains an agent with {@code config}, writing the run into {@code runDir} (null: in memory only). A
     * directory another trainer is writing (another process, or a cell still running) is refused with a
     * {@link DirectoryLock.HeldException}, and one that already holds a run with a
     * {@link Checkpoint.CheckpointException}, before anything in it is touched (as {@code l2rl train} and
     * {@code LiveTraining} refuse them; {@code l2rl train --resume} continues a run).
     */
    public static MetaRlAgent learn(TrainConfig config, Path runDir) throws IOException {
        try (var lock = runDir == null ? null : DirectoryLock.acquire(runDir)) {
            if (runDir != null) {
                Checkpoint.requireNoRun(runDir);
            }
            var trainer = Trainer.create(config, runDir, null);
            trainer.run();
            return ActionValidation.configured(
                    new MetaRlAgent(config.agentSpec(), trainer.parameters(), config.engine()), config);
        }
    }

    /** The agent of a run directory's newest checkpoint. */
    public static MetaRlAgent load(Path runDir) throws IOException {
        return fromCheckpoint(loadCheckpoint(runDir));
    }

    /** The newest checkpoint of {@code runDir}, verified; a missing directory or checkpoint is refused. */
    public static Checkpoint loadCheckpoint(Path runDir) throws IOException {
        if (!java.nio.file.Files.isDirectory(runDir)) {
            throw new Checkpoint.CheckpointException("no run directory " + runDir);
        }
        var newest = Checkpoint.newest(runDir).orElseThrow(() -> new Checkpoint.CheckpointException(
                "no checkpoint in " + runDir + " (expected " + Checkpoint.directory(runDir)
                        + "/checkpoint-*.zip; train with `l2rl train -l " + runDir + "` first)"));
        return Checkpoint.read(newest);
    }

    /**
     * Saves {@code agent} as a checkpoint file that {@link #load} and {@code l2rl evaluate} accept, with
     * {@code config} describing it and a fresh optimizer state (training would restart its moments).
     */
    public static void save(MetaRlAgent agent, TrainConfig config, long episodes, Path file) throws IOException {
        if (!config.agentSpec().equals(agent.spec())) {
            throw new IllegalArgumentException("config describes " + config.agentSpec() + ", agent is " + agent.spec());
        }
        int n = agent.spec().parameterCount();
        new Checkpoint(config, episodes, 0, 0, agent.parameters(), config.optimizer(), 0, new double[n],
                new double[n], agent.spec()).write(file);
    }

    /** The checkpoint's agent, acting as its config's {@code actions} says (see {@link ActionValidation}). */
    public static MetaRlAgent fromCheckpoint(Checkpoint c) {
        return ActionValidation.configured(
                new MetaRlAgent(c.agentSpec(), c.parameters(), c.config().engine()), c.config());
    }
}
