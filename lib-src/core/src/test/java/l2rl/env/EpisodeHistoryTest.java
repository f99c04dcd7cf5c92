package l2rl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A policy sees the whole episode, not only per-arm totals: windowed and discounted policies need the sequence. */
class EpisodeHistoryTest {

    @Test
    void keepsEveryTrialsArmAndReward() {
        var history = new EpisodeHistory(3, 5);
        history.record(2, 1.0);
        history.record(0, 0.0);
        history.record(2, 0.5);
        assertEquals(2, history.arm(0));
        assertEquals(0, history.arm(1));
        assertEquals(0.5, history.reward(2));
        assertEquals(1.5, history.rewardSum(2));
        // A reward discounted by 0.5 per trial of age, the kind of estimate a restless bandit calls for.
        double discounted = 0;
        for (int t = 0; t < history.trial(); t++) {
            discounted += history.arm(t) == 2 ? Math.pow(0.5, history.trial() - 1 - t) * history.reward(t) : 0;
        }
        assertEquals(0.5 + 0.25, discounted);
        assertThrows(IndexOutOfBoundsException.class, () -> history.arm(3));
    }
}
