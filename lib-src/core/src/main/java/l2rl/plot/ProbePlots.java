package l2rl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Figures of notebook 05: what the LSTM's state carries, against the exact Bayesian posterior. */
public final class ProbePlots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    private ProbePlots() {
    }

    /**
     * One line per named series against the trial index t = 0..T-1; NaN points (e.g. an R^2 where the quantity
     * does not vary, at t = 0) leave a gap. {@code yMin}, {@code yMax} may be null; values below yMin are drawn at it.
     */
    public static XYChart byTrial(String title, String yTitle, Map<String, double[]> series, Double yMin, Double yMax) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT + 30).title(title)
                .xAxisTitle("trial t").yAxisTitle(yTitle).build();
        Plots.style(chart);
        // below the plot, in one row: inside, it hid the curves that run along the bottom (R^2 near 0)
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax);
        for (var entry : series.entrySet()) {
            var values = entry.getValue();
            var x = new double[values.length];
            var y = new double[values.length];
            for (int t = 0; t < values.length; t++) {
                x[t] = t;
                y[t] = yMin == null || Double.isNaN(values[t]) ? values[t] : Math.max(yMin, values[t]);
            }
            var line = Plots.addOnRoundTicks(chart, entry.getKey(), x, y);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Palette.of(entry.getKey()));
            line.setLineWidth(Palette.isAgent(entry.getKey()) ? 3f : 2f);
        }
        return chart;
    }

    /**
     * A scatter of y against x, at most {@code maxPoints} points (every k-th pair), with the line y = x when
     * {@code diagonal}: decoded against true values, or an estimate against the exact one. The points are the
     * trained agent's colour.
     */
    public static XYChart scatter(String title, String xTitle, String yTitle, double[] x, double[] y, int maxPoints,
            boolean diagonal) {
        return scatter("trained", title, xTitle, yTitle, x, y, maxPoints, diagonal);
    }

    /** {@link #scatter(String, String, String, double[], double[], int, boolean)} in the colour of {@code network}. */
    public static XYChart scatter(String network, String title, String xTitle, String yTitle, double[] x, double[] y,
            int maxPoints, boolean diagonal) {
        var chart = new XYChartBuilder().width(WIDTH - 160).height(WIDTH - 200).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Plots.style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(4);
        int step = Math.max(1, x.length / Math.max(1, maxPoints));
        var xs = new ArrayList<Double>();
        var ys = new ArrayList<Double>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i += step) {
            xs.add(x[i]);
            ys.add(y[i]);
            lo = Math.min(lo, Math.min(x[i], y[i]));
            hi = Math.max(hi, Math.max(x[i], y[i]));
        }
        var points = chart.addSeries("points", xs, ys);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        var colour = Palette.of(network);  // translucent, so that where points pile up shows
        points.setMarkerColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 70));
        if (diagonal) {
            var line = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(Color.BLACK);
            line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        return chart;
    }

    /** Bars: a rate (0..1) per category, e.g. agreement with the Bayes-optimal arm by the advantage at stake. */
    public static CategoryChart rates(String title, String xTitle, String yTitle, List<String> categories,
            double[] rates) {
        var chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        var styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setAxisTickLabelsFont(styler.getAxisTickLabelsFont().deriveFont(13f));
        styler.setAxisTitleFont(styler.getAxisTitleFont().deriveFont(14f));
        styler.setYAxisMin(0.0).setYAxisMax(1.0);
        styler.setLabelsVisible(true);
        styler.setDecimalPattern("0.00");
        styler.setLabelsFont(styler.getLabelsFont().deriveFont(java.awt.Font.BOLD, 13f));
        styler.setXAxisLabelRotation(20);
        styler.setSeriesColors(new Color[] {Palette.AGENT});
        var values = new ArrayList<Double>();
        for (double r : rates) {
            values.add(Double.isNaN(r) ? 0.0 : r);
        }
        chart.addSeries(yTitle, categories, values);
        return chart;
    }

    /**
     * Points in a plane (e.g. the first two principal components of hidden states), coloured by a value (e.g. the
     * posterior probability that arm 0 is better) in {@code bins} equal bins from {@code lo} to {@code hi}, blue to
     * red; at most {@code maxPoints} points (every k-th).
     */
    public static XYChart colouredMap(String title, String xTitle, String yTitle, double[] x, double[] y,
            double[] colour, String colourName, double lo, double hi, int bins, int maxPoints) {
        var chart = new XYChartBuilder().width(WIDTH).height(WIDTH - 120).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Plots.style(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        int step = Math.max(1, x.length / Math.max(1, maxPoints));
        var xs = new ArrayList<List<Double>>();
        var ys = new ArrayList<List<Double>>();
        for (int b = 0; b < bins; b++) {
            xs.add(new ArrayList<>());
            ys.add(new ArrayList<>());
        }
        for (int i = 0; i < x.length; i += step) {
            int b = (int) Math.floor((colour[i] - lo) / (hi - lo) * bins);
            b = Math.max(0, Math.min(bins - 1, b));
            xs.get(b).add(x[i]);
            ys.get(b).add(y[i]);
        }
        for (int b = 0; b < bins; b++) {
            if (xs.get(b).isEmpty()) {
                continue;
            }
            double from = lo + (hi - lo) * b / bins;
            double to = lo + (hi - lo) * (b + 1) / bins;
            var range = edge(from) + "-" + edge(to);
            var series = chart.addSeries(chart.getSeriesMap().isEmpty() ? colourName + " " + range : range,
                    xs.get(b), ys.get(b));
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setMarkerColor(diverging((b + 0.5) / bins));
        }
        return chart;
    }

    /**
     * Draws paths over a chart, e.g. single episodes' hidden-state trajectories over the cloud of all states: each
     * path a dark line from its first point (a square) to its last (a diamond).
     */
    public static XYChart withPaths(XYChart chart, Map<String, double[][]> paths) {
        var shades = new Color[] {Color.BLACK, new Color(90, 60, 20), new Color(40, 90, 40), new Color(80, 40, 110)};
        int index = 0;
        for (var entry : paths.entrySet()) {
            var xy = entry.getValue();  // [2][points]
            var colour = shades[index++ % shades.length];
            var line = chart.addSeries(entry.getKey(), xy[0], xy[1]);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(colour);
            line.setLineStyle(new BasicStroke(1.5f));
            int last = xy[0].length - 1;
            for (var end : new int[] {0, last}) {
                var mark = chart.addSeries(entry.getKey() + (end == 0 ? " start" : " end"), new double[] {xy[0][end]},
                        new double[] {xy[1][end]});
                mark.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                mark.setMarker(end == 0 ? SeriesMarkers.SQUARE : SeriesMarkers.DIAMOND);
                mark.setMarkerColor(colour);
                mark.setShowInLegend(false);
            }
        }
        return chart;
    }

    /**
     * A bin edge with as many decimals as it needs, at most three: eighths print as 0.125 and 0.375, not as the
     * rounded 0.13 and 0.38 that made neighbouring bins look as if they overlapped.
     */
    static String edge(double value) {
        var exact = java.math.BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return exact.scale() < 1 ? exact.setScale(1).toPlainString() : exact.toPlainString();
    }

    /** Blue (0) through light grey (1/2) to red (1). */
    static Color diverging(double u) {
        var blue = new Color(33, 102, 172);
        var mid = new Color(210, 210, 210);
        var red = new Color(178, 24, 43);
        var from = u < 0.5 ? blue : mid;
        var to = u < 0.5 ? mid : red;
        double s = u < 0.5 ? u * 2 : (u - 0.5) * 2;
        return new Color((int) Math.round(from.getRed() + s * (to.getRed() - from.getRed())),
                (int) Math.round(from.getGreen() + s * (to.getGreen() - from.getGreen())),
                (int) Math.round(from.getBlue() + s * (to.getBlue() - from.getBlue())), 150);
    }
}
