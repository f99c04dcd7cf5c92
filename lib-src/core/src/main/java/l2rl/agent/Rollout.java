package l2rl.agent;

/**
 * What learning needs from {@code batch} episodes, each from its first trial up to trial {@code length}
 * (stored episode-major, index b * length + t): the inputs the agent saw, the actions taken, and the
 * advantages and returns computed from the rewards and the values seen while acting. {@code mask} is 1 on
 * the trials this update trains on (the last rollout's) and 0 on earlier ones, which are replayed only to
 * rebuild the recurrent state: learning always starts from the episode's start state, exactly as acting
 * did. (SameDiff 1.0.0-M2.1's LSTM backward pass is wrong for a non-zero initial state — see
 * LstmActorCriticTest — so a truncated rollout is trained by replaying its episode's earlier trials.)
 */
public record Rollout(int batch, int length, float[] inputs, int[] actions, float[] advantages, float[] returns,
        float[] mask) {

    /** A rollout that trains on every trial from the episode start. */
    public static Rollout whole(int batch, int length, float[] inputs, int[] actions, float[] advantages,
            float[] returns) {
        var mask = new float[batch * length];
        java.util.Arrays.fill(mask, 1f);
        return new Rollout(batch, length, inputs, actions, advantages, returns, mask);
    }
}
