package l2rl.kernel;

import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Notebook helpers of this kernel beyond IJava's ({@code display}, {@code render}, ...), statically imported into
 * every session. Notebooks meant to open under IJava/JJava too should not use them.
 */
public final class NotebookStatics {

    private NotebookStatics() {
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
