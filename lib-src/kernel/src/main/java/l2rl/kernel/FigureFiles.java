package l2rl.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.AxesChartSeriesCategory;
import org.knowm.xchart.internal.series.AxesChartSeriesNumericalNoErrorBars;
import org.knowm.xchart.internal.series.Series;
import tech.tablesaw.table.Relation;

/**
 * A figure as files a write-up can cite: the chart as PNG (what the notebook shows) and SVG (XChart's vector
 * encoder), and the numbers behind it as CSV, so a reader can re-plot or check a figure without Java. A table is
 * written as CSV only.
 *
 * <p>A chart's CSV is long-form, one row per plotted point: {@code series,<x axis title>,<y axis title>} (plus
 * {@code error} when a series has error bars). A heat map's is one row per cell: {@code <x axis title>,<y axis
 * title>,<series name>}. Numbers are written in full ({@link Double#toString}), not as the axis formats them.
 */
final class FigureFiles {

    private FigureFiles() {
    }

    /** Writes {@code base}.png, .svg and .csv; each file appears whole or not at all. */
    static List<Path> writeChart(Chart<?, ?> chart, Path base) throws IOException {
        var png = sibling(base, ".png");
        var svg = sibling(base, ".svg");
        var csv = sibling(base, ".csv");
        writeAtomically(png, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        var vector = new java.io.ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, vector, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        writeAtomically(svg, vector.toByteArray());
        writeAtomically(csv, csv(chart).getBytes(StandardCharsets.UTF_8));
        return List.of(png, svg, csv);
    }

    /** Writes {@code base}.csv: the table's columns as Tablesaw prints their values. */
    static Path writeTable(Relation table, Path base) throws IOException {
        var csv = sibling(base, ".csv");
        var text = new StringBuilder(row(table.columnNames()));
        for (int r = 0; r < table.rowCount(); r++) {
            var cells = new ArrayList<String>();
            for (int c = 0; c < table.columnCount(); c++) {
                cells.add(table.column(c).getString(r));
            }
            text.append(row(cells));
        }
        writeAtomically(csv, text.toString().getBytes(StandardCharsets.UTF_8));
        return csv;
    }

    /** The numbers behind a chart, as described in the class comment. */
    static String csv(Chart<?, ?> chart) {
        if (chart instanceof HeatMapChart heatMap) {
            return heatMapCsv(heatMap);
        }
        var series = chart.getSeriesMap().values();
        boolean errors = series.stream().anyMatch(s -> !errorsOf(s).isEmpty());
        var text = new StringBuilder(row(errors
                ? List.of("series", axisTitle(chart.getXAxisTitle(), "x"), axisTitle(chart.getYAxisTitle(), "y"), "error")
                : List.of("series", axisTitle(chart.getXAxisTitle(), "x"), axisTitle(chart.getYAxisTitle(), "y"))));
        for (Series s : series) {
            var xs = xsOf(s);
            var ys = ysOf(s);
            var es = errorsOf(s);
            for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
                var cells = new ArrayList<>(List.of(s.getName(), xs.get(i), ys.get(i)));
                if (errors) {
                    cells.add(i < es.size() ? es.get(i) : "");
                }
                text.append(row(cells));
            }
        }
        return text.toString();
    }

    private static String heatMapCsv(HeatMapChart chart) {
        var series = chart.getHeatMapSeries();
        var xs = series.getXData();
        var ys = series.getYData();
        var text = new StringBuilder(row(List.of(axisTitle(chart.getXAxisTitle(), "x"),
                axisTitle(chart.getYAxisTitle(), "y"), axisTitle(series.getName(), "value"))));
        // A heat cell is {x index, y index, value}.
        for (Number[] cell : series.getHeatData()) {
            text.append(row(List.of(String.valueOf(xs.get(cell[0].intValue())),
                    String.valueOf(ys.get(cell[1].intValue())), number(cell[2]))));
        }
        return text.toString();
    }

    private static List<String> xsOf(Series s) {
        if (s instanceof AxesChartSeriesNumericalNoErrorBars xy) {
            return numbers(xy.getXData());
        }
        if (s instanceof AxesChartSeriesCategory category) {
            return category.getXData().stream().map(x -> x instanceof Number n ? number(n) : String.valueOf(x))
                    .collect(Collectors.toList());
        }
        return List.of();
    }

    private static List<String> ysOf(Series s) {
        if (s instanceof AxesChartSeriesNumericalNoErrorBars xy) {
            return numbers(xy.getYData());
        }
        if (s instanceof AxesChartSeriesCategory category) {
            return numbers(category.getYData());
        }
        return List.of();
    }

    private static List<String> errorsOf(Series s) {
        if (s instanceof AxesChartSeriesNumericalNoErrorBars xy && xy.getExtraValues() != null) {
            return numbers(xy.getExtraValues());
        }
        if (s instanceof AxesChartSeriesCategory category && category.getExtraValues() != null) {
            return numbers(category.getExtraValues());
        }
        return List.of();
    }

    private static List<String> numbers(double[] values) {
        return DoubleStream.of(values).mapToObj(Double::toString).collect(Collectors.toList());
    }

    private static List<String> numbers(Collection<? extends Number> values) {
        return values.stream().map(FigureFiles::number).collect(Collectors.toList());
    }

    private static String number(Number n) {
        return n == null ? "" : n instanceof Double || n instanceof Float ? Double.toString(n.doubleValue()) : n.toString();
    }

    private static String axisTitle(String title, String otherwise) {
        return title == null || title.isBlank() ? otherwise : title;
    }

    /** One CSV line (RFC 4180 quoting). */
    private static String row(List<String> cells) {
        return cells.stream().map(FigureFiles::quoted).collect(Collectors.joining(",")) + "\n";
    }

    private static String quoted(String cell) {
        return cell.matches("(?s).*[\",\r\n].*") ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** A name for a file from a figure's title: lower-case words joined by "-", at most 48 characters. */
    static String slug(String title) {
        if (title == null) {
            return "";
        }
        // Task ids are CamelCase words: BanditTwoArmedDependentEasy-v0 -> bandit-two-armed-dependent-easy-v0.
        String words = title.replaceAll("(?<=[a-z0-9])(?=[A-Z])", "-");
        String slug = words.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        int cut = slug.lastIndexOf('-', 48); // at a word's end
        return slug.length() <= 48 ? slug : slug.substring(0, cut > 0 ? cut : 48);
    }

    private static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        var temporary = sibling(file, ".tmp");
        Files.write(temporary, bytes);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
