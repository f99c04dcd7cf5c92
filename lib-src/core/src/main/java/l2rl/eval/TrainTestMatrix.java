package l2rl.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import l2rl.agent.MetaRlAgent;
import l2rl.env.TaskSet;
import l2rl.env.Tasks;

/**
 * The paper's Fig. 2f: agents trained on one task family (rows) tested on every family (columns), each cell the
 * mean regret R_T over the same held-out episodes of the tested family.
 */
public record TrainTestMatrix(List<String> trainedOn, List<String> testedOn, RegretReport[][] reports) {

    /** Tests every agent (by the name of the family it was trained on) on {@code episodes} episodes of each id. */
    public static TrainTestMatrix evaluate(Map<String, MetaRlAgent> agents, List<String> testIds, int trials,
            int episodes, long seed) {
        var trainedOn = new ArrayList<>(agents.keySet());
        var reports = new RegretReport[trainedOn.size()][testIds.size()];
        for (int j = 0; j < testIds.size(); j++) {
            var tasks = new TaskSet(Tasks.family(testIds.get(j)), seed, episodes);
            for (int i = 0; i < trainedOn.size(); i++) {
                reports[i][j] = Evaluation.run(agents.get(trainedOn.get(i)), tasks, trials, seed);
            }
        }
        return new TrainTestMatrix(trainedOn, List.copyOf(testIds), reports);
    }

    /** Mean regret, [trained][tested]. */
    public double[][] regret() {
        var regret = new double[reports.length][];
        for (int i = 0; i < reports.length; i++) {
            regret[i] = java.util.Arrays.stream(reports[i]).mapToDouble(RegretReport::regretMean).toArray();
        }
        return regret;
    }

    /** The matrix as a table: one row per training family, "mean ± ci95" per tested family. */
    public Table table(Map<String, String> shortNames) {
        var horizon = reports.length == 0 || reports[0].length == 0 ? "T" : Integer.toString(reports[0][0].trials());
        var table = Table.create("regret R_" + horizon + ": trained on (rows) x tested on (columns)",
                StringColumn.create("trained on", trainedOn));
        for (int j = 0; j < testedOn.size(); j++) {
            var cells = new ArrayList<String>();
            for (var row : reports) {
                cells.add(String.format(Locale.ROOT, "%.2f ± %.2f", row[j].regretMean(), row[j].regretCi95()));
            }
            table.addColumns(StringColumn.create(shortNames.getOrDefault(testedOn.get(j), testedOn.get(j)), cells));
        }
        return table;
    }

    /** Short names of the experiment families, as the paper labels them. */
    public static Map<String, String> paperNames() {
        var names = new LinkedHashMap<String, String>();
        names.put(Tasks.INDEPENDENT, "independent");
        names.put(Tasks.DEPENDENT_UNIFORM, "dependent-uniform");
        names.put(Tasks.DEPENDENT_EASY, "easy");
        names.put(Tasks.DEPENDENT_MEDIUM, "medium");
        names.put(Tasks.DEPENDENT_HARD, "hard");
        return names;
    }
}
