package l2rl.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Groups of agents on the same held-out tasks, one agent a training seed (the LSTM's and the GRU's in notebooks 02
 * and 03): each agent's regret as a multiple of a floor on the same tasks (the exact Bayes-optimal regret), and per
 * group the median and the worst seed, as the README reports agents, so no group is judged by a picked run.
 */
public final class CellComparison {
    private CellComparison() {
    }

    /** One row per agent: group, agent, regret_mean, regret_ci95, x_floor (its regret over the floor's). */
    public static Table table(String title, Map<String, List<RegretReport>> byGroup, RegretReport floor) {
        var groups = new ArrayList<String>();
        var reports = new ArrayList<RegretReport>();
        byGroup.forEach((group, runs) -> runs.forEach(r -> {
            groups.add(group);
            reports.add(r);
        }));
        var table = Table.create(title, StringColumn.create("group", groups),
                StringColumn.create("agent", reports.stream().map(RegretReport::policy)),
                DoubleColumn.create("regret_mean", reports.stream().mapToDouble(RegretReport::regretMean)),
                DoubleColumn.create("regret_ci95", reports.stream().mapToDouble(RegretReport::regretCi95)),
                DoubleColumn.create("x_" + floor.policy().replace('-', '_'),
                        reports.stream().mapToDouble(r -> r.regretMean() / floor.regretMean())));
        for (int c = 2; c < table.columnCount(); c++) {
            ((DoubleColumn) table.column(c)).setPrintFormatter(ResultTables.decimals(c == 4 ? 3 : 4));
        }
        return table;
    }

    /** The median seed's and the worst seed's multiple of the floor in {@code runs}. */
    public static double[] medianAndWorst(List<RegretReport> runs, RegretReport floor) {
        double[] x = runs.stream().mapToDouble(r -> r.regretMean() / floor.regretMean()).sorted().toArray();
        double median = x.length % 2 == 1 ? x[x.length / 2] : (x[x.length / 2 - 1] + x[x.length / 2]) / 2;
        return new double[] {median, x[x.length - 1]};
    }

    /** One line a group: "GROUP: median 1.31x, worst 1.40x FLOOR (seeds 1.31 / 1.25 / 1.40)". */
    public static String summary(Map<String, List<RegretReport>> byGroup, RegretReport floor) {
        var lines = new StringBuilder();
        byGroup.forEach((group, runs) -> {
            double[] mw = medianAndWorst(runs, floor);
            var seeds = runs.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.regretMean() / floor.regretMean()))
                    .toList();
            lines.append(String.format(Locale.ROOT, "%s: median %.2fx, worst %.2fx %s (seeds %s)%n", group, mw[0],
                    mw[1], floor.policy(), String.join(" / ", seeds)));
        });
        return lines.toString();
    }
}
