package l2rl.eval;

import java.io.StringWriter;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.Locale;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.csv.CsvWriteOptions;

import l2rl.env.TaskFamily;
import l2rl.env.Tasks;

/** Regret reports as Tablesaw tables and CSV, one row per policy. */
public final class ResultTables {
    /** The CSV header every l2rl command prints. */
    public static final String CSV_HEADER = "policy,regret_mean,regret_ci95,subopt_pulls_mean";

    private ResultTables() {
    }

    /**
     * Columns policy, regret_mean, regret_ci95, subopt_pulls_mean, printed with four decimals; for a family without
     * per-step regret, policy, reward_rate, reward_rate_ci95 instead ({@link #rewardRateTable}).
     */
    public static Table regretTable(String title, List<RegretReport> reports) {
        if (reports.stream().anyMatch(r -> !r.hasRegret() && r.hasRewards())) {
            return rewardRateTable(title, reports);
        }
        var table = Table.create(title,
                StringColumn.create("policy", reports.stream().map(RegretReport::policy)),
                DoubleColumn.create("regret_mean", reports.stream().mapToDouble(RegretReport::regretMean)),
                DoubleColumn.create("regret_ci95", reports.stream().mapToDouble(RegretReport::regretCi95)),
                DoubleColumn.create("subopt_pulls_mean",
                        reports.stream().mapToDouble(RegretReport::suboptimalPullsMean)));
        for (var name : List.of("regret_mean", "regret_ci95", "subopt_pulls_mean")) {
            table.doubleColumn(name).setPrintFormatter(decimals(4));
        }
        return table;
    }

    /** Columns policy, reward_rate, reward_rate_ci95 (mean reward per trial), printed with four decimals. */
    public static Table rewardRateTable(String title, List<RegretReport> reports) {
        var table = Table.create(title,
                StringColumn.create("policy", reports.stream().map(RegretReport::policy)),
                DoubleColumn.create("reward_rate", reports.stream().mapToDouble(RegretReport::rewardRate)),
                DoubleColumn.create("reward_rate_ci95", reports.stream().mapToDouble(RegretReport::rewardRateCi95)));
        for (var name : List.of("reward_rate", "reward_rate_ci95")) {
            table.doubleColumn(name).setPrintFormatter(decimals(4));
        }
        return table;
    }

    /**
     * Every registered task id with its arms, default trials, how it samples a task and what its family declares:
     * reward kind, fixed or drifting means, arm structure, observation size and reward input.
     */
    public static Table taskRegistry() {
        var families = Tasks.ids().stream().map(Tasks::family).toList();
        return Table.create("task registry",
                StringColumn.create("id", Tasks.ids()),
                IntColumn.create("arms", families.stream().mapToInt(TaskFamily::arms).toArray()),
                IntColumn.create("trials", families.stream().mapToInt(TaskFamily::defaultTrials).toArray()),
                StringColumn.create("a task", families.stream().map(TaskFamily::description)),
                StringColumn.create("rewards", families.stream().map(f -> f.rewardKind().label())),
                StringColumn.create("means", families.stream().map(f -> f.meansFixed() ? "fixed" : "drifting")),
                StringColumn.create("arm structure", families.stream().map(f -> f.armStructure().label())),
                IntColumn.create("observation", families.stream().mapToInt(TaskFamily::observationSize).toArray()),
                StringColumn.create("reward input", families.stream().map(f -> f.rewardEncoding().toString())));
    }

    /**
     * Policies (rows) by task families (columns), each cell "mean ± ci95" of R_T; {@code reportsByFamily} maps a
     * column name to that family's reports. A policy missing for a family shows "-".
     */
    public static Table regretMatrix(String title, Map<String, List<RegretReport>> reportsByFamily) {
        var policies = new ArrayList<String>();
        reportsByFamily.values().forEach(reports -> reports.forEach(r -> {
            if (!policies.contains(r.policy())) {
                policies.add(r.policy());
            }
        }));
        var table = Table.create(title, StringColumn.create("policy", policies));
        reportsByFamily.forEach((family, reports) -> table.addColumns(StringColumn.create(family,
                policies.stream().map(policy -> reports.stream().filter(r -> r.policy().equals(policy)).findFirst()
                        .map(r -> String.format(Locale.ROOT, "%.2f ± %.2f", r.regretMean(), r.regretCi95()))
                        .orElse("-")))));
        return table;
    }

    /**
     * An episode trial by trial: t (from 1), arm pulled (from 1, as in the paper), reward, regret of the pull (as
     * recorded at the pull). The title shows the means at the episode's start.
     */
    public static Table episodeTrace(EpisodeTrace trace) {
        var table = Table.create(trace.policy() + " on p = " + formatted(trace.means()),
                IntColumn.create("t", IntStream.rangeClosed(1, trace.trials()).toArray()),
                IntColumn.create("arm", Arrays.stream(trace.arms()).map(a -> a + 1).toArray()),
                DoubleColumn.create("reward", trace.rewards()),
                DoubleColumn.create("regret", trace.regrets()));
        table.doubleColumn("regret").setPrintFormatter(decimals(3));
        return table;
    }

    /** Values with two decimals, e.g. (0.43, 0.77). */
    public static String formatted(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.2f", v))
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * A table column's numbers with a fixed number of decimals, whatever the machine's locale; a value that rounds
     * to zero prints as 0.000, not -0.000 (an R^2 of -0.0004 is no worse than none).
     */
    public static NumberColumnFormatter decimals(int places) {
        var format = new DecimalFormat("0." + "0".repeat(places), DecimalFormatSymbols.getInstance(Locale.ROOT)) {
            @Override
            public StringBuffer format(double value, StringBuffer to, FieldPosition position) {
                var text = super.format(value, new StringBuffer(), position).toString();
                return to.append(text.matches("-0\\.0*") ? text.substring(1) : text);
            }
        };
        return new NumberColumnFormatter(format, "");
    }

    /**
     * Lines "COMMAND -> policy regret_mean = x" that name the command line which recomputes each number; the test
     * suite runs the command and compares, so a notebook's key numbers are checked against the library's own run.
     */
    public static String keyNumbers(String command, List<RegretReport> reports) {
        var lines = new StringBuilder();
        for (var r : reports) {
            lines.append(String.format(Locale.ROOT, "%s -> %s regret_mean = %.4f%n", command, r.policy(), r.regretMean()));
        }
        return lines.toString();
    }

    /** The table as CSV text with its print formatting: the header, then one row per policy. */
    public static String csv(Table table) {
        var out = new StringWriter();
        table.write().csv(CsvWriteOptions.builder(out).usePrintFormatters(true).build());
        return out.toString();
    }
}
