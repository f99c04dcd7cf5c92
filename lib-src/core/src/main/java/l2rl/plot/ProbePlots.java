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
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("trial t").yAxisTitle(yTitle).build();
        Plots.style(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax);
        // XChart ticks every k-th of equally spaced x values (knowm/XChart#731): only multiples of 10 keep a label
        chart.getStyler().setxAxisTickLabelsFormattingFunction(
                x -> Math.rint(x) == x && ((long) x.doubleValue()) % 10 == 0 ? Long.toString((long) x.doubleValue()) : " ");
        int index = 0;
        for (var entry : series.entrySet()) {
            var values = entry.getValue();
            var x = new double[values.length];
            var y = new double[values.length];
            for (int t = 0; t < values.length; t++) {
                x[t] = t;
                y[t] = yMin == null || Double.isNaN(values[t]) ? values[t] : Math.max(yMin, values[t]);
            }
            var line = chart.addSeries(entry.getKey(), x, y);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(networkColour(entry.getKey(), index++));
            line.setLineWidth(entry.getKey().startsWith("trained") ? 3f : 2f);
        }
        return chart;
    }

    /** The colour of a network in every figure of notebook 05. */
    static Color networkColour(String name, int index) {
        if (name.startsWith("trained")) {
            return new Color(214, 39, 40);
        }
        if (name.startsWith("untrained")) {
            return new Color(120, 120, 120);
        }
        if (name.startsWith("no reward")) {
            return new Color(31, 119, 180);
        }
        return Plots.colourOf(name, index);
    }

    /**
     * A scatter of y against x, at most {@code maxPoints} points (every k-th pair), with the line y = x when
     * {@code diagonal}: decoded against true values, or an estimate against the exact one.
     */
    public static XYChart scatter(String title, String xTitle, String yTitle, double[] x, double[] y, int maxPoints,
            boolean diagonal) {
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
        points.setMarkerColor(new Color(214, 39, 40, 70));
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
        styler.setXAxisLabelRotation(20);
        styler.setSeriesColors(new Color[] {new Color(214, 39, 40)});
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
            var range = String.format(java.util.Locale.ROOT, "%.2f-%.2f", from, to);
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
