package fr.misp.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A large history in bounded time: the files that real cases ran to their end through the back office
 * (the benchmark's load runs: HTTP, forms, claims, the app's records) are the templates; each is
 * copied many times in PostgreSQL with set-based {@code INSERT … SELECT … FROM generate_series}, so
 * every copy has the real shape (activities, tasks, variables, details, identity links, operation
 * log, serialized values, the app's records) at the cost of bulk inserts.
 *
 * <p>Copy {@code n} of a row: every id that names something of the instance (instance, execution,
 * activity, task, variable, byte array, operation…) and the business key get the suffix {@code -h<n>},
 * the same in every table, so references stay consistent; ids of the app's tables that are too short
 * for a suffix get a UUID derived from the original and {@code n}; every timestamp moves {@code n} steps
 * back (the copies span about three years before the seeding), removal times with them, so the
 * engine's history cleanup sees each copy as the original ended then. Definitions, users, groups and
 * activity ids are kept.
 */
final class HistorySeeder {

  record Result(int templates, long instances, long rows, double seconds, boolean stoppedByTimeLimit) {
    double perSecond() {
      return instances / seconds;
    }
  }

  /** Engine tables that hold a finished instance's history, each row carrying its root instance. */
  static final List<String> ENGINE_TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
      "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_comment",
      "act_hi_attachment", "act_hi_incident", "act_hi_job_log", "act_hi_ext_task_log", "act_hi_decinst",
      "act_hi_dec_in", "act_hi_dec_out", "act_ge_bytearray");

  /** Columns naming something of one instance (not of a definition, a user or a group): they get the suffix. */
  static final Set<String> INSTANCE_COLUMNS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
      "task_id_", "act_inst_id_", "parent_act_inst_id_", "bytearray_id_", "super_process_instance_id_",
      "call_proc_inst_id_", "var_inst_id_", "operation_id_", "job_id_", "dec_inst_id_", "root_dec_inst_id_",
      "cause_incident_id_", "root_cause_incident_id_", "process_instance_id_", "parent_task_id_",
      "job_exception_stack_id_", "ext_task_id_", "external_task_id_", "error_details_id_", "content_id_",
      "business_key_",
      // the app's records
      "business_key", "previous_business_key", "process_instance_id", "agreement_number", "incident_id");

  /** The app's ids too short for a suffix: a UUID derived from the original id and the copy's number. */
  static final Set<String> DERIVED_UUID_COLUMNS = Set.of("id", "notice_id");

  /** How far back the copies reach: three years, in equal steps. */
  static final long SPAN_SECONDS = 3L * 365 * 86_400;

  /** Enough templates for variety (each load-run file took its own path through the forms and timers). */
  static final int MAX_TEMPLATES = 500;

  /** Instances per transaction (all tables of a chunk of copies commit together). */
  static final int INSTANCES_PER_CHUNK = 20_000;

  private HistorySeeder() {}

  /**
   * Copies the finished root instances of {@code processKey} that have an app record until about
   * {@code total} instances are in history beside them, on {@code threads} connections.
   */
  static Result multiply(String jdbcUrl, String user, String password, String processKey, int total, int maxTemplates,
      int threads, double timeLimitSeconds, PrintStream out) throws SQLException {
    long started = System.nanoTime();
    Map<String, String> selects = new LinkedHashMap<>();
    int templates;
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
      dropTemplates(s);
      s.execute("create unlogged table bench_tpl_root as select p.id_ as root, p.business_key_ as business_key "
          + "from act_hi_procinst p join process_request r on r.business_key = p.business_key_ "
          + "where p.proc_def_key_ = '" + processKey + "' and p.end_time_ is not null and p.id_ = p.root_proc_inst_id_ "
          + "and p.id_ not like '%-h%' order by p.start_time_ limit " + maxTemplates);
      try (ResultSet rs = s.executeQuery("select count(*) from bench_tpl_root")) {
        rs.next();
        templates = rs.getInt(1);
      }
      if (templates == 0) {
        throw new IllegalStateException("no finished " + processKey + " file to copy: run load first");
      }
      for (String table : ENGINE_TABLES) {
        if (copyTemplates(s, table, "root_proc_inst_id_ in (select root from bench_tpl_root)")) {
          selects.put(table, select(c, table));
        }
      }
      for (String table : appTables(c)) {
        if (copyTemplates(s, table, "business_key in (select business_key from bench_tpl_root)")) {
          selects.put(table, select(c, table));
        }
      }
      StringBuilder shape = new StringBuilder();
      for (String table : selects.keySet()) {
        try (ResultSet rs = s.executeQuery("select count(*) from bench_tpl_" + table)) {
          rs.next();
          shape.append(shape.isEmpty() ? "" : ", ").append(table).append(' ').append(rs.getLong(1));
        }
      }
      out.printf("  %d finished %s files as templates; their rows: %s%n", templates, processKey, shape);
      dropIndexes(s, selects.keySet());
    }
    int copies = (total + templates - 1) / templates;
    int copiesPerChunk = Math.max(1, INSTANCES_PER_CHUNK / templates);
    long stepSeconds = Math.max(1, SPAN_SECONDS / copies);
    long deadline = started + (long) (timeLimitSeconds * 1e9);
    AtomicInteger nextCopy = new AtomicInteger(1);
    AtomicInteger doneCopies = new AtomicInteger();
    AtomicLong rows = new AtomicLong();
    AtomicInteger reported = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
          c.setAutoCommit(false);
          s.execute("set synchronous_commit = off");
          while (failure.get() == null && System.nanoTime() < deadline) {
            int from = nextCopy.getAndAdd(copiesPerChunk);
            if (from > copies) {
              return;
            }
            int to = Math.min(copies, from + copiesPerChunk - 1);
            long inserted = 0;
            for (Map.Entry<String, String> table : selects.entrySet()) {
              inserted += s.executeUpdate(table.getValue().replace("{from}", Integer.toString(from))
                  .replace("{to}", Integer.toString(to)).replace("{step}", Long.toString(stepSeconds)));
            }
            c.commit();
            rows.addAndGet(inserted);
            int done = doneCopies.addAndGet(to - from + 1);
            int tenth = (int) ((long) done * 10 / copies);
            int before = reported.get();
            if (tenth > before && tenth < 10 && reported.compareAndSet(before, tenth)) {
              double seconds = (System.nanoTime() - started) / 1e9;
              out.printf("  history: %,d of %,d instances (%.0f s, %,.0f per second, %,.0f rows per second)%n",
                  (long) done * templates, (long) copies * templates, seconds, done * (double) templates / seconds,
                  rows.get() / seconds);
            }
          }
        } catch (SQLException | RuntimeException e) {
          failure.compareAndSet(null, e);
        }
      }, "history-seeder-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    double copySeconds = (System.nanoTime() - started) / 1e9;
    long indexStart = System.nanoTime();
    int indexes = restoreIndexes(jdbcUrl, user, password, threads);
    out.printf("  rows copied in %.0f s (%,.0f rows per second), then %d indexes built in %.0f s%n", copySeconds,
        rows.get() / copySeconds, indexes, (System.nanoTime() - indexStart) / 1e9);
    if (failure.get() != null) {
      throw new IllegalStateException("history seeding failed", failure.get());
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
      check(s, templates, Math.min(copies, doneCopies.get()));
      dropTemplates(s);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    long instances = (long) doneCopies.get() * templates;
    return new Result(templates, instances, rows.get(), seconds, doneCopies.get() < copies);
  }

  /**
   * Indexes (primary keys and unique constraints too) of the tables copied into are dropped while the
   * rows go in and built again after, by sorting: maintaining a dozen B-trees row by row over tens of
   * millions of rows is what makes a bulk copy slow. Their definitions wait in {@code bench_dropped_index}
   * so that a run stopped half-way gets them back at its next start. Constraints that a foreign key
   * relies on stay.
   */
  private static void dropIndexes(Statement s, Set<String> tables) throws SQLException {
    restoreIndexes(s);
    String in = "'" + String.join("', '", tables) + "'";
    s.execute("create table bench_dropped_index as select i.tablename, i.indexname, c.conname, case when c.conname is null then "
        + "i.indexdef else 'alter table ' || i.tablename || ' add constraint ' || c.conname || ' ' || "
        + "pg_get_constraintdef(c.oid) end as definition, coalesce(pg_relation_size(i.tablename::regclass), 0) as size "
        + "from pg_indexes i left join pg_constraint c on c.conname = i.indexname and c.conrelid = i.tablename::regclass "
        + "where i.schemaname = current_schema() and i.tablename in (" + in + ") and not exists (select 1 from "
        + "pg_constraint f where f.contype = 'f' and f.confrelid = i.tablename::regclass)");
    List<String[]> drops = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select tablename, conname, indexname from bench_dropped_index")) {
      while (rs.next()) {
        drops.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
      }
    }
    for (String[] drop : drops) {
      s.execute(drop[1] != null ? "alter table " + drop[0] + " drop constraint " + drop[1] : "drop index " + drop[2]);
    }
  }

  /** Builds again the indexes a copy dropped, largest tables first, on {@code threads} connections. */
  static int restoreIndexes(String jdbcUrl, String user, String password, int threads) throws SQLException {
    List<String> definitions = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
      if (!exists(s, "bench_dropped_index")) {
        return 0;
      }
      // Constraints first: a copy that broke a key fails here rather than later.
      try (ResultSet rs = s.executeQuery("select definition from bench_dropped_index order by conname is null, size desc")) {
        while (rs.next()) {
          definitions.add(rs.getString(1));
        }
      }
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<SQLException> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
          s.execute("set maintenance_work_mem = '512MB'");
          s.execute("set max_parallel_maintenance_workers = 0");
          for (int i = next.getAndIncrement(); i < definitions.size() && failure.get() == null; i = next.getAndIncrement()) {
            s.execute(definitions.get(i));
          }
        } catch (SQLException e) {
          failure.compareAndSet(null, e);
        }
      }, "history-index-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
    try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
      s.execute("drop table bench_dropped_index");
    }
    return definitions.size();
  }

  private static void restoreIndexes(Statement s) throws SQLException {
    if (exists(s, "bench_dropped_index")) {
      List<String> definitions = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("select definition from bench_dropped_index")) {
        while (rs.next()) {
          definitions.add(rs.getString(1));
        }
      }
      for (String definition : definitions) {
        s.execute(definition);
      }
      s.execute("drop table bench_dropped_index");
    }
  }

  private static boolean exists(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("select to_regclass('" + table + "') is not null")) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** The app's tables that hold a file's record, by business key. */
  private static List<String> appTables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (var ps = c.prepareStatement("select table_name from information_schema.columns where table_schema = current_schema() "
        + "and column_name = 'business_key' and table_name not like 'bench\\_%' and table_name not like 'act\\_%' "
        + "order by table_name"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static boolean copyTemplates(Statement s, String table, String where) throws SQLException {
    s.execute("create unlogged table bench_tpl_" + table + " as select * from " + table + " where " + where);
    try (ResultSet rs = s.executeQuery("select exists (select 1 from bench_tpl_" + table + ")")) {
      rs.next();
      if (rs.getBoolean(1)) {
        return true;
      }
    }
    s.execute("drop table bench_tpl_" + table);
    return false;
  }

  /** {@code INSERT … SELECT} of copies {from}..{to} of a table's template rows. */
  private static String select(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    try (var ps = c.prepareStatement("select column_name, data_type, character_maximum_length from information_schema.columns "
        + "where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String column = rs.getString(1);
          String type = rs.getString(2);
          columns.add(column);
          if (table.equals("notification_outbox") && column.equals("sent_at")) {
            // The bench has no mail server, so the templates' notices still wait; a copy is an old file
            // whose letters went out: its notices count as sent when they were written.
            values.add("coalesce(sent_at, created_at) - n * interval '{step} seconds'");
          } else if (type.startsWith("timestamp")) {
            values.add(column + " - n * interval '{step} seconds'");
          } else if (type.equals("character varying") && DERIVED_UUID_COLUMNS.contains(column)) {
            values.add("md5(" + column + " || '-h' || n)::uuid::text");
          } else if (type.equals("character varying") && INSTANCE_COLUMNS.contains(column)) {
            values.add(column + " || '-h' || n");
          } else {
            values.add(column);
          }
        }
      }
    }
    return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
        + " from bench_tpl_" + table + " cross join generate_series({from}, {to}) n";
  }

  /** A few copies hold exactly their template's rows, table by table (the HTTP checks come after). */
  private static void check(Statement s, int templates, int copies) throws SQLException {
    if (copies == 0) {
      return;
    }
    for (int n : new int[] {1, (copies + 1) / 2, copies}) {
      try (ResultSet rs = s.executeQuery("select (select count(*) from act_hi_actinst a join bench_tpl_root t "
          + "on a.root_proc_inst_id_ = t.root || '-h' || " + n + "), (select count(*) from bench_tpl_act_hi_actinst), "
          + "(select count(*) from act_hi_varinst v join bench_tpl_root t on v.root_proc_inst_id_ = t.root || '-h' || "
          + n + "), (select count(*) from bench_tpl_act_hi_varinst), (select count(*) from process_request r join "
          + "bench_tpl_root t on r.business_key = t.business_key || '-h' || " + n + " and r.process_instance_id = t.root || '-h' || "
          + n + ")")) {
        rs.next();
        if (rs.getLong(1) != rs.getLong(2) || rs.getLong(3) != rs.getLong(4) || rs.getLong(5) != templates) {
          throw new IllegalStateException("copy " + n + " differs from its templates: activities " + rs.getLong(1) + "/"
              + rs.getLong(2) + ", variables " + rs.getLong(3) + "/" + rs.getLong(4) + ", requests " + rs.getLong(5)
              + "/" + templates);
        }
      }
    }
  }

  private static void dropTemplates(Statement s) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = current_schema() "
        + "and table_name like 'bench\\_tpl\\_%'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    for (String table : tables) {
      s.execute("drop table " + table);
    }
  }

  /** A copy's process instance id and business key, for the reads through the engine and the API. */
  static String copyOf(String original, int n) {
    return original + "-h" + n;
  }
}
