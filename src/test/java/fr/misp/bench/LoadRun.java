package fr.misp.bench;

import fr.misp.bench.PriorApprovalCase.Call;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code clients} threads each running cases one after the other for {@code seconds} (a case under
 * way at the deadline is finished), with the CPU the app's JVM and the PostgreSQL server spent.
 */
final class LoadRun {

  /** What one run measured. */
  record Result(String app, int clients, long cases, long errors, double seconds, long appTicks, long postgresTicks,
      long clientTicks, long otherTicks, Map<Call, Latencies> latencies, List<String> firstErrors) {

    /**
     * CPU used meanwhile by every other process of the machine (the idle app, anything else
     * running), in percent of the machine: a high figure means a disturbed run.
     */
    double otherLoadPercent() {
      return 100.0 * otherTicks / (seconds * ProcStat.clockTicksPerSecond() * Runtime.getRuntime().availableProcessors());
    }

    /** CPU of the benchmark's own JVM (the HTTP clients), per case. */
    double clientCpuMillisPerCase() {
      return cases == 0 ? Double.NaN : ProcStat.ticksToMillis(clientTicks) / cases;
    }

    double casesPerSecond() {
      return cases / seconds;
    }

    /** CPU milliseconds per completed case: app JVM + PostgreSQL. */
    double cpuMillisPerCase() {
      return cases == 0 ? Double.NaN : ProcStat.ticksToMillis(appTicks + postgresTicks) / cases;
    }

    double appCpuMillisPerCase() {
      return cases == 0 ? Double.NaN : ProcStat.ticksToMillis(appTicks) / cases;
    }

    double postgresCpuMillisPerCase() {
      return cases == 0 ? Double.NaN : ProcStat.ticksToMillis(postgresTicks) / cases;
    }
  }

  /** Slices of the same app and client count, added up (cases, time, CPU, latencies). */
  static Result merge(List<Result> slices) {
    Result first = slices.get(0);
    long cases = 0;
    long errors = 0;
    double seconds = 0;
    long app = 0;
    long pg = 0;
    long client = 0;
    long other = 0;
    Map<Call, Latencies> latencies = new EnumMap<>(Call.class);
    for (Call call : Call.values()) {
      latencies.put(call, new Latencies());
    }
    List<String> firstErrors = new ArrayList<>();
    for (Result r : slices) {
      cases += r.cases();
      errors += r.errors();
      seconds += r.seconds();
      app += r.appTicks();
      pg += r.postgresTicks();
      client += r.clientTicks();
      other += r.otherTicks();
      r.latencies().forEach((call, l) -> latencies.get(call).addAll(l));
      firstErrors.addAll(r.firstErrors());
    }
    return new Result(first.app(), first.clients(), cases, errors, seconds, app, pg, client, other, latencies,
        List.copyOf(firstErrors.subList(0, Math.min(5, firstErrors.size()))));
  }

  /** Stops a run whose cases keep failing: a broken setup, not a figure. */
  private static final int MAX_ERRORS = 20;

  private LoadRun() {}

  static Result run(PriorApprovalCase scenario, AppProcess app, ProcessHandle postmaster, int clients, double seconds,
      AtomicLong caseNumbers) {
    List<Map<Call, Latencies>> perClient = new ArrayList<>();
    AtomicLong cases = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicBoolean abort = new AtomicBoolean();
    List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    var pgBefore = ProcStat.postgresTicks(postmaster);
    long appBefore = app.cpuTicks();
    long self = ProcessHandle.current().pid();
    long clientBefore = ProcStat.cpuTicks(self);
    long machineBefore = ProcStat.machineBusyTicks();
    long started = System.nanoTime();
    long deadline = started + (long) (seconds * 1e9);
    for (int c = 0; c < clients; c++) {
      Map<Call, Latencies> mine = new EnumMap<>(Call.class);
      for (Call call : Call.values()) {
        mine.put(call, new Latencies());
      }
      perClient.add(mine);
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < deadline && !abort.get()) {
          try {
            scenario.run(caseNumbers.getAndIncrement(), (call, nanos) -> mine.get(call).add(nanos));
            cases.incrementAndGet();
          } catch (RuntimeException e) {
            if (firstErrors.size() < 5) {
              firstErrors.add(String.valueOf(e.getMessage()));
            }
            if (errors.incrementAndGet() >= MAX_ERRORS) {
              abort.set(true);
            }
          }
        }
      }, scenario.name + "-client-" + c);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    long appTicks = app.cpuTicks() - appBefore;
    long pgTicks = ProcStat.delta(pgBefore, ProcStat.postgresTicks(postmaster));
    long clientTicks = ProcStat.cpuTicks(self) - clientBefore;
    long otherTicks = Math.max(0, ProcStat.machineBusyTicks() - machineBefore - appTicks - pgTicks - clientTicks);
    Map<Call, Latencies> merged = new EnumMap<>(Call.class);
    for (Call call : Call.values()) {
      Latencies all = new Latencies();
      perClient.forEach(m -> all.addAll(m.get(call)));
      merged.put(call, all);
    }
    if (abort.get()) {
      throw new IllegalStateException(scenario.name + " with " + clients + " client(s): " + errors.get()
          + " failed cases, run stopped; first: " + firstErrors);
    }
    return new Result(scenario.name, clients, cases.get(), errors.get(), elapsed, appTicks, pgTicks, clientTicks,
        otherTicks, merged,
        List.copyOf(firstErrors));
  }
}
