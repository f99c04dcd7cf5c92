package l2rl.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import l2rl.env.TwoStep;
import l2rl.twostep.StayAnalysis;

/** The two-step task's figures (notebook 09): the task as a diagram, stay probabilities, regression coefficients. */
public final class TwoStepPlots {
    private static final Color COMMON = new Color(31, 119, 180);
    private static final Color RARE = new Color(214, 39, 40);
    private static final Color STATE = new Color(240, 240, 240);
    /** The four stay probabilities in the paper's order (Fig. 5): rewarded then unrewarded, common then rare. */
    private static final List<String> STAYS = List.of("stay_rewarded_common", "stay_rewarded_rare",
            "stay_unrewarded_common", "stay_unrewarded_rare");

    private TwoStepPlots() {
    }

    /**
     * The task as a diagram: S1 above, S2 and S3 below; from S1 each action's arrow to its common state (thick,
     * labelled with its probability) and to its rare one (thin); under each second-stage state what it pays.
     */
    public static XYChart diagram(TwoStep family) {
        var source = switch (family.kind()) {
            case FIXED -> "Wang et al. 2016";
            case REVERSAL -> "Wang et al. 2018";
            case DRIFT -> "Daw et al. 2011";
        };
        var chart = new XYChartBuilder().width(720).height(460).title("the two-step task (" + source + "), "
                + family.trialsPerEpisode() + " trials per episode").build();
        var styler = chart.getStyler();
        Plots.styleAxes(styler);
        styler.setLegendVisible(false);
        styler.setAxisTicksVisible(false);
        styler.setPlotGridLinesVisible(false);
        styler.setPlotBorderVisible(false);
        styler.setXAxisMin(-2.0).setXAxisMax(2.0).setYAxisMin(-1.05).setYAxisMax(1.45);
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAnnotationTextFontColor(Color.BLACK);
        styler.setMarkerSize(46);
        double common = family.commonTransition();
        // a1 (left) commonly to S2 (left), a2 (right) commonly to S3 (right); each arrow leaves its action's side
        arrow(chart, "a1 common", -0.25, 0.85, -1.1, -0.12, COMMON, 5f);
        arrow(chart, "a2 common", 0.25, 0.85, 1.1, -0.12, COMMON, 5f);
        arrow(chart, "a1 rare", -0.15, 0.85, 0.95, -0.12, RARE, 1.5f);
        arrow(chart, "a2 rare", 0.15, 0.85, -0.95, -0.12, RARE, 1.5f);
        state(chart, "S1", 0, 1.05);
        state(chart, "S2", -1.1, -0.3);
        state(chart, "S3", 1.1, -0.3);
        label(chart, "a1", -0.42, 0.82);
        label(chart, "a2", 0.42, 0.82);
        label(chart, String.format(Locale.ROOT, "%.2f", common), -0.88, 0.42);
        label(chart, String.format(Locale.ROOT, "%.2f", common), 0.88, 0.42);
        label(chart, String.format(Locale.ROOT, "%.2f", 1 - common), -0.28, 0.2);
        label(chart, String.format(Locale.ROOT, "%.2f", 1 - common), 0.28, 0.2);
        switch (family.kind()) {
            case FIXED -> {
                label(chart, "pays 1 w.p. 0.9 or 0.1", -1.1, -0.65);
                label(chart, "the other: 0.1 or 0.9", 1.1, -0.65);
                label(chart, "which state is good: drawn per episode, fixed", 0, -0.9);
            }
            case REVERSAL -> {
                label(chart, "pays 1 w.p. 0.9 or 0.1", -1.1, -0.65);
                label(chart, "the other: 0.1 or 0.9", 1.1, -0.65);
                label(chart, "good and bad swap w.p. 0.025 per trial", 0, -0.9);
            }
            case DRIFT -> {
                label(chart, "2 actions, each p in [0.25, 0.75]", -1.1, -0.65);
                label(chart, "2 actions, each p in [0.25, 0.75]", 1.1, -0.65);
                label(chart, "all four p drift: Gaussian steps, sigma 0.025", 0, -0.9);
            }
        }
        label(chart, "step 1: observe S1, choose a1 or a2 (pays 0)   step 2: observe S2 or S3, choose, get the reward",
                0, 1.38);
        return chart;
    }

    private static void arrow(XYChart chart, String name, double x0, double y0, double x1, double y1, Color color,
            float width) {
        // the shaft, and a head of two short strokes at the end, drawn as one polyline
        double dx = x1 - x0;
        double dy = y1 - y0;
        double length = Math.hypot(dx, dy);
        double ux = dx / length;
        double uy = dy / length;
        double head = 0.12;
        double[] xs = {x0, x1, x1 - head * (ux * 0.87 - uy * 0.5), x1, x1 - head * (ux * 0.87 + uy * 0.5)};
        double[] ys = {y0, y1, y1 - head * (uy * 0.87 + ux * 0.5), y1, y1 - head * (uy * 0.87 - ux * 0.5)};
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    private static void state(XYChart chart, String name, double x, double y) {
        XYSeries s = chart.addSeries(name, new double[] {x}, new double[] {y});
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(STATE);
        s.setLineColor(STATE);
        chart.addAnnotation(new AnnotationText(name, x, y, false));
    }

    private static void label(XYChart chart, String text, double x, double y) {
        chart.addAnnotation(new AnnotationText(text, x, y, false));
    }

    /**
     * Stay probabilities (paper Fig. 5c), one group of four bars per policy: after a rewarded trial with a common
     * (dark blue) or rare (light blue) transition, after an unrewarded one, common (dark red) or rare (light red);
     * error bars the 95% intervals.
     */
    public static CategoryChart stayProbabilities(String title, List<StayAnalysis.Report> reports) {
        var chart = new CategoryChartBuilder().width(820).height(440).title(title).yAxisTitle("P(stay)").build();
        var styler = chart.getStyler();
        Plots.styleAxes(styler);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setYAxisMin(0.0).setYAxisMax(1.0);
        styler.setErrorBarsColor(Color.DARK_GRAY);
        styler.setSeriesColors(new Color[] {COMMON, new Color(158, 202, 225), RARE, new Color(252, 146, 114)});
        var policies = reports.stream().map(StayAnalysis.Report::policy).toList();
        var names = List.of("rewarded, common", "rewarded, rare", "unrewarded, common", "unrewarded, rare");
        for (int i = 0; i < STAYS.size(); i++) {
            var values = new ArrayList<Double>();
            var errors = new ArrayList<Double>();
            for (var r : reports) {
                values.add(r.value(STAYS.get(i)));
                errors.add(r.get(STAYS.get(i)).ci95());
            }
            chart.addSeries(names.get(i), policies, values, errors);
        }
        return chart;
    }

    /**
     * Regression coefficients with their 95% intervals, one group per policy, one bar per quantity (e.g.
     * interaction and interaction_corrected); a separated fit has no bar.
     */
    public static CategoryChart coefficients(String title, List<StayAnalysis.Report> reports, List<String> quantities) {
        var chart = new CategoryChartBuilder().width(820).height(420).title(title).yAxisTitle("coefficient (log-odds)")
                .build();
        var styler = chart.getStyler();
        Plots.styleAxes(styler);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setErrorBarsColor(Color.DARK_GRAY);
        var policies = reports.stream().map(StayAnalysis.Report::policy).toList();
        for (var q : quantities) {
            var values = new ArrayList<Double>();
            var errors = new ArrayList<Double>();
            for (var r : reports) {
                var e = r.get(q);
                values.add(Double.isNaN(e.value()) ? 0.0 : e.value());
                errors.add(Double.isNaN(e.ci95()) ? 0.0 : e.ci95());
            }
            chart.addSeries(q, policies, values, errors);
        }
        return chart;
    }
}
