package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;

/**
 * A bandit algorithm that acts from the history of one episode. Policies keep no state between calls:
 * everything they may use is in the history (the whole sequence of arms and rewards, and per-arm totals), and their
 * own random choices come from {@code rng}, the episode's policy stream, so an episode can be replayed exactly.
 */
public interface BanditPolicy {

    /** The policy's name in tables and plots, e.g. {@code ucb1}. */
    String name();

    /** The arm to pull at trial {@code history.trial()}. */
    int chooseArm(EpisodeHistory history, SplittableRandom rng);

    /**
     * True (the default) if the policy estimates each arm's mean as if it stayed fixed for the episode: such a
     * stationary policy is not offered for a family whose means drift ({@link Baselines#forFamily}). A windowed or
     * discounted policy answers false.
     */
    default boolean assumesFixedMeans() {
        return true;
    }
}
