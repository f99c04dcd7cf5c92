package l2rl.sweep;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The paper's report of a sweep: the top runs chosen on evaluation episodes 1-150 and their mean regret on
 * episodes 151-300, so the reported figure is not inflated by the selection.
 *
 * @param chosen the best finished runs by regret on episodes 1-150, best first (ties: lower run index)
 * @param runs   all runs of the table, finished or failed
 */
public record TopRuns(List<RunResult> chosen, List<RunResult> runs) {
    /** The paper's 5. */
    public static final int PAPER_K = 5;

    public static TopRuns choose(Collection<RunResult> runs, int k) {
        var chosen = runs.stream().filter(RunResult::ok)
                .sorted(Comparator.comparingDouble(RunResult::regretFirstHalf).thenComparingInt(RunResult::run))
                .limit(k)
                .toList();
        return new TopRuns(chosen, List.copyOf(runs));
    }

    /** Mean R_T of the chosen runs on episodes 151-300: the figure the paper reports. */
    public double reportedRegret() {
        return chosen.stream().mapToDouble(RunResult::regretSecondHalf).average().orElse(Double.NaN);
    }

    public long failedRuns() {
        return runs.stream().filter(r -> !r.ok()).count();
    }

    /** The summary printed and kept as top5.txt. */
    public String summary(String title) {
        var sb = new StringBuilder(title).append('\n');
        sb.append(String.format(Locale.ROOT, "top %d of %d finished runs, chosen on evaluation episodes 1-%d:%n",
                chosen.size(), runs.size() - failedRuns(), Run.SELECTION_EPISODES));
        sb.append(String.format(Locale.ROOT, "%5s  %10s  %6s  %14s  %16s%n", "run", "lr", "gamma", "regret_1_150",
                "regret_151_300"));
        for (var r : chosen) {
            sb.append(String.format(Locale.ROOT, "%5d  %10.3e  %6.4f  %14.4f  %16.4f%n", r.run(), r.learningRate(),
                    r.gamma(), r.regretFirstHalf(), r.regretSecondHalf()));
        }
        sb.append(String.format(Locale.ROOT, "reported regret (mean of the top %d on episodes %d-%d): %.4f%n",
                chosen.size(), Run.SELECTION_EPISODES + 1, Run.EVALUATION_EPISODES, reportedRegret()));
        if (failedRuns() > 0) {
            sb.append(String.format(Locale.ROOT, "%d runs failed (status failed in results.csv); run the same command "
                    + "again to retry them%n", failedRuns()));
        }
        return sb.toString();
    }
}
