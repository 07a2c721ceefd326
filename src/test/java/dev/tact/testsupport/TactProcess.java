package dev.tact.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;

/**
 * A whole Tact in a JVM of its own, on a database a test made, so that it can be killed as an operating system
 * would (SIGKILL: no shutdown hooks, no graceful stop) and started again on the same port, with an admin token for
 * its REST API. Its output goes to a temporary log file, named in failures. The JVM is started as {@link ChildJvm}
 * says (an AOT cache of Tact's start, recorded by the build's first process that is {@linkplain #close closed}).
 */
public final class TactProcess implements AutoCloseable {

  private final Process process;
  private final ChildJvm.Launch launch;
  private final Path log;
  private final int port;
  private final Path tokenFile;

  private TactProcess(Process process, ChildJvm.Launch launch, Path log, int port, Path tokenFile) {
    this.process = process;
    this.launch = launch;
    this.log = log;
    this.port = port;
    this.tokenFile = tokenFile;
  }

  /** Starts Tact on {@code url} at {@code port} and waits until it is healthy; {@code args} are more settings. */
  public static TactProcess start(String url, int port, String... args) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = Files.createTempFile("tact-process-", ".log");
    Path tokenFile = log.resolveSibling(log.getFileName() + ".token");
    ChildJvm.Launch launch = ChildJvm.next();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
    command.addAll(launch.options());
    command.addAll(List.of("-D" + TactProcessMain.TOKEN_FILE + "=" + tokenFile, TactProcessMain.class.getName(),
        "--server.port=" + port, "--spring.datasource.url=" + url,
        "--tact.demo.enabled=false", "--spring.jmx.enabled=false", "--tact.secrets.key=" + TactNode.TEST_SECRET_KEY,
        "--tact.events.recovery.enabled=true", "--logging.level.root=WARN"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    TactProcess tact = new TactProcess(process, launch, log, port, tokenFile);
    try {
      tact.awaitHealthy();
    } catch (RuntimeException | Error e) {
      try {
        tact.kill(); // not left running (and recording) after a start the test gave up on
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
    return tact;
  }

  /** A port free now, for a process that is to keep it across restarts. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  /** The secret of an admin token this process issued once it had started. */
  public String token() throws IOException {
    return Files.readString(tokenFile);
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL on Linux, and returns once the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    try {
      launch.abandon();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A start takes well under a minute on a quiet machine; the bound is for one shared with other builds (a start
   * that records the AOT cache took 5 min 12 s at load 47).
   */
  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
        .failFast("Tact exited; its log is in " + log, () -> !process.isAlive())
        .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200 && Files.exists(tokenFile));
  }

  /**
   * Ends the process: killed, unless it records the AOT cache, which its JVM writes when it exits or halts (SIGTERM,
   * on which {@link TactProcessMain} halts; then the JDK assembles the cache: ~12 s CPU, once a build).
   */
  @Override
  public void close() throws InterruptedException {
    if (launch.recording() == null || !process.isAlive()) {
      kill();
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      kill();
      return;
    }
    try {
      launch.keep();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
