package l2rl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import tech.tablesaw.api.DoubleColumn;

class ResultTablesTest {

    @Test
    void decimalsAreFixedWithoutANegativeZeroInAnyLocale() {
        var before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);  // a decimal comma, had a formatter used the machine's locale
        try {
            var column = DoubleColumn.create("r2", -0.0004, -0.0, 0.91649, -0.25, 5.507999999999999);
            column.setPrintFormatter(ResultTables.decimals(3));
            assertEquals("0.000", column.getString(0));
            assertEquals("0.000", column.getString(1));
            assertEquals("0.916", column.getString(2));
            assertEquals("-0.250", column.getString(3));
            assertEquals("5.508", column.getString(4));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theTaskRegistryShowsWhatEachFamilyDeclares() {
        var table = ResultTables.taskRegistry();
        assertEquals(java.util.List.of("id", "arms", "trials", "a task", "rewards", "means", "arm structure",
                "observation", "reward input"), table.columnNames());
        int dependent = table.stringColumn("id").indexOf(l2rl.env.Tasks.DEPENDENT_EASY);
        assertEquals("0/1", table.stringColumn("rewards").get(dependent));
        assertEquals("fixed", table.stringColumn("means").get(dependent));
        assertEquals("coupled p2 = 1 - p1", table.stringColumn("arm structure").get(dependent));
        assertEquals("scalar", table.stringColumn("reward input").get(dependent));
    }
}
