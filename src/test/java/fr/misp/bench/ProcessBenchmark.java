package fr.misp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.misp.bench.Client.Reply;
import fr.misp.bench.Client.User;
import fr.misp.bench.PriorApprovalCase.Call;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Load benchmark of the prior-approval process (not a test, not part of {@code ./mvnw verify}): the
 * back office against a bare Camunda engine with the same settings, each in its own JVM, on one
 * embedded PostgreSQL server (one database each). Run it with {@code bench/run}; options:
 * {@code --open-tasks N} (default 100000), {@code --warmup S}, {@code --duration S}, {@code --rounds R},
 * {@code --seed-time-limit S}, {@code --seed-batch B}, {@code --calls C}, {@code --budget S}, {@code --finished N}
 * (finished files in history, copied in bulk from those the load runs ended: {@link HistorySeeder}; default 0),
 * {@code --keep-data} (PostgreSQL's data stays in target/bench/pg after the run) and {@code --reuse} (measures
 * Tasklist and history again on that data: no load run, no seeding). The last line printed is the project/bare
 * ratio of cases per second with 4 clients.
 */
public final class ProcessBenchmark {

  static final String ADMIN_PASSWORD = "Bench-Adm1n-Passw0rd!";
  static final String TEAM_FILTER = "À traiter";
  static final String MY_TASKS_FILTER = "Mes tâches";
  /** Kept for the Tasklist calls and the stops when the seeding's time limit is computed. */
  static final double TASKLIST_AND_STOP_SECONDS = 80;
  /** How long one Tasklist-style list (with its count) may take before it is reported as timed out. */
  static final Duration TASKLIST_TIMEOUT = Duration.ofSeconds(20);
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  record Options(int openTasks, double warmupSeconds, double runSeconds, double seedTimeLimitSeconds, int seedBatch,
      int callsPerKind, double budgetSeconds, int rounds, int finished, boolean keepData, boolean reuse) {

    static final List<String> FLAGS = List.of("--keep-data", "--reuse");

    static Options parse(String[] args) {
      List<String> flags = new ArrayList<>();
      Map<String, String> values = new LinkedHashMap<>(Map.of("--open-tasks", "100000", "--warmup", "30",
          "--duration", "40", "--rounds", "4", "--seed-time-limit", "300", "--seed-batch", "100", "--calls", "100",
          "--budget", "550"));
      values.put("--finished", "0");
      for (int i = 0; i < args.length; i++) {
        if (FLAGS.contains(args[i])) {
          flags.add(args[i]);
          continue;
        }
        if (!values.containsKey(args[i]) || i + 1 == args.length) {
          throw new IllegalArgumentException("Unknown option or missing value: " + args[i] + " (options: "
              + values.keySet() + " " + FLAGS + ")");
        }
        values.put(args[i], args[++i]);
      }
      return new Options(Integer.parseInt(values.get("--open-tasks")), Double.parseDouble(values.get("--warmup")),
          Double.parseDouble(values.get("--duration")), Double.parseDouble(values.get("--seed-time-limit")),
          Integer.parseInt(values.get("--seed-batch")), Integer.parseInt(values.get("--calls")),
          Double.parseDouble(values.get("--budget")), Integer.parseInt(values.get("--rounds")),
          Integer.parseInt(values.get("--finished")), flags.contains("--keep-data") || flags.contains("--reuse"),
          flags.contains("--reuse"));
    }
  }

  record Boot(String label, double seconds, long rssMiB) {}

  private final Options options;
  private final Path dir = Path.of("target", "bench").toAbsolutePath();
  private final long t0 = System.nanoTime();
  private final List<AppProcess> apps = new ArrayList<>();
  private final List<Boot> boots = new ArrayList<>();
  private final List<LoadRun.Result> runs = new ArrayList<>();
  private final List<String> tasklistLines = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Long> rssAfterLoad = new LinkedHashMap<>();
  private TaskSeeder.Result seeding;
  private HistorySeeder.Result finishedSeeding;
  private long historicInstances = -1;
  private long openTasks = -1;
  private long authorizationRows = -1;
  private double analyzeSeconds = Double.NaN;
  private EmbeddedPostgres postgres;
  private String postgresFacts = "";

  private ProcessBenchmark(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    ProcessBenchmark benchmark = new ProcessBenchmark(Options.parse(args));
    Runtime.getRuntime().addShutdownHook(new Thread(benchmark::killAll, "bench-cleanup"));
    int status = benchmark.run();
    System.exit(status);
  }

  private int run() throws Exception {
    Files.createDirectories(dir.resolve("tmp"));
    OUT.println("Process benchmark: back office (priorApproval) vs bare Camunda engine, " + machine());
    OUT.printf("options: open tasks %,d, warm-up %.0f s, runs %.0f s in %d turns, seeding limit %.0f s, budget %.0f s; "
        + "load average before: %s; logs in target/bench/%n", options.openTasks(), options.warmupSeconds(),
        options.runSeconds(), options.rounds(), options.seedTimeLimitSeconds(), options.budgetSeconds(), loadAverage());
    String runtimeClasspath = Files.readString(Path.of(System.getProperty("bench.runtime-classpath-file"))).trim();
    String projectClasspath = Path.of("target", "classes").toAbsolutePath() + java.io.File.pathSeparator + runtimeClasspath;
    String bareClasspath = Path.of("target", "test-classes").toAbsolutePath() + java.io.File.pathSeparator + runtimeClasspath;
    List<String> jvm = new ArrayList<>(List.of("-Djava.io.tmpdir=" + dir.resolve("tmp")));
    String extra = System.getenv("BENCH_APP_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      jvm.addAll(Arrays.asList(extra.trim().split("\\s+")));
    }
    Path pgData = dir.resolve("pg");
    if (options.reuse() && !Files.exists(pgData.resolve("postgresql.conf"))) {
      throw new IllegalStateException("--reuse: no data kept by an earlier run with --keep-data in " + pgData);
    }
    try {
      // 1. H2 (demo profile): time to healthy and memory only.
      if (!options.reuse()) {
      step("booting the back office on H2 (demo profile)");
      deleteTree(dir.resolve("h2"));
      try (AppProcess h2 = track(AppProcess.start("project-h2", projectClasspath, "fr.misp.backoffice.MispApplication", jvm,
          List.of("--spring.datasource.url=jdbc:h2:file:./target/bench/h2/misp;DB_CLOSE_ON_EXIT=FALSE;MODE=LEGACY"),
          Map.of(), dir.resolve("project-h2.log")))) {
        h2.awaitHealthy(Duration.ofSeconds(240));
        boots.add(new Boot("project, demo profile, H2", h2.secondsToHealthy(), h2.rssAfterBootMiB()));
        printBoot(boots.get(boots.size() - 1));
      }
      }

      // 2. PostgreSQL and one database per app (kept in target/bench/pg with --keep-data).
      step("starting PostgreSQL");
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          // Bulk copies of the history write tens of GB of WAL: fewer checkpoints.
          .setServerConfig("max_wal_size", "2GB")
          // Statements slower than 200 ms go to postgres.log with their parameters, for EXPLAIN.
          .setServerConfig("log_min_duration_statement", "200");
      if (options.keepData()) {
        if (!options.reuse()) {
          deleteTree(pgData);
        }
        builder.setDataDirectory(pgData).setCleanDataDirectory(false);
      }
      postgres = builder
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
          .start();
      try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
          Statement s = c.createStatement()) {
        if (!options.reuse()) {
          s.execute("create database misp");
          s.execute("create database bare");
        }
        postgresFacts = "PostgreSQL " + show(s, "server_version") + " (embedded), shared_buffers " + show(s, "shared_buffers")
            + ", synchronous_commit " + show(s, "synchronous_commit") + ", fsync " + show(s, "fsync");
      }
      OUT.println("  " + postgresFacts);
      ProcessHandle postmaster = ProcStat.postmaster(postgres.getPort());
      String mispUrl = postgres.getJdbcUrl("postgres", "misp");

      // 3. The back office (prod profile) and the bare engine, one after the other.
      step("booting the back office (prod profile, PostgreSQL database misp)");
      AppProcess project = track(AppProcess.start("project", projectClasspath, "fr.misp.backoffice.MispApplication", jvm,
          List.of("--spring.profiles.active=prod", "--misp.demo-data=true"),
          Map.of("MISP_DB_URL", mispUrl, "MISP_DB_USER", "postgres", "MISP_DB_PASSWORD", "postgres",
              "MISP_ADMIN_PASSWORD", ADMIN_PASSWORD), dir.resolve("project.log")));
      project.awaitHealthy(Duration.ofSeconds(240));
      boots.add(new Boot("project, prod profile, PostgreSQL", project.secondsToHealthy(), project.rssAfterBootMiB()));
      printBoot(boots.get(boots.size() - 1));

      Client projectClient = new Client(project.port);
      if (options.reuse()) {
        step("reusing the kept data: no load run, no seeding");
        checkSignIn(projectClient, "project");
        tasklistAndHistory(projectClient, mispUrl);
        step("stopping the apps and PostgreSQL");
        return 0;
      }

      step("booting the bare engine (PostgreSQL database bare)");
      AppProcess bare = track(AppProcess.start("bare", bareClasspath, "fr.misp.bench.bare.BareEngineApplication", jvm,
          List.of("--spring.config.name=bare"),
          Map.of("BARE_DB_URL", postgres.getJdbcUrl("postgres", "bare"), "BARE_DB_USER", "postgres",
              "BARE_DB_PASSWORD", "postgres"), dir.resolve("bare.log")));
      bare.awaitHealthy(Duration.ofSeconds(240));
      boots.add(new Boot("bare engine, PostgreSQL", bare.secondsToHealthy(), bare.rssAfterBootMiB()));
      printBoot(boots.get(boots.size() - 1));

      Client bareClient = new Client(bare.port);
      step("creating the project's users through /engine-rest as the admin");
      createProjectUsers(projectClient);
      checkSignIn(bareClient, "bare");

      // 4. Load: warm-up, then 1 client (bare and project in turns), then 4 clients (the same).
      PriorApprovalCase projectCase = new PriorApprovalCase.Project(projectClient);
      PriorApprovalCase bareCase = new PriorApprovalCase.Bare(bareClient);
      AtomicLong projectNumbers = new AtomicLong();
      AtomicLong bareNumbers = new AtomicLong();
      step(String.format("warm-up: %.0f s per app with 4 clients", options.warmupSeconds()));
      LoadRun.Result warmBare = LoadRun.run(bareCase, bare, postmaster, 4, options.warmupSeconds(), bareNumbers);
      OUT.printf("  bare: %,d cases, project: ", warmBare.cases());
      LoadRun.Result warmProject = LoadRun.run(projectCase, project, postmaster, 4, options.warmupSeconds(), projectNumbers);
      OUT.printf("%,d cases%n", warmProject.cases());
      // Each app runs its time in slices, bare and project taking turns (ABBA), so that a passing
      // disturbance of the machine falls on both.
      double slice = options.runSeconds() / options.rounds();
      for (int clients : new int[] {1, 4}) {
        step(String.format("measuring bare and project with %d client%s: %.0f s each, in %d turns of %.1f s", clients,
            clients == 1 ? "" : "s", options.runSeconds(), options.rounds(), slice));
        List<LoadRun.Result> bareSlices = new ArrayList<>();
        List<LoadRun.Result> projectSlices = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
          for (boolean isProject : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
            if (isProject) {
              projectSlices.add(LoadRun.run(projectCase, project, postmaster, clients, slice, projectNumbers));
            } else {
              bareSlices.add(LoadRun.run(bareCase, bare, postmaster, clients, slice, bareNumbers));
            }
          }
        }
        for (LoadRun.Result result : List.of(LoadRun.merge(bareSlices), LoadRun.merge(projectSlices))) {
          runs.add(result);
          printRun(result);
        }
      }
      rssAfterLoad.put("project", project.rssMiB());
      rssAfterLoad.put("bare", bare.rssMiB());

      // 5. Tasklist calls with many open tasks (failures here are reported, the load figures stand).
      try {
        if (options.finished() > 0) {
          endEnoughFiles(projectCase, project, postmaster, projectNumbers, mispUrl);
        }
        seed(mispUrl);
      } catch (RuntimeException | SQLException e) {
        notes.add("Seeding failed: " + e);
        OUT.println("  FAILED: " + e);
      }
      tasklistAndHistory(projectClient, mispUrl);
      step("stopping the apps and PostgreSQL");
    } finally {
      stopAll();
      printSummary();
    }
    return 0;
  }

  private void tasklistAndHistory(Client client, String mispUrl) {
    try {
      tasklistCalls(client, mispUrl);
      if (historicInstances > 0) {
        historyCalls(client, mispUrl);
      }
    } catch (RuntimeException e) {
      notes.add("Tasklist measurement failed: " + e);
      OUT.println("  FAILED: " + e);
    }
  }

  private void createProjectUsers(Client client) {
    User admin = User.of("admin", ADMIN_PASSWORD);
    String[][] users = {{"conseiller", "Agent", "Conseil", "conseillers"}, {"ima", "Agent", "Zone", "ima"}, {"hcs", "Agent", "Zone", "hcs"},
        {"medecin", "Docteur", "Avis", "medecins-conseil"}, {"gestionnaire", "Agent", "Gestion", "gestionnaires"}};
    for (String[] u : users) {
      Map<String, Object> body = Map.of("profile", Map.of("id", u[0], "firstName", u[1], "lastName", u[2],
          "email", u[0] + "@bench.invalid"), "credentials", Map.of("password", PriorApprovalCase.PASSWORD));
      Reply created = client.post("/engine-rest/user/create", admin, Client.json(body));
      if (created.status() != 204) {
        throw new IllegalStateException("user/create " + u[0] + ": " + created.status() + " " + created.body());
      }
      Reply member = client.put("/engine-rest/group/" + u[3] + "/members/" + u[0], admin, "");
      if (member.status() != 204) {
        throw new IllegalStateException("group member " + u[0] + ": " + member.status() + " " + member.body());
      }
    }
    checkSignIn(client, "project");
  }

  private static void checkSignIn(Client client, String app) {
    for (User user : List.of(PriorApprovalCase.ADVISOR, PriorApprovalCase.IMA, PriorApprovalCase.DOCTOR)) {
      Reply reply = client.get("/engine-rest/task/count", user);
      if (reply.status() != 200) {
        throw new IllegalStateException(app + ": " + user.id() + " cannot sign in: " + reply.status() + " " + reply.body());
      }
    }
  }

  /** Real files the history is copied from: at least this many, ended through the back office. */
  static final int MIN_TEMPLATES = 300;

  /** The load runs ended some files; more real cases (4 clients, 2 minutes at most) until there are enough. */
  private void endEnoughFiles(PriorApprovalCase scenario, AppProcess project, ProcessHandle postmaster, AtomicLong numbers,
      String mispUrl) {
    String finished = "select count(*) from act_hi_procinst where proc_def_key_ = '" + TaskSeeder.PROCESS_KEY
        + "' and end_time_ is not null";
    long deadline = System.nanoTime() + 120_000_000_000L;
    long ended = count(mispUrl, finished);
    if (ended < MIN_TEMPLATES) {
      step(String.format("%d files ended by the load runs: more real cases until %d have ended", ended, MIN_TEMPLATES));
    }
    while (ended < MIN_TEMPLATES && System.nanoTime() < deadline) {
      LoadRun.run(scenario, project, postmaster, 4, 10, numbers);
      ended = count(mispUrl, finished);
    }
  }

  private void seed(String mispUrl) throws SQLException {
    if (options.finished() > 0) {
      step(String.format("seeding %,d finished files (history): copies of the files the load runs ended, in bulk "
          + "(2 connections, %,d instances per transaction)", options.finished(), HistorySeeder.INSTANCES_PER_CHUNK));
      finishedSeeding = HistorySeeder.multiply(mispUrl, "postgres", "postgres", TaskSeeder.PROCESS_KEY, options.finished(),
          HistorySeeder.MAX_TEMPLATES, 2, options.seedTimeLimitSeconds(), OUT);
      OUT.printf("  %,d finished files (%,d rows) in %.1f s: %,.0f files per second, %,.0f rows per second%s%n",
          finishedSeeding.instances(), finishedSeeding.rows(), finishedSeeding.seconds(), finishedSeeding.perSecond(),
          finishedSeeding.rows() / finishedSeeding.seconds(),
          finishedSeeding.stoppedByTimeLimit() ? " (stopped by the time limit)" : "");
    }
    step(String.format("seeding %,d open tasks in the project's database (2 threads, %d per transaction)",
        options.openTasks(), options.seedBatch()));
    // Seeding stops in time for the rest of the run to end within the budget (Tasklist calls, stops).
    double left = options.budgetSeconds() - (System.nanoTime() - t0) / 1e9 - TASKLIST_AND_STOP_SECONDS;
    double limit = Math.max(10, Math.min(options.seedTimeLimitSeconds(), left));
    seeding = TaskSeeder.seed(mispUrl, "postgres", "postgres", options.openTasks(), 2, options.seedBatch(), limit, OUT);
    OUT.printf("  %,d instances in %.1f s: %,.0f per second%s%n", seeding.seeded(), seeding.seconds(), seeding.perSecond(),
        seeding.stoppedByTimeLimit() ? " (stopped by the time limit)" : "");
  }

  private void tasklistCalls(Client client, String mispUrl) {
    try (Connection c = DriverManager.getConnection(mispUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
      long start = System.nanoTime();
      s.execute("analyze");
      analyzeSeconds = (System.nanoTime() - start) / 1e9;
      try (ResultSet rs = s.executeQuery("select count(*) from act_ru_task")) {
        rs.next();
        openTasks = rs.getLong(1);
      }
      try (ResultSet rs = s.executeQuery("select count(*) from act_ru_authorization")) {
        rs.next();
        authorizationRows = rs.getLong(1);
      }
      try (ResultSet rs = s.executeQuery("select count(*) from act_hi_procinst")) {
        rs.next();
        historicInstances = rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    OUT.printf("  %,d open tasks in all, %,d authorization rows, %,d process instances in history (ANALYZE %.1f s)%n",
        openTasks, authorizationRows, historicInstances, analyzeSeconds);
    for (Role role : ROLES) {
      tasklistCallsOf(client, mispUrl, role);
    }
  }

  /** A Tasklist user of the benchmark: who, in which candidate group. */
  record Role(User user, String group) {}

  static final List<Role> ROLES = List.of(new Role(PriorApprovalCase.IMA, "ima"), new Role(PriorApprovalCase.HCS, "hcs"),
      new Role(PriorApprovalCase.DOCTOR, "medecins-conseil"));
  /** Tasks each user claims before the measures, so that "Mes tâches" lists something. */
  static final int CLAIMED_PER_USER = 20;

  private void tasklistCallsOf(Client client, String mispUrl, Role role) {
    User user = role.user();
    List<String[]> sample = new ArrayList<>();
    long offered;
    try (Connection c = DriverManager.getConnection(mispUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select t.id_, t.proc_inst_id_ from act_ru_task t join act_ru_identitylink l "
          + "on l.task_id_ = t.id_ where l.group_id_ = '" + role.group() + "' and l.type_ = 'candidate' "
          + "and t.assignee_ is null order by random() limit 200")) {
        while (rs.next()) {
          sample.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
      try (ResultSet rs = s.executeQuery("select count(*) from act_ru_identitylink where group_id_ = '" + role.group()
          + "' and type_ = 'candidate' and task_id_ is not null")) {
        rs.next();
        offered = rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    if (sample.size() <= CLAIMED_PER_USER) {
      throw new IllegalStateException("too few open tasks of " + role.group() + " to read: " + sample.size());
    }
    step(String.format("measuring Tasklist calls as %s (%,d tasks offered to %s)", user.id(), offered, role.group()));
    for (String[] task : sample.subList(0, CLAIMED_PER_USER)) {
      Reply claimed = client.post("/engine-rest/task/" + task[0] + "/claim", user, "{\"userId\":\"" + user.id() + "\"}");
      if (claimed.status() != 204) {
        throw new IllegalStateException("claim as " + user.id() + ": " + claimed.status() + " " + Client.abbreviate(claimed.body()));
      }
    }
    List<String[]> open = sample.subList(CLAIMED_PER_USER, sample.size());
    Reply filters = client.get("/engine-rest/filter?resourceType=Task", user);
    String teamId = null;
    String mineId = null;
    for (JsonNode filter : filters.json()) {
      if (TEAM_FILTER.equals(filter.path("name").asText())) {
        teamId = filter.get("id").asText();
      } else if (MY_TASKS_FILTER.equals(filter.path("name").asText())) {
        mineId = filter.get("id").asText();
      }
    }
    if (teamId == null || mineId == null) {
      throw new IllegalStateException("filters '" + TEAM_FILTER + "' and '" + MY_TASKS_FILTER + "' not both visible to "
          + user.id() + ": " + Client.abbreviate(filters.body()));
    }
    String who = user.id() + ", ";
    String team = "/engine-rest/filter/" + teamId + "/list?firstResult=0&maxResults=15";
    String mine = "/engine-rest/filter/" + mineId + "/list?firstResult=0&maxResults=15";
    Random random = new Random(42);
    measure(who + "team filter, first 15 (body {})", i -> client.post(team, user, "{}"));
    measureBounded(client, who + "team filter as Tasklist asks it (HAL, sorted, count)", team, user, mispUrl, offered);
    measureBounded(client, who + "\"Mes tâches\" as Tasklist asks it (HAL, sorted, count)", mine, user, mispUrl,
        count(mispUrl, "select count(*) from act_ru_task where assignee_ = '" + user.id() + "'"));
    measure(who + "a task's form (deployed-form)", i -> client.get("/engine-rest/task/" + open.get(random.nextInt(open.size()))[0]
        + "/deployed-form", user));
    measure(who + "a task's form variables", i -> client.get("/engine-rest/task/" + open.get(random.nextInt(open.size()))[0]
        + "/form-variables", user));
    measure(who + "GET /api/prior-approvals/{id}", i -> client.get("/api/prior-approvals/"
        + open.get(random.nextInt(open.size()))[1], user));
  }

  /** The Tasklist user who reads the history of finished files in Cockpit and the engine's history API. */
  static final User MANAGER = User.of("gestionnaire", PriorApprovalCase.PASSWORD);

  /**
   * What people read of the history: a finished file through {@code /api} (each role; IMA's zone filed
   * them in the load runs, so {@code hcs} is refused), a task's "History" tab in Tasklist (its operation
   * log, count and page, as Tasklist asks), and, as a gestionnaire, the count and the latest page of
   * finished files and a finished file's activities, tasks and variables from {@code /engine-rest/history}.
   * A few copies are first checked against their template through the same API.
   */
  private void historyCalls(Client client, String mispUrl) {
    List<String> finished = new ArrayList<>();
    Map<String, List<String>> claimed = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(mispUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select id_ from act_hi_procinst tablesample system (1) where id_ like '%-h%' "
          + "and end_time_ is not null and proc_def_key_ = '" + TaskSeeder.PROCESS_KEY + "' limit 200")) {
        while (rs.next()) {
          finished.add(rs.getString(1));
        }
      }
      try (ResultSet rs = s.executeQuery("select assignee_, id_ from act_ru_task where assignee_ in ('ima', 'hcs', 'medecin')")) {
        while (rs.next()) {
          claimed.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    if (finished.isEmpty()) {
      throw new IllegalStateException("no copied finished file in history");
    }
    step(String.format("checking copies of finished files through /engine-rest/history and /api, then measuring history "
        + "reads (%,d process instances in history)", historicInstances));
    checkCopies(client, mispUrl, finished.subList(0, Math.min(5, finished.size())));
    Random random = new Random(7);
    for (Role role : ROLES) {
      User user = role.user();
      String who = user.id() + ", ";
      int expected = "hcs".equals(user.id()) ? 403 : 200;
      measure(who + "GET /api/prior-approvals/{id} of a finished file" + (expected == 403 ? " (refused: other zone)" : ""),
          expected, i -> client.get("/api/prior-approvals/" + finished.get(random.nextInt(finished.size())), user));
      List<String> own = claimed.getOrDefault(user.id(), List.of());
      if (own.isEmpty()) {
        continue;
      }
      measure(who + "a task's History tab: operation log count", 200, i -> client.get(
          "/engine-rest/history/user-operation/count?taskId=" + own.get(random.nextInt(own.size())), user));
      measure(who + "a task's History tab: operation log, first 50", 200, i -> client.get(
          "/engine-rest/history/user-operation?taskId=" + own.get(random.nextInt(own.size())) + "&maxResults=50&firstResult=0",
          user));
    }
    String who = MANAGER.id() + ", ";
    String key = "processDefinitionKey=" + TaskSeeder.PROCESS_KEY;
    measure(who + "GET /api/prior-approvals/{id} of a finished file", 200,
        i -> client.get("/api/prior-approvals/" + finished.get(random.nextInt(finished.size())), MANAGER));
    measure(who + "count of finished files (history/process-instance/count)", 200,
        i -> client.get("/engine-rest/history/process-instance/count?finished=true&" + key, MANAGER));
    measure(who + "latest 15 finished files (sorted by end time)", 200, i -> client.get("/engine-rest/history/process-instance?"
        + "finished=true&" + key + "&sortBy=endTime&sortOrder=desc&firstResult=0&maxResults=15", MANAGER));
    measure(who + "a finished file's activities (history/activity-instance)", 200, i -> client.get(
        "/engine-rest/history/activity-instance?processInstanceId=" + finished.get(random.nextInt(finished.size())), MANAGER));
    measure(who + "a finished file's tasks (history/task)", 200, i -> client.get(
        "/engine-rest/history/task?processInstanceId=" + finished.get(random.nextInt(finished.size())), MANAGER));
    measure(who + "a finished file's variables (history/variable-instance)", 200, i -> client.get(
        "/engine-rest/history/variable-instance?processInstanceId=" + finished.get(random.nextInt(finished.size())), MANAGER));
    measure(who + "a file's job log, first 10 (Cockpit's Job Log tab)", 200, i -> client.get(
        "/engine-rest/history/job-log?processInstanceId=" + finished.get(random.nextInt(finished.size()))
        + "&sortBy=timestamp&sortOrder=desc&firstResult=0&maxResults=10", MANAGER));
  }

  /** A copy reads like its template through the engine's history API and the file's /api view. */
  private void checkCopies(Client client, String mispUrl, List<String> copies) {
    for (String copy : copies) {
      String template = copy.substring(0, copy.lastIndexOf("-h"));
      JsonNode instance = client.get("/engine-rest/history/process-instance/" + copy, MANAGER).json();
      JsonNode original = client.get("/engine-rest/history/process-instance/" + template, MANAGER).json();
      String suffix = copy.substring(copy.lastIndexOf("-h"));
      boolean same = "COMPLETED".equals(instance.path("state").asText())
          && instance.path("businessKey").asText().equals(original.path("businessKey").asText() + suffix)
          && instance.path("removalTime").isTextual() && instance.path("rootProcessInstanceId").asText().equals(copy);
      for (String list : List.of("activity-instance", "task", "variable-instance", "detail")) {
        long copied = client.get("/engine-rest/history/" + list + "/count?processInstanceId=" + copy, MANAGER).json()
            .path("count").asLong(-1);
        long originalCount = client.get("/engine-rest/history/" + list + "/count?processInstanceId=" + template, MANAGER)
            .json().path("count").asLong(-2);
        same &= copied == originalCount && copied > 0;
      }
      JsonNode view = client.get("/api/prior-approvals/" + copy, MANAGER).json();
      JsonNode originalView = client.get("/api/prior-approvals/" + template, MANAGER).json();
      same &= view.path("businessKey").asText().equals(originalView.path("businessKey").asText() + suffix)
          && view.path("status").asText().equals(originalView.path("status").asText())
          && !view.path("status").asText().isEmpty();
      if (!same) {
        throw new IllegalStateException("copy " + copy + " does not read like " + template + ": " + Client.abbreviate(
            instance.toString()) + " / " + Client.abbreviate(view.toString()));
      }
    }
    String line = String.format("%,d copies read like their templates (history: instance, activities, tasks, variables, "
        + "details; /api view)", copies.size());
    OUT.println("  " + line);
    notes.add(line);
  }

  private static long count(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A list as Tasklist itself asks for it: HAL, sorted by creation date, which makes the engine count
   * the whole filter too (Tasklist shows "1-15 of N" and, for a filter with "refresh", asks again
   * every 10 s). Each call is bounded; a query left running in PostgreSQL by a timed-out call is
   * cancelled so that nothing after it is slowed down, and the measure stops at the first time-out.
   */
  private void measureBounded(Client client, String label, String list, User user, String mispUrl, long expectedCount) {
    Latencies latencies = new Latencies();
    int timeouts = 0;
    long count = -1;
    long deadline = System.nanoTime() + 15_000_000_000L;
    for (int i = 0; i < options.callsPerKind() + 5 && timeouts == 0 && System.nanoTime() < deadline; i++) {
      long start = System.nanoTime();
      try {
        Reply reply = client.post(list, user, "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}",
            "application/hal+json", TASKLIST_TIMEOUT);
        if (reply.status() != 200) {
          throw new IllegalStateException(label + ": " + reply.status() + " " + Client.abbreviate(reply.body()));
        }
        if (i == 0) {
          count = reply.json().path("count").asLong(-1);
        }
        if (i >= 5 || latencies.count() > 0 || System.nanoTime() - start > TASKLIST_TIMEOUT.toNanos() / 4) {
          latencies.add(System.nanoTime() - start); // the first 5 warm up, unless they are already slow
        }
      } catch (java.io.UncheckedIOException e) {
        if (!(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
          throw e;
        }
        timeouts++;
        cancelLongQueries(mispUrl);
      }
    }
    String result = timeouts > 0
        ? String.format("TIMED OUT: no answer within %d s%s", TASKLIST_TIMEOUT.toSeconds(),
            latencies.count() > 0 ? " (after " + latencies.count() + " answered: " + latencies.p50p95() + " ms)" : "")
        : "p50/p95 " + latencies.p50p95() + " ms (" + latencies.count() + " calls)";
    result += String.format("; count %,d (expected %,d)", count, expectedCount);
    tasklistLines.add(String.format("%-66s %s", label, result));
    OUT.printf("  %-66s %s%n", label, result);
  }

  private static void cancelLongQueries(String mispUrl) {
    try (Connection c = DriverManager.getConnection(mispUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
      s.execute("select pg_cancel_backend(pid) from pg_stat_activity where datname = 'misp' and state = 'active' "
          + "and pid <> pg_backend_pid() and now() - query_start > interval '5 seconds'");
    } catch (SQLException e) {
      OUT.println("  could not cancel the long queries: " + e);
    }
  }

  private void measure(String label, Function<Integer, Reply> call) {
    measure(label, 200, call);
  }

  /** A few unmeasured calls, then up to {@code --calls} measured ones within 15 s. */
  private void measure(String label, int expectedStatus, Function<Integer, Reply> call) {
    for (int i = 0; i < 5; i++) {
      Reply reply = call.apply(i);
      if (reply.status() != expectedStatus) {
        throw new IllegalStateException(label + ": " + reply.status() + " " + Client.abbreviate(reply.body()));
      }
    }
    Latencies latencies = new Latencies();
    long deadline = System.nanoTime() + 15_000_000_000L;
    for (int i = 0; i < options.callsPerKind() && System.nanoTime() < deadline; i++) {
      long start = System.nanoTime();
      Reply reply = call.apply(i);
      latencies.add(System.nanoTime() - start);
      if (reply.status() != expectedStatus) {
        throw new IllegalStateException(label + ": " + reply.status() + " " + Client.abbreviate(reply.body()));
      }
    }
    tasklistLines.add(String.format("%-66s p50/p95 %s ms (%d calls)", label, latencies.p50p95(), latencies.count()));
    OUT.printf("  %-66s p50/p95 %s ms (%d calls)%n", label, latencies.p50p95(), latencies.count());
  }

  private void printBoot(Boot boot) {
    OUT.printf("  %-36s healthy after %5.1f s, RSS %,d MiB%n", boot.label(), boot.seconds(), boot.rssMiB());
  }

  private void printRun(LoadRun.Result r) {
    OUT.printf("  %s, %d client%s: %,d cases in %.1f s = %.2f cases/s; CPU %.1f ms/case (app %.1f + PostgreSQL %.1f; "
        + "HTTP clients %.1f); other processes %.0f%% of the machine; %d failed%n", r.app(), r.clients(),
        r.clients() == 1 ? "" : "s", r.cases(), r.seconds(), r.casesPerSecond(), r.cpuMillisPerCase(),
        r.appCpuMillisPerCase(), r.postgresCpuMillisPerCase(), r.clientCpuMillisPerCase(), r.otherLoadPercent(),
        r.errors());
    StringBuilder line = new StringBuilder("    p50/p95 ms:");
    for (Call call : Call.values()) {
      line.append(' ').append(call.label).append(' ').append(r.latencies().get(call).p50p95()).append(';');
    }
    OUT.println(line.substring(0, line.length() - 1));
    r.firstErrors().forEach(e -> OUT.println("    failure: " + e));
  }

  private void printSummary() {
    OUT.println();
    OUT.println("==== Summary — " + machine());
    OUT.println(postgresFacts);
    OUT.println("Boot (process start to /actuator/health UP; resident memory then):");
    boots.forEach(b -> OUT.printf("  %-36s %5.1f s  %,5d MiB%n", b.label(), b.seconds(), b.rssMiB()));
    rssAfterLoad.forEach((app, rss) -> OUT.printf("  %-36s %,d MiB after the load runs%n", app, rss));
    OUT.println("Load, prior-approval happy path (1 case = start + 2 × (task lookup, claim, submit-form) + final read):");
    OUT.printf("  %-8s %7s %7s %8s %11s %14s %6s | p50/p95 ms: %s%n", "app", "clients", "cases", "cases/s",
        "CPU ms/case", "(app + pg)", "other", String.join(" | ", Stream.of(Call.values()).map(c -> c.label).toList()));
    for (LoadRun.Result r : runs) {
      StringBuilder percentiles = new StringBuilder();
      for (Call call : Call.values()) {
        percentiles.append(percentiles.isEmpty() ? "" : " | ").append(r.latencies().get(call).p50p95());
      }
      OUT.printf("  %-8s %7d %7d %8.2f %11.1f %14s %5.0f%% | %s%n", r.app(), r.clients(), r.cases(), r.casesPerSecond(),
          r.cpuMillisPerCase(), String.format("(%.1f + %.1f)", r.appCpuMillisPerCase(), r.postgresCpuMillisPerCase()),
          r.otherLoadPercent(), percentiles);
    }
    if (seeding != null) {
      OUT.printf("Seeding: %,d open priorApproval files in %.1f s (%,.0f per second)%s; %,d open tasks in all, "
          + "%,d authorization rows%n", seeding.seeded(), seeding.seconds(), seeding.perSecond(),
          seeding.stoppedByTimeLimit() ? ", STOPPED BY THE TIME LIMIT before " + String.format("%,d", options.openTasks()) : "",
          openTasks, authorizationRows);
    }
    if (finishedSeeding != null) {
      OUT.printf("History: %,d finished files (copies of %d that the load runs ended; %,d rows) seeded in %.1f s "
          + "(%,.0f per second)%s; %,d process instances in history%n", finishedSeeding.instances(),
          finishedSeeding.templates(), finishedSeeding.rows(), finishedSeeding.seconds(), finishedSeeding.perSecond(),
          finishedSeeding.stoppedByTimeLimit() ? " (STOPPED BY THE TIME LIMIT)" : "", historicInstances);
    }
    if (!tasklistLines.isEmpty()) {
      OUT.printf("Tasklist calls as ima, hcs and medecin with %,d open tasks (1 client, sequential):%n", openTasks);
      tasklistLines.forEach(line -> OUT.println("  " + line));
    }
    OUT.println("(other: CPU of every other process of the machine during the run, in % of its "
        + Runtime.getRuntime().availableProcessors() + " CPUs; load average at the end: " + loadAverage() + ")");
    notes.forEach(n -> OUT.println("Note: " + n));
    OUT.println("CPU per case project/bare (1 client): " + cpuRatio(1) + ", (4 clients): " + cpuRatio(4));
    OUT.printf("Whole run: %.0f s%n", (System.nanoTime() - t0) / 1e9);
    OUT.println("ratio project/bare (1 client): " + ratio(1));
    OUT.println("ratio project/bare (4 clients): " + ratio(4));
  }

  private String ratio(int clients) {
    LoadRun.Result project = find("project", clients);
    LoadRun.Result bare = find("bare", clients);
    if (project == null || bare == null || bare.casesPerSecond() == 0) {
      return "n/a";
    }
    return String.format("%.2f", project.casesPerSecond() / bare.casesPerSecond());
  }

  private String cpuRatio(int clients) {
    LoadRun.Result project = find("project", clients);
    LoadRun.Result bare = find("bare", clients);
    if (project == null || bare == null || !(bare.cpuMillisPerCase() > 0)) {
      return "n/a";
    }
    return String.format("%.2f", project.cpuMillisPerCase() / bare.cpuMillisPerCase());
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private LoadRun.Result find(String app, int clients) {
    return runs.stream().filter(r -> r.app().equals(app) && r.clients() == clients).findFirst().orElse(null);
  }

  private AppProcess track(AppProcess app) {
    synchronized (apps) {
      apps.add(app);
    }
    return app;
  }

  private void stopAll() {
    synchronized (apps) {
      apps.forEach(AppProcess::close);
      apps.clear();
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException e) {
        OUT.println("  could not stop PostgreSQL: " + e);
      }
      postgres = null;
    }
  }

  /** On an interrupted run (Ctrl-C, an exception): no app or database is left behind. */
  private void killAll() {
    synchronized (apps) {
      apps.forEach(AppProcess::kill);
    }
    if (postgres != null) {
      try {
        postgres.close();
      } catch (IOException | RuntimeException ignored) {
        // best effort
      }
    }
  }

  private void step(String what) {
    OUT.printf("[%5.1f s] %s%n", (System.nanoTime() - t0) / 1e9, what);
  }

  private static String show(Statement s, String setting) throws SQLException {
    try (ResultSet rs = s.executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static String machine() {
    String cpu = "?";
    long memKiB = 0;
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
      memKiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0L);
    } catch (IOException | RuntimeException e) {
      // not Linux: leave unknown
    }
    return String.format("%s, %d CPUs (%s), %.1f GiB RAM, Java %s", ZonedDateTime.now().format(
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), Runtime.getRuntime().availableProcessors(), cpu,
        memKiB / 1024.0 / 1024.0, System.getProperty("java.version"));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
