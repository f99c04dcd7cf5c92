package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;

/** The best arm by some score, ties broken uniformly at random so no arm is favoured by its index. */
final class ArgMax {
    private ArgMax() {
    }

    static int withRandomTies(double[] scores, SplittableRandom rng) {
        int best = 0;
        int ties = 1;
        for (int a = 1; a < scores.length; a++) {
            if (scores[a] > scores[best]) {
                best = a;
                ties = 1;
            } else if (scores[a] == scores[best]) {
                // Reservoir sampling: after m equal arms each has been kept with probability 1/m.
                ties++;
                if (rng.nextInt(ties) == 0) {
                    best = a;
                }
            }
        }
        return best;
    }

    /** A uniformly drawn arm among those never pulled, or -1 if every arm has been tried. */
    static int untriedArm(EpisodeHistory history, SplittableRandom rng) {
        var untried = new double[history.arms()];
        boolean any = false;
        for (int a = 0; a < untried.length; a++) {
            untried[a] = history.pulls(a) == 0 ? 1 : 0;
            any |= history.pulls(a) == 0;
        }
        return any ? withRandomTies(untried, rng) : -1;
    }
}
