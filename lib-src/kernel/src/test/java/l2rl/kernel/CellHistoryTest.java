package l2rl.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CellHistoryTest {

    private CellHistory history;

    /** Cells 1-6 as typed; the magic in cell 3 runs as Java. */
    @BeforeEach
    void sixCells() {
        history = new CellHistory();
        history.add(1, "1 + 2", "1 + 2");
        history.add(2, "int x = 3;", "int x = 3;");
        history.add(3, "%maven a:b:1", "lineMagic(\"maven\", List.of(\"a:b:1\"));");
        history.add(4, "1 + 2", "1 + 2");
        history.add(5, "x * 2", "x * 2");
        history.add(6, "1 + 2", "1 + 2");
        history.setOutput(5, "6");
    }

    @Test
    void tailIsTheLastCellsOldestFirst() {
        assertEquals(List.of(5, 6), numbers(history.tail(2)));
        assertEquals(6, history.tail(100).size());
        assertTrue(history.tail(0).isEmpty());
    }

    @Test
    void rangeStopsBeforeStopAndAnOmittedStopMeansToTheEnd() {
        assertEquals(List.of(2, 3), numbers(history.range(CellHistory.SESSION, 2, 4)));
        assertEquals(List.of(5, 6), numbers(history.range(0, 5, 0)));
        assertTrue(history.range(-1, 1, 0).isEmpty(), "no earlier session is kept");
        assertTrue(history.range(CellHistory.SESSION + 1, 1, 0).isEmpty());
    }

    @Test
    void searchMatchesTheWholeCodeAsTypedWithGlobWildcards() {
        assertEquals(List.of(1, 4, 6), numbers(history.search("1 ? 2", 0, false)));
        assertEquals(List.of(2, 5), numbers(history.search("*x*", 0, false)));
        assertEquals(List.of(3), numbers(history.search("%maven*", 0, false)), "the raw code, not the Java it ran as");
        assertTrue(history.search("x", 0, false).isEmpty(), "a pattern must match the whole code");
        assertTrue(history.search("X *", 0, false).isEmpty(), "glob is case-sensitive");
        assertEquals(6, history.search(null, 0, false).size());
    }

    @Test
    void searchSupportsCharacterSets() {
        assertEquals(List.of(2, 5), numbers(history.search("[ix]*", 0, false)));
        assertEquals(List.of(1, 3, 4, 6), numbers(history.search("[^ix]*", 0, false)));
        assertEquals(List.of(5), numbers(history.search("x [*] 2", 0, false)), "[*] is a literal star");
    }

    @Test
    void searchWithNKeepsTheLastNMatches() {
        assertEquals(List.of(4, 6), numbers(history.search("1 + 2", 2, false)));
    }

    @Test
    void uniqueSearchKeepsEachCodeOnceAtItsLatestRun() {
        assertEquals(List.of(6), numbers(history.search("1 + 2", 0, true)));
        assertEquals(List.of(2, 3, 5, 6), numbers(history.search("*", 0, true)));
        assertEquals(List.of(5, 6), numbers(history.search("*", 2, true)));
    }

    @Test
    void tuplesCarryTheRawOrRunCodeAndTheOutput() {
        var magic = history.range(CellHistory.SESSION, 3, 4).get(0);
        assertEquals(List.of(CellHistory.SESSION, 3, "%maven a:b:1"), magic.asTuple(true, false));
        assertFalse(magic.asTuple(false, false).get(2).toString().startsWith("%"));
        var product = history.range(CellHistory.SESSION, 5, 6).get(0);
        assertEquals(List.of(CellHistory.SESSION, 5, List.of("x * 2", "6")), product.asTuple(true, true));
        assertEquals(List.of("int x = 3;", ""), history.range(0, 2, 3).get(0).asTuple(true, true).get(2));
    }

    private static List<Integer> numbers(List<CellHistory.Cell> cells) {
        return cells.stream().map(CellHistory.Cell::number).toList();
    }
}
