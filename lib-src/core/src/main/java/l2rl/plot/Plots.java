package l2rl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import l2rl.env.TaskSet;
import l2rl.eval.EpisodeTrace;
import l2rl.eval.RegretReport;

/** The figures of the paper's bandit section as XChart charts, for notebooks and the command line. */
public final class Plots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    private Plots() {
    }

    /**
     * Mean cumulative regret R_t against trial t, one line per report, starting from R_0 = 0 (paper Fig. 2a, 2c-e).
     * Each policy keeps its colour in every figure; the Bayes-optimal limit is dashed.
     */
    public static XYChart regretCurves(String title, List<RegretReport> reports) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("trial t").yAxisTitle("cumulative regret R_t").build();
        style(chart);
        labelRoundTrialsOnly(chart, reports.stream().mapToInt(RegretReport::trials).max().orElse(10));
        for (var report : reports) {
            var t = IntStream.rangeClosed(0, report.trials()).asDoubleStream().toArray();
            var regret = new double[t.length];
            System.arraycopy(report.regretCurve(), 0, regret, 1, report.trials());
            var series = chart.addSeries(report.policy(), t, regret);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(colourOf(report.policy(), chart.getSeriesMap().size() - 1));
            series.setLineWidth(report.policy().startsWith("agent") ? 3.5f : 2f);
            if (report.policy().equals("bayes-optimal")) {
                series.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {7f, 5f}, 0f));
            }
        }
        return chart;
    }

    /**
     * XChart ticks every k-th sample of equally spaced x values (knowm/XChart#731), which crowds a 0..T axis with
     * labels; only ticks at multiples of a round step keep theirs.
     */
    private static void labelRoundTrialsOnly(XYChart chart, int trials) {
        int step = Math.max(1, (int) Math.pow(10, Math.floor(Math.log10(Math.max(1, trials)))) / (trials < 20 ? 1 : 2));
        chart.getStyler().setxAxisTickLabelsFormattingFunction(
                x -> Math.rint(x) == x && ((long) x.doubleValue()) % step == 0 ? Long.toString((long) x.doubleValue()) : "");
    }

    /** The colour a policy has in every figure; others take the next colour of a fixed palette. */
    static Color colourOf(String policy, int index) {
        return switch (policy) {
            case "random" -> new Color(150, 150, 150);
            case "greedy" -> new Color(140, 86, 75);
            case "epsilon-greedy" -> new Color(188, 128, 189);
            case "ucb1" -> new Color(44, 160, 44);
            case "thompson" -> new Color(31, 119, 180);
            case "gittins" -> new Color(255, 127, 14);
            case "bayes-optimal" -> Color.BLACK;
            case "agent" -> new Color(214, 39, 40);
            default -> PALETTE[index % PALETTE.length];
        };
    }

    private static final Color[] PALETTE = {new Color(214, 39, 40), new Color(148, 103, 189), new Color(23, 190, 207),
        new Color(188, 189, 34), new Color(227, 119, 194), new Color(127, 127, 127)};

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
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        families.forEach((name, tasks) -> {
            var p1 = new double[tasks.episodes()];
            var p2 = new double[tasks.episodes()];
            for (int e = 0; e < p1.length; e++) {
                var task = tasks.bandit(e);
                p1[e] = task.mean(0);
                p2[e] = task.mean(1);
            }
            chart.addSeries(name, p1, p2);
        });
        return chart;
    }

    /** One episode: the arm pulled at each trial, marked by whether it paid (filled) or not (hollow). */
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
            chart.getStyler().setXAxisDecimalPattern("0.0E0");
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

    /** A training curve: {@code y} against episodes, e.g. mean regret per episode while learning. */
    public static XYChart trainingCurve(String title, String yTitle, double[] episodes, double[] y) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("training episodes").yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMin(0.0);
        var series = chart.addSeries(yTitle, episodes.length == 0 ? new double[] {0} : unevenlySpaced(episodes),
                y.length == 0 ? new double[] {0} : unevenlySpaced(y, episodes.length));
        series.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    /**
     * XChart ticks every k-th sample of equally spaced x values (knowm/XChart#731): episodes counted in batches of
     * 8 got ticks at 1,672, 3,344, ... with overlapping labels. A leading point half a step before the first one,
     * with no y value (not drawn), makes the spacing uneven, and the axis gets round ticks (0, 2,000, 4,000, ...).
     */
    private static double[] unevenlySpaced(double[] x) {
        if (x.length < 2) {
            return x;
        }
        var out = new double[x.length + 1];
        out[0] = x[0] - (x[1] - x[0]) / 2;
        System.arraycopy(x, 0, out, 1, x.length);
        return out;
    }

    /** The y values that go with {@link #unevenlySpaced(double[])}: NaN (a gap) for the leading point. */
    private static double[] unevenlySpaced(double[] y, int xLength) {
        if (xLength < 2) {
            return y;
        }
        var out = new double[y.length + 1];
        out[0] = Double.NaN;
        System.arraycopy(y, 0, out, 1, y.length);
        return out;
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
        var series = chart.addSeries("sub-optimal pull", x, y);
        series.setMarker(SeriesMarkers.SQUARE);
        series.setMarkerColor(new Color(40, 40, 40));
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(report.trials() + 1.0);
        labelRoundTrialsOnly(chart, report.trials());
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(report.episodes() + 1.0);
        return chart;
    }

    /**
     * A train-by-test matrix as a heat map with its numbers (paper Fig. 2f): {@code values[i][j]} is the regret
     * of the agent trained on {@code trainedOn[i]} and tested on {@code testedOn[j]}.
     */
    public static HeatMapChart trainTestHeatMap(String title, List<String> trainedOn, List<String> testedOn,
            double[][] values) {
        var chart = new HeatMapChartBuilder().width(WIDTH + 140).height(HEIGHT + 80).title(title)
                .xAxisTitle("tested on").yAxisTitle("trained on").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("0.00");
        chart.getStyler().setDecimalPattern("0.0");
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setAxisTickLabelsFont(chart.getStyler().getAxisTickLabelsFont().deriveFont(12f));
        chart.getStyler().setRangeColors(new Color[] {new Color(255, 255, 204), new Color(253, 141, 60),
                new Color(189, 0, 38)});
        // XChart draws the first y category at the bottom; reversed, the first training family is the top row.
        var rows = new ArrayList<>(trainedOn);
        java.util.Collections.reverse(rows);
        var heat = new ArrayList<Number[]>();
        for (int i = 0; i < trainedOn.size(); i++) {
            for (int j = 0; j < testedOn.size(); j++) {
                heat.add(new Number[] {j, trainedOn.size() - 1 - i, values[i][j]});
            }
        }
        chart.addSeries("regret", testedOn, rows, heat);
        return chart;
    }

    static void style(XYChart chart) {
        var styler = chart.getStyler();
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        styler.setAxisTickLabelsFont(styler.getAxisTickLabelsFont().deriveFont(13f));
        styler.setAxisTitleFont(styler.getAxisTitleFont().deriveFont(14f));
        styler.setLegendFont(styler.getLegendFont().deriveFont(13f));
    }
}
