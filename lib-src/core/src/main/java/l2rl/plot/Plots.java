package l2rl.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import l2rl.eval.RegretReport;

/** The figures of the paper's bandit section as XChart charts, for notebooks and the command line. */
public final class Plots {
    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;

    private Plots() {
    }

    /** Mean cumulative regret R_t against trial t, one line per report (paper Fig. 2a, 2c-e). */
    public static XYChart regretCurves(String title, List<RegretReport> reports) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("trial t").yAxisTitle("cumulative regret R_t").build();
        style(chart);
        for (var report : reports) {
            var t = IntStream.rangeClosed(1, report.trials()).asDoubleStream().toArray();
            var series = chart.addSeries(report.policy(), t, report.regretCurve());
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** A training curve: {@code y} against episodes, e.g. mean regret per episode while learning. */
    public static XYChart trainingCurve(String title, String yTitle, double[] episodes, double[] y) {
        var chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("training episodes").yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        var series = chart.addSeries(yTitle, episodes.length == 0 ? new double[] {0} : episodes,
                y.length == 0 ? new double[] {0} : y);
        series.setMarker(SeriesMarkers.NONE);
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
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(report.episodes() + 1.0);
        return chart;
    }

    /**
     * A train-by-test matrix as a heat map with its numbers (paper Fig. 2f): {@code values[i][j]} is the regret
     * of the agent trained on {@code trainedOn[i]} and tested on {@code testedOn[j]}.
     */
    public static HeatMapChart trainTestHeatMap(String title, List<String> trainedOn, List<String> testedOn,
            double[][] values) {
        var chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT + 80).title(title)
                .xAxisTitle("tested on").yAxisTitle("trained on").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setHeatMapValueDecimalPattern("0.0");
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setRangeColors(new Color[] {new Color(255, 255, 204), new Color(253, 141, 60),
                new Color(189, 0, 38)});
        var heat = new ArrayList<Number[]>();
        for (int i = 0; i < trainedOn.size(); i++) {
            for (int j = 0; j < testedOn.size(); j++) {
                heat.add(new Number[] {j, i, values[i][j]});
            }
        }
        chart.addSeries("regret", testedOn, trainedOn, heat);
        return chart;
    }

    private static void style(XYChart chart) {
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
