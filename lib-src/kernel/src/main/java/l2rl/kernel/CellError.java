package l2rl.kernel;

/**
 * Why a cell failed, worded for the notebook. The message is the whole report: these errors carry no stack
 * trace of their own, so nothing of the kernel's internals reaches the user. The simple class name becomes the
 * error name Jupyter shows.
 */
public abstract sealed class CellError extends RuntimeException {

    private CellError(String message) {
        super(message, null, false, false);
    }

    /** The cell did not compile. */
    public static final class CompileError extends CellError {
        CompileError(String message) {
            super(message);
        }
    }

    /** The cell's code threw; the message names the exception and where in the cell it was thrown. */
    public static final class UncaughtException extends CellError {
        UncaughtException(String message) {
            super(message);
        }
    }

    /** The user interrupted the cell. */
    public static final class Interrupted extends CellError {
        Interrupted(String message) {
            super(message);
        }
    }

    /** The cell ends in the middle of a statement. */
    public static final class IncompleteCode extends CellError {
        IncompleteCode(String message) {
            super(message);
        }
    }
}
