package l2rl.kernel.channels;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One line on the kernel's stderr (Jupyter's log) per dropped message, at most {@link #LINES_PER_SECOND} a
 * second: a flood of bad messages must not flood the log, so the lines past that in a second are counted and said
 * in one "k more suppressed" line when the second ends.
 */
final class DropLog {
    static final int LINES_PER_SECOND = 10;
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final ScheduledExecutorService flusher;
    private long windowStart;
    private int linesInWindow;
    private int suppressed;

    DropLog(PrintStream out) {
        this(out, System::nanoTime, Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "drop-log");
            thread.setDaemon(true);
            return thread;
        }));
    }

    DropLog(PrintStream out, LongSupplier nanoTime, ScheduledExecutorService flusher) {
        this.out = out;
        this.nanoTime = nanoTime;
        this.flusher = flusher;
        this.windowStart = nanoTime.getAsLong() - WINDOW_NANOS;
    }

    /** Logs that a message on {@code channel} was dropped, and why. */
    void dropped(String channel, String reason) {
        log("dropped a message on " + channel + ": " + reason);
    }

    private synchronized void log(String line) {
        long now = nanoTime.getAsLong();
        if (now - windowStart >= WINDOW_NANOS) {
            flushSuppressed();
            windowStart = now;
            linesInWindow = 0;
        }
        if (linesInWindow < LINES_PER_SECOND) {
            linesInWindow++;
            out.println("l2rl kernel: " + line);
            out.flush();
            return;
        }
        if (suppressed++ == 0 && flusher != null) {
            flusher.schedule(this::flushIfWindowEnded, WINDOW_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void flushIfWindowEnded() {
        flushSuppressed();
    }

    private void flushSuppressed() {
        if (suppressed > 0) {
            out.println("l2rl kernel: " + suppressed + " more lines about dropped messages suppressed (at most "
                    + LINES_PER_SECOND + " lines a second)");
            out.flush();
            suppressed = 0;
        }
    }
}
