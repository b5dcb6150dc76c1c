package fr.misp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** CPU time and memory of processes, from Linux's /proc. */
final class ProcStat {

  private static final long CLOCK_TICKS = clockTicks();

  private ProcStat() {}

  /** utime + stime of a process (all its threads), in clock ticks; -1 when it is gone. */
  static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // Fields after the command name (which may hold spaces), from field 3 on: utime is field 14.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException gone) {
      return -1;
    }
  }

  /** Resident memory (VmRSS) in MiB, or -1. */
  static long rssMiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (IOException | RuntimeException gone) {
      // gone
    }
    return -1;
  }

  static double ticksToMillis(long ticks) {
    return ticks * 1000.0 / CLOCK_TICKS;
  }

  static long clockTicksPerSecond() {
    return CLOCK_TICKS;
  }

  /**
   * The postmaster of the PostgreSQL server listening on {@code port}: the process named postgres
   * whose command line says {@code -p port} (pg_ctl starts it detached from this JVM).
   */
  static ProcessHandle postmaster(int port) {
    try (var entries = Files.list(Path.of("/proc"))) {
      for (Path entry : entries.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
        try {
          String comm = Files.readString(entry.resolve("comm")).trim();
          String cmdline = Files.readString(entry.resolve("cmdline")).replace('\0', ' ');
          if (comm.equals("postgres") && cmdline.contains(" -p " + port + " ")) {
            return ProcessHandle.of(Long.parseLong(entry.getFileName().toString())).orElseThrow();
          }
        } catch (IOException | RuntimeException gone) {
          // exited meanwhile, or not ours to read
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list /proc", e);
    }
    throw new IllegalStateException("No postgres process listening on port " + port);
  }

  /** Busy ticks of the whole machine (all CPUs: user, nice, system, irq, softirq, steal), from /proc/stat. */
  static long machineBusyTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
        busy += Long.parseLong(f[i]);
      }
      return busy;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU ticks of the PostgreSQL server: the postmaster and every process it started, by pid. */
  static Map<Long, Long> postgresTicks(ProcessHandle postmaster) {
    Map<Long, Long> ticks = new HashMap<>();
    List<ProcessHandle> all = new java.util.ArrayList<>(postmaster.descendants().toList());
    all.add(postmaster);
    for (ProcessHandle process : all) {
      long t = cpuTicks(process.pid());
      if (t >= 0) {
        ticks.put(process.pid(), t);
      }
    }
    return ticks;
  }

  /** Ticks spent between two snapshots: per pid, a process started since counts from zero. */
  static long delta(Map<Long, Long> before, Map<Long, Long> after) {
    long sum = 0;
    for (var entry : after.entrySet()) {
      sum += Math.max(0, entry.getValue() - before.getOrDefault(entry.getKey(), 0L));
    }
    return sum;
  }

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      getconf.waitFor();
      return Long.parseLong(out);
    } catch (IOException | RuntimeException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}
