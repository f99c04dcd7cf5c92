package l2rl.train;

import java.io.IOException;
import java.nio.file.Path;

import l2rl.agent.MetaRlAgent;

/** SB3's verbs for the meta-RL agent: learn, load, save (predict is {@link MetaRlAgent#predict}). */
public final class Agents {
    private Agents() {
    }

    /** Trains an agent with {@code config}, writing the run into {@code runDir} (null: in memory only). */
    public static MetaRlAgent learn(TrainConfig config, Path runDir) throws IOException {
        var trainer = Trainer.create(config, runDir, null);
        trainer.run();
        return new MetaRlAgent(config.agentSpec(), trainer.parameters());
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

    public static MetaRlAgent fromCheckpoint(Checkpoint c) {
        return new MetaRlAgent(c.config().agentSpec(), c.parameters());
    }
}
