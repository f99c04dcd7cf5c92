package l2rl.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

import l2rl.env.Bandit;
import l2rl.env.ElevenArmedWithIndex;
import l2rl.env.TaskSet;

/** The strategy trial by trial (paper Fig. 3) counts each pull as the target's, arm 11's or another arm's. */
class PullSharesTest {

    @Test
    void eachPullCountsOnceAsTargetMarkedArmOrOther() {
        var tasks = new TaskSet(new ElevenArmedWithIndex(true), 3, 4);
        var arms = new int[4][];
        for (int e = 0; e < 4; e++) {
            int target = ((Bandit) tasks.task(e).task()).optimalArm();
            int other = (target + 1) % 10;
            // trial 1: arm 11 in every episode; trial 2: the target in episodes 0-2, another arm in 3; trial 3: other
            arms[e] = new int[] {10, e < 3 ? target : other, other};
        }
        var shares = PullShares.of("test", tasks, arms, 10);
        assertArrayEquals(new double[] {0, 0.75, 0}, shares.best());
        assertArrayEquals(new double[] {1, 0, 0}, shares.marked());
        assertArrayEquals(new double[] {0, 0.25, 1}, shares.other());
    }
}
