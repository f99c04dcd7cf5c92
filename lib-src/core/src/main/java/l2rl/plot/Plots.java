package l2rl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import l2rl.env.TaskSet;
import l2rl.eval.EpisodeTrace;
import l2rl.eval.PullShares;
import l2rl.eval.RegretReport;

/** The figures of the paper's bandit section as XChart charts, for notebooks and the command line. */
public final class Plots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    /** Limits and levels (Bayes-optimal, a baseline's mean) are dashed in every figure. */
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 5f}, 0f);

    private Plots() {
    }

    /**
     * Mean cumulative regret R_t against trial t, one line per report, starting from R_0 = 0 (paper Fig. 2a, 2c-e).
     * Each policy has its colour of the {@link Palette} in every figure; agents are drawn thicker, and the
     * Bayes-optimal limit dashed.
     */
    public static XYChart regretCurves(String title, List<RegretReport> reports) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("trial t").yAxisTitle("cumulative regret R_t").build();
        style(chart);
        for (var report : reports) {
            var t = IntStream.rangeClosed(0, report.trials()).asDoubleStream().toArray();
            var regret = new double[t.length];
            System.arraycopy(report.regretCurve(), 0, regret, 1, report.trials());
            var series = addOnRoundTicks(chart, report.policy(), t, regret);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(Palette.of(report.policy()));
            series.setLineWidth(Palette.isAgent(report.policy()) ? 3.5f : 2f);
            if (report.policy().equals("bayes-optimal")) {
                series.setLineStyle(DASHED);
            }
        }
        return chart;
    }

    /**
     * Adds a series over equally spaced x values (trials, logged episodes) so that the x axis gets round ticks.
     * XChart ticks every k-th of equally spaced x values (knowm/XChart#731): 0..100 trials got labels at 0, 50, 100
     * with grid lines at odd trials between them, and episodes logged in batches of 8 ticks at 1,672, 3,344, ....
     * A leading point half a step before the first one, with no y value (not drawn), makes the spacing uneven, and
     * XChart chooses round ticks (0, 20, 40, ...; 0, 2,000, 4,000, ...). The axis still starts at the first x.
     */
    static XYSeries addOnRoundTicks(XYChart chart, String name, double[] x, double[] y) {
        var distinct = Arrays.stream(x).filter(Double::isFinite).sorted().distinct().toArray();
        if (distinct.length < 2) {
            return chart.addSeries(name, x.length == 0 ? new double[] {0} : x, y.length == 0 ? new double[] {0} : y);
        }
        var xs = new double[x.length + 1];
        var ys = new double[y.length + 1];
        xs[0] = distinct[0] - (distinct[1] - distinct[0]) / 2;
        ys[0] = Double.NaN;
        System.arraycopy(x, 0, xs, 1, x.length);
        System.arraycopy(y, 0, ys, 1, y.length);
        var styler = chart.getStyler();
        if (styler.getXAxisMin() == null || styler.getXAxisMin() > distinct[0]) {
            styler.setXAxisMin(distinct[0]);
        }
        return chart.addSeries(name, xs, ys);
    }

    /**
     * The arm probabilities (p1, p2) of sampled tasks, one series per family: independent families fill the square,
     * dependent ones lie on the line p2 = 1 - p1.
     */
    public static XYChart armProbabilities(String title, Map<String, TaskSet> families) {
        var chart = new XYChartBuilder().width(WIDTH).height(WIDTH - 60).title(title)
                .xAxisTitle("p1").yAxisTitle("p2").build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(7);
        chart.getStyler().setSeriesColors(FAMILY_COLOURS);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        families.forEach((name, tasks) -> {
            var p1 = new double[tasks.episodes()];
            var p2 = new double[tasks.episodes()];
            for (int e = 0; e < p1.length; e++) {
                var means = tasks.task(e).means();  // at the episode's start
                p1[e] = means[0];
                p2[e] = means[1];
            }
            var series = chart.addSeries(name, p1, p2);
            if (Arrays.stream(p1).distinct().count() > 10) {
                // a continuous family, translucent: its 300 points on the line p2 = 1 - p1 hid the few points
                // of the discrete families (easy, medium, hard) drawn on the same line
                var colour = FAMILY_COLOURS[(chart.getSeriesMap().size() - 1) % FAMILY_COLOURS.length];
                series.setMarkerColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 110));
            }
        });
        return chart;
    }

    /** Task families' colours (not policies': these must not be read as Thompson's blue or Gittins's orange). */
    private static final Color[] FAMILY_COLOURS = {new Color(100, 100, 100), new Color(120, 160, 200),
        new Color(106, 61, 154), new Color(0, 128, 128), new Color(177, 89, 40)};

    /** One episode: the arm pulled at each trial, marked by whether it paid (a dark circle) or not (a grey diamond). */
    public static XYChart episodeTrace(String title, EpisodeTrace trace) {
        var chart = new XYChartBuilder().width(WIDTH).height(260).title(title)
                .xAxisTitle("trial t").yAxisTitle("arm").build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.5).setYAxisMax(trace.means().length + 0.5);
        chart.getStyler().setYAxisDecimalPattern("0");
        for (boolean paid : new boolean[] {true, false}) {
            var t = new ArrayList<Double>();
            var arm = new ArrayList<Double>();
            for (int i = 0; i < trace.trials(); i++) {
                if ((trace.rewards()[i] > 0) == paid) {
                    t.add(i + 1.0);
                    arm.add(trace.arms()[i] + 1.0);
                }
            }
            if (t.isEmpty()) {
                continue;
            }
            var series = chart.addSeries(paid ? "reward 1" : "reward 0", t, arm);
            series.setMarker(paid ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
            series.setMarkerColor(paid ? new Color(40, 40, 40) : new Color(170, 170, 170));
        }
        return chart;
    }

    /**
     * A hyperparameter sweep: each run's evaluation regret against one of its settings, the runs chosen as the top
     * ones drawn apart. {@code logX} puts the setting (e.g. a learning rate) on a log axis.
     */
    public static XYChart sweepScatter(String title, String setting, double[] settings, double[] regret, boolean[] top,
            boolean logX) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(setting).yAxisTitle("regret, evaluation episodes 1-150").build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setXAxisLogarithmic(logX);
        if (logX) {
            chart.getStyler().setXAxisDecimalPattern("0.#####");  // 0.0001, 0.001: not 1.0E-4
        }
        for (boolean chosen : new boolean[] {false, true}) {
            var x = new ArrayList<Double>();
            var y = new ArrayList<Double>();
            for (int i = 0; i < settings.length; i++) {
                if (top[i] == chosen && !Double.isNaN(regret[i])) {
                    x.add(settings[i]);
                    y.add(regret[i]);
                }
            }
            if (!x.isEmpty()) {
                var series = chart.addSeries(chosen ? "top runs (chosen on episodes 1-150)" : "other runs", x, y);
                series.setMarker(chosen ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
                series.setMarkerColor(chosen ? new Color(214, 39, 40) : new Color(120, 120, 120));
            }
        }
        return chart;
    }

    /** A training curve: {@code y} against episodes, e.g. the agent's mean regret per episode while learning. */
    public static XYChart trainingCurve(String title, String yTitle, double[] episodes, double[] y) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("training episodes").yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMin(0.0);
        var series = addOnRoundTicks(chart, yTitle, episodes, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(Palette.AGENT);
        return chart;
    }

    /**
     * Learning curves of several runs of one recipe (seeds): y against training episodes, one line per run in shades
     * of the agent's red, and each of {@code levels} (e.g. what a baseline reaches on held-out episodes) a dashed
     * horizontal line in its policy's colour. The y axis stops at {@code yMax}, so the last stretch, where runs
     * differ by tenths, stays readable; the first episodes, at chance, run off the top.
     */
    public static XYChart learningCurves(String title, String yTitle, Map<String, double[][]> runs,
            Map<String, Double> levels, double yMax) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("training episodes").yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(yMax);
        // top right: the curves enter at the top left and have come down long before the right edge
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        double end = 0;
        int i = 0;
        for (var run : runs.entrySet()) {
            double[] episodes = run.getValue()[0];
            var series = addOnRoundTicks(chart, run.getKey(), episodes, run.getValue()[1]);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(Palette.agentRun(i++));
            series.setLineWidth(2f);
            end = Math.max(end, episodes[episodes.length - 1]);
        }
        chart.getStyler().setXAxisMax(end);
        for (var level : levels.entrySet()) {
            var series = chart.addSeries(level.getKey(), new double[] {chart.getStyler().getXAxisMin(), end},
                    new double[] {level.getValue(), level.getValue()});
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(Palette.of(level.getKey()));
            series.setLineStyle(DASHED);
        }
        return chart;
    }

    /**
     * Sub-optimal pulls of one policy as a raster (paper Fig. 2b): one row per episode, a dark mark where the
     * pull at that trial was sub-optimal.
     */
    public static XYChart suboptimalPullRaster(String title, RegretReport report) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT + 80).title(title)
                .xAxisTitle("trial t").yAxisTitle("episode").build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(report.trials() + 1.0);
        var x = new ArrayList<Double>();
        var y = new ArrayList<Double>();
        for (int e = 0; e < report.episodes(); e++) {
            for (int t = 0; t < report.trials(); t++) {
                if (report.suboptimal(e, t)) {
                    x.add(t + 1.0);
                    y.add(e + 1.0);
                }
            }
        }
        if (x.isEmpty()) {
            x.add(Double.NaN);
            y.add(Double.NaN);
        }
        var series = addOnRoundTicks(chart, "sub-optimal pull", x.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray());
        series.setMarker(SeriesMarkers.SQUARE);
        series.setMarkerColor(new Color(40, 40, 40));
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(report.episodes() + 1.0);
        return chart;
    }

    /**
     * A train-by-test matrix as a heat map with its numbers (paper Fig. 2f): {@code values[i][j]} is the regret
     * of the agent trained on {@code trainedOn[i]} and tested on {@code testedOn[j]}. Cells print two decimals
     * rounded as {@link l2rl.eval.TrainTestMatrix#table} rounds them (half up), so figure and table agree.
     */
    public static HeatMapChart trainTestHeatMap(String title, List<String> trainedOn, List<String> testedOn,
            double[][] values) {
        // wide enough that a column fits the longest family name ("dependent-uniform") with space to spare
        var chart = new HeatMapChartBuilder().width(WIDTH + 200).height(HEIGHT + 80).title(title)
                .xAxisTitle("tested on").yAxisTitle("trained on").build();
        var styler = chart.getStyler();
        styler.setAxisTickPadding(8);
        styler.setShowValue(true);
        styler.setHeatMapValueDecimalPattern("0.00");
        styler.setPlotContentSize(1.0);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setAxisTickLabelsFont(styler.getAxisTickLabelsFont().deriveFont(12f));
        styler.setRangeColors(new Color[] {new Color(255, 255, 204), new Color(253, 141, 60), new Color(189, 0, 38)});
        // XChart prints the colour bar's ends unformatted (5.507999999999999): ends on tenths print as 0.6 and 5.6.
        double lo = Arrays.stream(values).flatMapToDouble(Arrays::stream).min().orElse(0);
        double hi = Arrays.stream(values).flatMapToDouble(Arrays::stream).max().orElse(1);
        styler.setMin(Math.floor(lo * 10) / 10).setMax(Math.max(Math.ceil(hi * 10), Math.floor(lo * 10) + 1) / 10);
        // XChart draws the first y category at the bottom; reversed, the first training family is the top row.
        var rows = new ArrayList<>(trainedOn);
        java.util.Collections.reverse(rows);
        var heat = new ArrayList<Number[]>();
        for (int i = 0; i < trainedOn.size(); i++) {
            for (int j = 0; j < testedOn.size(); j++) {
                heat.add(new Number[] {j, trainedOn.size() - 1 - i, roundedHalfUp(values[i][j])});
            }
        }
        chart.addSeries("regret", testedOn, rows, heat);
        return chart;
    }

    /**
     * Two decimals as {@code String.format("%.2f")} rounds (half up, from the shortest decimal of the double), so a
     * cell and the table beside it print the same number: XChart's pattern rounds the binary value half even, which
     * printed a regret of 1.345 as 1.34 in the heat map and 1.35 in the table.
     */
    static double roundedHalfUp(double value) {
        return Double.isFinite(value) ? Double.parseDouble(String.format(Locale.ROOT, "%.2f", value)) : value;
    }

    /**
     * A policy's strategy trial by trial as stacked bars (paper Fig. 3): per trial, the share of episodes pulling the
     * target, the arm of interest ({@code markedName}, arm 11 on the eleven-armed task) and any other arm.
     */
    public static CategoryChart pullShares(String title, PullShares shares, String markedName) {
        var chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("trial").yAxisTitle("share of episodes").build();
        styleAxes(chart.getStyler());
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        // a hair above 1: with every bar spanning exactly [0, 1] XChart would label only the two ends
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0001);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        var trials = IntStream.rangeClosed(1, shares.trials()).boxed().toList();
        chart.addSeries("target", trials, Arrays.stream(shares.best()).boxed().toList())
                .setFillColor(Palette.AGENT);
        chart.addSeries(markedName, trials, Arrays.stream(shares.marked()).boxed().toList())
                .setFillColor(new Color(31, 119, 180));
        chart.addSeries("other arms", trials, Arrays.stream(shares.other()).boxed().toList())
                .setFillColor(new Color(190, 190, 190));
        return chart;
    }

    static void style(XYChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        styleAxes(chart.getStyler());
    }

    /** White ground, light grid and readable fonts: every figure with axes looks alike. */
    static void styleAxes(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setAxisTickLabelsFont(styler.getAxisTickLabelsFont().deriveFont(13f));
        styler.setAxisTitleFont(styler.getAxisTitleFont().deriveFont(14f));
        styler.setLegendFont(styler.getLegendFont().deriveFont(13f));
    }
}
