package l2rl.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran with {@code store_history}, answering Jupyter's history requests (tail, range, search)
 * the way IPython does. Kept in memory only: a restarted kernel starts a new, empty history, so there is one
 * session and it is {@link #SESSION}.
 */
final class CellHistory {

    /** The session number history replies carry; a range request may also name it 0 ("the current session"). */
    static final int SESSION = 1;

    /**
     * One executed cell.
     *
     * @param number the cell's execution count, as in its {@code In[n]} prompt
     * @param raw    the code as typed
     * @param input  the code as run, after magics were turned into Java
     * @param output the text/plain of its result, "" if it had none
     */
    record Cell(int number, String raw, String input, String output) {

        /** The history_reply tuple: (session, number, input) or (session, number, (input, output)). */
        List<Object> asTuple(boolean useRaw, boolean withOutput) {
            String code = useRaw ? raw : input;
            return List.of(SESSION, number, withOutput ? List.of(code, output) : code);
        }
    }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void add(int number, String raw, String input) {
        cells.add(new Cell(number, raw, input, ""));
    }

    /** Records the result of the cell {@code number}, if it is in the history. */
    synchronized void setOutput(int number, String output) {
        for (int i = cells.size() - 1; i >= 0; i--) {
            var cell = cells.get(i);
            if (cell.number() == number) {
                cells.set(i, new Cell(number, cell.raw(), cell.input(), output));
                return;
            }
        }
    }

    /** The last {@code n} cells, oldest first. */
    synchronized List<Cell> tail(int n) {
        return List.copyOf(cells.subList(Math.max(0, cells.size() - Math.max(0, n)), cells.size()));
    }

    /**
     * Cells {@code start} (inclusive) to {@code stop} (exclusive) of a session; a stop of 0 (or less) means to the
     * end, as when a request leaves it out. Earlier sessions (negative numbers, or positive ones other than ours)
     * have no cells here.
     */
    synchronized List<Cell> range(int session, int start, int stop) {
        if (session != 0 && session != SESSION) {
            return List.of();
        }
        return cells.stream()
                .filter(c -> c.number() >= start && (stop <= 0 || c.number() < stop))
                .toList();
    }

    /**
     * The last {@code n} cells whose code as typed matches the glob {@code pattern} as a whole (SQLite's GLOB, which
     * IPython uses: {@code *}, {@code ?}, {@code [abc]}, {@code [^abc]}, case-sensitive), oldest first. With
     * {@code unique} each code appears once, at its latest run. {@code n} of 0 or less (n left out) means no limit.
     */
    synchronized List<Cell> search(String pattern, int n, boolean unique) {
        var glob = globToRegex(pattern == null ? "*" : pattern);
        var found = new ArrayList<Cell>();
        var seen = new HashSet<String>();
        for (int i = cells.size() - 1; i >= 0 && (n <= 0 || found.size() < n); i--) {
            var cell = cells.get(i);
            if (glob.matcher(cell.raw()).matches() && (!unique || seen.add(cell.raw()))) {
                found.add(cell);
            }
        }
        Collections.reverse(found);
        return found;
    }

    static Pattern globToRegex(String glob) {
        var regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            boolean negated = c == '[' && glob.startsWith("^", i + 1);
            int setStart = i + (negated ? 2 : 1);
            // A "]" first in a set is a member of it, so the set closes at a later "]".
            int close = c == '[' ? glob.indexOf(']', setStart + 1) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                regex.append(negated ? "[^" : "[");
                glob.substring(setStart, close).chars().forEach(member -> regex.append(
                        member == '-' || Character.isLetterOrDigit(member) ? "" : "\\").append((char) member));
                regex.append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
