package l2rl.kernel;

import tech.tablesaw.table.Relation;

/**
 * A Tablesaw table as an HTML table for the notebook. Long tables show their head and tail, as Tablesaw's own
 * {@code print()} does, so a million-row result does not flood the browser.
 */
final class TableHtml {

    static final int HEAD_ROWS = 20;
    static final int TAIL_ROWS = 5;

    private TableHtml() {
    }

    static String of(Relation table) {
        var html = new StringBuilder("<table>");
        if (table.name() != null && !table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        html.append("<thead><tr>");
        for (String column : table.columnNames()) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        int rows = table.rowCount();
        boolean elide = rows > HEAD_ROWS + TAIL_ROWS;
        for (int row = 0; row < rows; row++) {
            if (elide && row == HEAD_ROWS) {
                html.append("<tr><td colspan=\"").append(table.columnCount()).append("\">&hellip; ")
                        .append(rows - HEAD_ROWS - TAIL_ROWS).append(" more rows &hellip;</td></tr>");
                row = rows - TAIL_ROWS;
            }
            html.append("<tr>");
            for (int column = 0; column < table.columnCount(); column++) {
                html.append("<td>").append(escape(table.column(column).getString(row))).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
