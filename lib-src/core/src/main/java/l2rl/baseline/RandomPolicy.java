package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;

/** Pulls an arm uniformly at random every trial: the chance level every learner must beat. */
public record RandomPolicy() implements BanditPolicy {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        return rng.nextInt(history.arms());
    }

    /** Chance level needs no estimate of anything, so it is offered on drifting tasks too. */
    @Override
    public boolean assumesFixedMeans() {
        return false;
    }
}
