package l2rl.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.table.Relation;

/**
 * Writes every figure and table a notebook shows into a directory, as {@link FigureFiles} (what {@code ./l2rl
 * report} asks for by naming the directory in {@code L2RL_FIGURES}). Files are numbered in the order the notebook
 * shows them: {@code fig01-<title>.png/.svg/.csv}, {@code table01-<name>.csv}.
 *
 * <p>What is exported is what the executed notebook ends up showing, not every render: a display redrawn with
 * {@code updateDisplay(id, chart)} (a live training curve, redrawn hundreds of times) is one figure holding its last
 * chart, and {@code clearOutput()} drops what the cell showed before it. So renders are collected while a cell runs
 * and written when it finishes, when their display ids are known: jjava sets a display's id only after rendering.
 */
final class FigureExport {

    /** The environment variable naming the directory; unset, nothing is exported. */
    static final String DIRECTORY_VARIABLE = "L2RL_FIGURES";

    private record Shown(Object value, DisplayData data) {
    }

    private final Path directory;
    /** Renders of the running cell, in order; updates of one display id collapse into its latest render. */
    private final List<Shown> cell = new ArrayList<>();
    /** The file name given to each display id shown so far, so a later cell's update rewrites that figure. */
    private final Map<String, String> namesById = new HashMap<>();
    private int figures;
    private int tables;

    FigureExport(Path directory) {
        this.directory = directory;
    }

    /** The export L2RL_FIGURES asks for, or null. */
    static FigureExport fromEnvironment() {
        String directory = System.getenv(DIRECTORY_VARIABLE);
        return directory == null || directory.isBlank() ? null : new FigureExport(Path.of(directory));
    }

    /** A chart or table was rendered into {@code data}, which the cell will display, update or return. */
    synchronized void rendered(Object value, DisplayData data) {
        if (value instanceof Chart<?, ?> || value instanceof Relation) {
            cell.add(new Shown(value, data));
        }
    }

    /** The running cell's output was cleared: what it showed so far is no longer in the notebook. */
    synchronized void outputCleared() {
        cell.clear();
    }

    /** The cell finished: writes what it showed, in order. */
    synchronized List<Path> cellFinished() {
        var latestById = new LinkedHashMap<String, Shown>();
        var shown = new ArrayList<Shown>();
        for (var s : cell) {
            String id = s.data().getDisplayId();
            if (id == null) {
                shown.add(s);
            } else if (latestById.containsKey(id)) {
                latestById.put(id, s);
            } else {
                latestById.put(id, s);
                shown.add(s);
            }
        }
        cell.clear();
        var written = new ArrayList<Path>();
        try {
            Files.createDirectories(directory);
            for (var s : shown) {
                String id = s.data().getDisplayId();
                var latest = id == null ? s : latestById.get(id);
                String name = id == null ? newName(latest.value()) : namesById.computeIfAbsent(id, i -> newName(latest.value()));
                if (latest.value() instanceof Chart<?, ?> chart) {
                    written.addAll(FigureFiles.writeChart(chart, directory.resolve(name)));
                } else {
                    written.add(FigureFiles.writeTable((Relation) latest.value(), directory.resolve(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export figures to " + directory + ": " + e.getMessage(), e);
        }
        return written;
    }

    private String newName(Object value) {
        String slug;
        String prefix;
        if (value instanceof Chart<?, ?> chart) {
            prefix = String.format("fig%02d", ++figures);
            slug = FigureFiles.slug(chart.getTitle());
        } else {
            prefix = String.format("table%02d", ++tables);
            slug = FigureFiles.slug(((Relation) value).name());
        }
        return slug.isEmpty() ? prefix : prefix + "-" + slug;
    }
}
