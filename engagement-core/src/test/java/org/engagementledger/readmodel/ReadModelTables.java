package org.engagementledger.readmodel;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Reads the rm_ tables of a test database back, for comparing read models row by row. */
public final class ReadModelTables {

    /** Every read-model table the migrations create (V2, and rm_feedback from V5). */
    public static final List<String> TABLES = List.of("rm_capability_target", "rm_cost_line", "rm_engagement", "rm_feedback",
            "rm_fulfilment_step", "rm_invoice", "rm_requirement", "rm_requirement_criterion", "rm_requirement_revision");

    private ReadModelTables() {
    }

    /** The names (lower case) of the tables in the current schema whose name starts with {@code rm_}. */
    public static List<String> names(DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA")) {
            while (rows.next()) {
                String name = rows.getString(1).toLowerCase(Locale.ROOT);
                if (name.startsWith("rm_")) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** Every row of every rm_ table as text, each table ordered by all its columns. */
    public static Map<String, List<List<String>>> dump(DataSource dataSource) throws SQLException {
        Map<String, List<List<String>>> tables = new TreeMap<>();
        for (String table : names(dataSource)) {
            tables.put(table, rows(dataSource, table));
        }
        return tables;
    }

    public static long count(DataSource dataSource, String table) throws SQLException {
        return rows(dataSource, table).size();
    }

    private static List<List<String>> rows(DataSource dataSource, String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            int columns;
            try (ResultSet probe = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                columns = probe.getMetaData().getColumnCount();
            }
            String orderBy = IntStream.rangeClosed(1, columns).mapToObj(Integer::toString).collect(Collectors.joining(", "));
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = s.executeQuery("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
                while (result.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }
}
