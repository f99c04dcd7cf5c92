package l2rl.analysis;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import l2rl.eval.ResultTables;

/**
 * The summary numbers of one network's trace: held-out R^2 of the linear read-out of each posterior quantity,
 * how often its most likely arm is the Bayes-optimal arm, and its regret. What {@code l2rl probe} prints and
 * notebook 05 shows.
 */
public record ProbeReport(String network, Map<String, Decoding> decodings, Agreement agreement, double regret) {

    /** The posterior quantities read out, by the names the reports use. */
    public static final Map<String, ToDoubleFunction<PosteriorState>> QUANTITIES = quantities();

    private static Map<String, ToDoubleFunction<PosteriorState>> quantities() {
        var q = new LinkedHashMap<String, ToDoubleFunction<PosteriorState>>();
        q.put("mean0", PosteriorState::mean0);
        q.put("mean1", PosteriorState::mean1);
        q.put("arm0_better", PosteriorState::arm0Better);
        q.put("advantage0", PosteriorState::advantage0);
        return java.util.Collections.unmodifiableMap(q);
    }

    /** Read-outs fitted on the trace's first episodes, tested on its last {@code heldOut} episodes. */
    public static ProbeReport of(AgentTrace trace, int heldOut) {
        var decodings = new LinkedHashMap<String, Decoding>();
        QUANTITIES.forEach((name, quantity) ->
                decodings.put(name, Decoding.of(trace, name, quantity, trace.episodes() - heldOut)));
        return new ProbeReport(trace.name(), decodings, Agreement.of(trace), trace.regretReport().regretMean());
    }

    /** The report's numbers by measure: r2_QUANTITY for each quantity, agreement, excess_regret, regret_mean. */
    public Map<String, Double> measures() {
        var m = new LinkedHashMap<String, Double>();
        decodings.forEach((name, d) -> m.put("r2_" + name, d.r2()));
        m.put("agreement", agreement.rate());
        m.put("excess_regret", agreement.excessRegret());
        m.put("regret_mean", regret);
        return m;
    }

    /** One row per measure: {@code measure,value}. */
    public Table table() {
        var measure = StringColumn.create("measure");
        var value = DoubleColumn.create("value");
        measures().forEach((k, v) -> {
            measure.append(k);
            value.append(v);
        });
        value.setPrintFormatter(new tech.tablesaw.columns.numbers.NumberColumnFormatter(
                new java.text.DecimalFormat("0.0000", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)), ""));
        return Table.create(network, measure, value);
    }

    /** Several networks' reports side by side: one row per measure, one column per network. */
    public static Table compare(String title, java.util.List<ProbeReport> reports) {
        return compare(title, reports, false);
    }

    /** As {@link #compare(String, java.util.List)}; {@code readOutsOnly} keeps the R^2 rows only. */
    public static Table compare(String title, java.util.List<ProbeReport> reports, boolean readOutsOnly) {
        var measure = StringColumn.create("measure");
        var names = reports.get(0).measures().keySet().stream().filter(k -> !readOutsOnly || k.startsWith("r2_"))
                .toList();
        names.forEach(measure::append);
        var table = Table.create(title, measure);
        for (var report : reports) {
            var column = DoubleColumn.create(report.network());
            names.forEach(k -> column.append(report.measures().get(k)));
            column.setPrintFormatter(ResultTables.decimals(3));
            table.addColumns(column);
        }
        return table;
    }

    /**
     * "COMMAND -> MEASURE value = V" for each of {@code measures}, the lines the test suite recomputes by running
     * COMMAND.
     */
    public String keyNumbers(String command, String... measures) {
        var lines = new StringBuilder();
        var all = measures();
        for (var name : measures) {
            if (!all.containsKey(name)) {
                throw new IllegalArgumentException("no measure " + name + "; measures: " + all.keySet());
            }
            lines.append(String.format(Locale.ROOT, "%s -> %s value = %.4f%n", command, name, all.get(name)));
        }
        return lines.toString();
    }
}
