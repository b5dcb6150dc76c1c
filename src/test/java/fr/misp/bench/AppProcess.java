package fr.misp.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One app under test in its own JVM: started, waited for until healthy, measured, stopped. */
final class AppProcess implements AutoCloseable {

  final String name;
  final int port;
  final Path log;
  private final Process process;
  private final long startedAt;
  private double secondsToHealthy = Double.NaN;
  private long rssAfterBootMiB = -1;

  private AppProcess(String name, int port, Path log, Process process, long startedAt) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
    this.startedAt = startedAt;
  }

  /**
   * Starts {@code mainClass} on {@code classpath} with {@code args} and {@code env} added to this
   * JVM's environment (less any Spring profile set there), output to {@code log}.
   */
  static AppProcess start(String name, String classpath, String mainClass, List<String> jvmOptions, List<String> args,
      Map<String, String> env, Path log) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.add("--server.port=" + port);
    // The benchmark drives the engine path, not the documents: a file is complete when it says so.
    command.add("--misp.documents.completeness-check=false");
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).directory(new File("."));
    builder.environment().remove("SPRING_PROFILES_ACTIVE");
    builder.environment().remove("SPRING_CONFIG_NAME");
    builder.environment().putAll(env);
    try {
      long startedAt = System.nanoTime();
      Process process = builder.start();
      return new AppProcess(name, port, log, process, startedAt);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  /** Polls the open health endpoint until it answers UP; records the time and the RSS then. */
  AppProcess awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " stopped during its start (exit " + process.exitValue() + "); see "
            + log + ":\n" + tail());
      }
      try {
        HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200 && answer.body().contains("\"status\":\"UP\"")) {
          secondsToHealthy = (System.nanoTime() - startedAt) / 1e9;
          rssAfterBootMiB = ProcStat.rssMiB(process.pid());
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(100);
    }
    throw new IllegalStateException(name + " not healthy within " + timeout.toSeconds() + " s; see " + log + ":\n" + tail());
  }

  double secondsToHealthy() {
    return secondsToHealthy;
  }

  long rssAfterBootMiB() {
    return rssAfterBootMiB;
  }

  long rssMiB() {
    return ProcStat.rssMiB(process.pid());
  }

  long cpuTicks() {
    return ProcStat.cpuTicks(process.pid());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGTERM (Spring's graceful shutdown), then SIGKILL after 30 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Kills without waiting: for the JVM's shutdown hook. */
  void kill() {
    process.destroyForcibly();
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(no log)";
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
