package l2rl.baseline;

import java.util.SplittableRandom;

import l2rl.env.EpisodeHistory;

/**
 * Thompson sampling on the eleven-armed task with the true prior over the target: draw a target from the posterior
 * (uniform over the arms still possible, {@link TargetPosterior}) and pull the arm that is best if it is the
 * target, which is that arm. Arm 11 is best under no hypothesis, so it is never pulled: the policy searches arms
 * 1-10 in random order until it finds the target, expected regret R_5 = 4 x E[min(N - 1, 5)] = 14 (N the target's
 * place in the search).
 *
 * @param informative whether arm 11 tells the target (it never pulls it, so this only keeps the posterior exact)
 */
public record TargetThompsonPolicy(boolean informative) implements BanditPolicy {

    @Override
    public String name() {
        return "thompson";
    }

    @Override
    public int chooseArm(EpisodeHistory history, SplittableRandom rng) {
        var posterior = TargetPosterior.of(history, informative);
        int draw = rng.nextInt(posterior.count());
        for (int arm = 0; ; arm++) {
            if (posterior.possible(arm) && draw-- == 0) {
                return arm;
            }
        }
    }
}
