package l2rl.cli;

import java.io.PrintStream;

import tech.tablesaw.api.Table;

import l2rl.eval.ResultTables;

/** How a command prints its result table. */
public enum OutputFormat {
    table {
        @Override
        void print(Table result, PrintStream out) {
            out.println(result.printAll());
        }
    },
    csv {
        @Override
        void print(Table result, PrintStream out) {
            out.print(ResultTables.csv(result));
        }
    };

    abstract void print(Table result, PrintStream out);
}
