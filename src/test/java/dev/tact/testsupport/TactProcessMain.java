package dev.tact.testsupport;

import dev.tact.TactApplication;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The main class of a {@link TactProcess}: Tact as an operator starts it, and then an admin token for the test,
 * written to the file named by {@code tact.process.token-file}, so that no second Tact has to start only to issue one.
 */
public final class TactProcessMain {

  static final String TOKEN_FILE = "tact.process.token-file";

  private TactProcessMain() {}

  public static void main(String[] args) throws IOException {
    // TactProcess sends SIGTERM only to a JVM that records the AOT cache, once its test is over: halting writes the
    // cache at once, where Tact's graceful shutdown after a burst waits minutes on a loaded machine for its workers.
    sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> Runtime.getRuntime().halt(143));
    ConfigurableApplicationContext context = SpringApplication.run(TactApplication.class, args);
    Path file = Path.of(System.getProperty(TOKEN_FILE));
    Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"),
        context.getBean(ApiTokens.class).issue("tact-process", Role.ADMIN, null).secret());
    Files.move(written, file, StandardCopyOption.ATOMIC_MOVE); // the test reads it whole or not at all
  }
}
