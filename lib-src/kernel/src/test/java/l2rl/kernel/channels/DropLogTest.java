package l2rl.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The drop log's rate limit, on a clock the test moves (no sleeping, no flusher thread). */
class DropLogTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final DropLog log = new DropLog(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get, null);

    @Test
    void logsEachDropUpToTheLimitThenCountsTheRestWhenTheSecondEnds() {
        for (int i = 0; i < DropLog.LINES_PER_SECOND + 25; i++) {
            log.dropped("shell", "wrong signature");
        }
        assertEquals(DropLog.LINES_PER_SECOND, lines().size());
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1001));
        log.dropped("control", "too few frames");
        var lines = lines();
        assertEquals(DropLog.LINES_PER_SECOND + 2, lines.size());
        assertEquals("l2rl kernel: dropped a message on shell: wrong signature", lines.get(0));
        assertEquals("l2rl kernel: 25 more lines about dropped messages suppressed (at most "
                + DropLog.LINES_PER_SECOND + " lines a second)", lines.get(DropLog.LINES_PER_SECOND));
        assertEquals("l2rl kernel: dropped a message on control: too few frames", lines.get(lines.size() - 1));
    }

    @Test
    void dropsSpreadOverSecondsAreAllLogged() {
        for (int i = 0; i < 3 * DropLog.LINES_PER_SECOND; i++) {
            log.dropped("stdin", "not JSON");
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(101));
        }
        assertEquals(3 * DropLog.LINES_PER_SECOND, lines().size());
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
