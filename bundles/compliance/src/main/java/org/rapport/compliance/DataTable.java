package org.rapport.compliance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One table of a contact's data export: a name (the CSV file name), column names and rows of
 * plain values (strings, numbers, booleans, instants, dates or {@code null}).
 *
 * @param name e.g. {@code contact} or {@code interactions} (letters, digits, {@code -}, {@code _})
 * @param columns the column names
 * @param rows the rows, each as many values as there are columns
 * @since 0.1
 */
public record DataTable(String name, List<String> columns, List<List<Object>> rows) {

    public DataTable {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("A row of " + name + " has " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // values may be null
        }
        rows = Collections.unmodifiableList(copy);
    }
}
