package l2rl.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Notebook helpers of this kernel beyond IJava's ({@code display}, {@code render}, ...), statically imported into
 * every session. Notebooks meant to open under IJava/JJava too should not use them.
 */
public final class NotebookStatics {

    private NotebookStatics() {
    }

    /**
     * Writes every class the notebook's cells defined into {@code jar}, with a {@code META-INF/services} file for each
     * of {@code services} naming the cell classes that implement it, so that another JVM given the jar finds them
     * with {@link java.util.ServiceLoader}: for example a task family written in a cell, for a sweep that runs in
     * its own JVM ({@code L2RL_CLASSPATH=jar ./l2rl sweep ...}). Classes exported must not use the cells' variables
     * (only their own fields and the libraries'): another JVM has no cells. Returns {@code jar}.
     *
     * @throws IllegalStateException outside l2rl's kernel, which alone keeps the cells' bytecode
     * @throws IllegalArgumentException if no public cell class implements one of {@code services} (nothing is
     *     written then)
     */
    public static Path exportCellClasses(Path jar, Class<?>... services) throws IOException {
        if (!(BaseKernel.notebookKernel() instanceof L2rlKernel kernel)) {
            throw new IllegalStateException("exportCellClasses needs l2rl's Java kernel");
        }
        kernel.exportCellClasses(jar, List.of(services));
        return jar;
    }

    /** Clears the running cell's output shown so far (Jupyter's clear_output). */
    public static void clearOutput() {
        clearOutput(false);
    }

    /** Clears the running cell's output; with {@code wait}, only once new output arrives, so redraws do not flicker. */
    public static void clearOutput(boolean wait) {
        if (BaseKernel.notebookKernel() instanceof L2rlKernel kernel) {
            kernel.clearOutput(wait);
        }
    }
}
