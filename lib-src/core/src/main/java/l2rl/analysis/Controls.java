package l2rl.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;

import l2rl.agent.ActorCritic;
import l2rl.agent.MetaRlAgent;
import l2rl.env.Seeds;
import l2rl.train.Agents;
import l2rl.train.TrainConfig;

/**
 * The networks a read-out must fail on for its success to mean something: the same network before training, and
 * the same network trained without the reward input (the paper's control). Both are reproducible from the
 * trained agent's config, so the notebook and {@code l2rl probe} make the same ones.
 */
public final class Controls {
    /** Training episodes of the no-reward control: its policy is at chance long before (notebook 02). */
    public static final int NO_REWARD_EPISODES = 5000;

    private Controls() {
    }

    /** The weights the trained agent's run started from: {@code ActorCritic.initialParameters} of its seed. */
    public static MetaRlAgent untrained(TrainConfig trainedWith) {
        var spec = trainedWith.agentSpec();
        return new MetaRlAgent(spec, ActorCritic.initialParameters(spec, Seeds.rng(trainedWith.seed(), "init", 0)),
                trainedWith.engine());
    }

    /**
     * The same config with the reward input withheld, trained in memory for {@code episodes} episodes by one
     * worker (A2C), so that the run, and every number measured on it, is the same each time.
     */
    public static MetaRlAgent noRewardInput(TrainConfig trainedWith, int episodes) {
        var config = trainedWith.with("rewardInput", false).with("episodes", episodes).with("workers", 1);
        try {
            return Agents.learn(config, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
