package fr.misp.backoffice.platform.db;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many rows in few round trips: one multi-row {@code insert … values (…), (…)} per chunk, which PostgreSQL and H2
 * both take (a JDBC batch is one round trip per row unless the driver rewrites it, which is a connection setting).
 * Used by the runs that write tens of thousands of rows in one step (the invalidity payroll).
 */
public final class BulkInsert {

  /** Parameters per statement stay well under PostgreSQL's limit of 32 767. */
  private static final int MAX_PARAMETERS = 8_000;

  private BulkInsert() {}

  /** Inserts the rows (each as many values as columns), in chunks; returns how many were inserted. */
  public static int rows(JdbcTemplate jdbc, String table, List<String> columns, List<Object[]> rows) {
    int perChunk = Math.max(1, MAX_PARAMETERS / columns.size());
    String tuple = "(" + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
    int inserted = 0;
    for (int from = 0; from < rows.size(); from += perChunk) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perChunk));
      StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (")
          .append(String.join(", ", columns)).append(") values ");
      List<Object> params = new ArrayList<>(chunk.size() * columns.size());
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(tuple);
        for (Object value : chunk.get(i)) {
          params.add(value);
        }
      }
      inserted += jdbc.update(sql.toString(), params.toArray());
    }
    return inserted;
  }

  /** Which of the keys a column already holds, asked in chunks: to insert only what is not there yet. */
  public static Set<String> existing(JdbcTemplate jdbc, String table, String keyColumn, Collection<String> keys,
      String extraCondition, Object... extraParams) {
    Set<String> found = new HashSet<>();
    List<String> all = new ArrayList<>(keys);
    int perChunk = 1_000;
    for (int from = 0; from < all.size(); from += perChunk) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + perChunk));
      List<Object> params = new ArrayList<>(chunk);
      params.addAll(List.of(extraParams));
      found.addAll(jdbc.queryForList("select " + keyColumn + " from " + table + " where " + keyColumn + " in ("
          + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")"
          + (extraCondition == null ? "" : " and " + extraCondition), String.class, params.toArray()));
    }
    return found;
  }

  /** The rows whose key is not among those given. */
  public static <T> List<T> without(List<T> rows, Function<T, String> key, Set<String> present) {
    return rows.stream().filter(row -> !present.contains(key.apply(row))).toList();
  }
}
