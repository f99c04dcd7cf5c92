package l2rl.baseline;

import l2rl.env.EpisodeHistory;

/**
 * What an episode of the eleven-armed task (paper 3.1.3) has told about its target, which is uniform over arms
 * 1-10 a priori. Rewards are deterministic, so the evidence only ever rules arms out: the posterior on the target is
 * uniform over the arms still possible, the {@code candidates}. A pull of arm a < 10 paying 1 rules a out, one paying
 * 5 leaves only a; a pull of arm 11 paying k / 10 leaves only arm k when arm 11 is informative, and otherwise tells
 * k alone.
 *
 * @param candidates bit a set while arm a (0-based, a < 10) may still be the target
 * @param armElevenIndex k if arm 11 was pulled and paid k / 10, else 0 (unknown)
 */
record TargetPosterior(int candidates, int armElevenIndex) {
    static final int ARM_ELEVEN = 10;
    static final int ALL = (1 << 10) - 1;
    /** What arm 11 pays at index k is k / 10, and more than 1 pays only the target (5). */
    private static final double TARGET_FOUND = 3;

    static TargetPosterior prior() {
        return new TargetPosterior(ALL, 0);
    }

    /** The posterior after the trials played in {@code history}. */
    static TargetPosterior of(EpisodeHistory history, boolean informative) {
        var posterior = prior();
        for (int t = 0; t < history.trial(); t++) {
            posterior = posterior.after(history.arm(t), history.reward(t), informative);
        }
        if (posterior.candidates == 0) {
            throw new IllegalArgumentException("no arm can be the target after these rewards: not an eleven-armed"
                    + " task of paper 3.1.3");
        }
        return posterior;
    }

    /** The posterior after {@code arm} paid {@code reward}. */
    TargetPosterior after(int arm, double reward, boolean informative) {
        if (arm == ARM_ELEVEN) {
            int k = (int) Math.round(reward * 10);
            return informative ? new TargetPosterior(candidates & (1 << (k - 1)), k) : new TargetPosterior(candidates, k);
        }
        return new TargetPosterior(reward > TARGET_FOUND ? candidates & (1 << arm) : candidates & ~(1 << arm),
                armElevenIndex);
    }

    int count() {
        return Integer.bitCount(candidates);
    }

    boolean possible(int arm) {
        return arm < ARM_ELEVEN && (candidates & (1 << arm)) != 0;
    }
}
