package l2rl.eval;

import java.io.StringWriter;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.csv.CsvWriteOptions;

/** Regret reports as Tablesaw tables and CSV, one row per policy. */
public final class ResultTables {
    /** The CSV header every l2rl command prints. */
    public static final String CSV_HEADER = "policy,regret_mean,regret_ci95,subopt_pulls_mean";

    private ResultTables() {
    }

    /** Columns policy, regret_mean, regret_ci95, subopt_pulls_mean, printed with four decimals. */
    public static Table regretTable(String title, List<RegretReport> reports) {
        var table = Table.create(title,
                StringColumn.create("policy", reports.stream().map(RegretReport::policy)),
                DoubleColumn.create("regret_mean", reports.stream().mapToDouble(RegretReport::regretMean)),
                DoubleColumn.create("regret_ci95", reports.stream().mapToDouble(RegretReport::regretCi95)),
                DoubleColumn.create("subopt_pulls_mean",
                        reports.stream().mapToDouble(RegretReport::suboptimalPullsMean)));
        var fourDecimals = new NumberColumnFormatter(new DecimalFormat("0.0000", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        for (var name : List.of("regret_mean", "regret_ci95", "subopt_pulls_mean")) {
            table.doubleColumn(name).setPrintFormatter(fourDecimals);
        }
        return table;
    }

    /** The table as CSV text with its print formatting: the header, then one row per policy. */
    public static String csv(Table table) {
        var out = new StringWriter();
        table.write().csv(CsvWriteOptions.builder(out).usePrintFormatters(true).build());
        return out.toString();
    }
}
