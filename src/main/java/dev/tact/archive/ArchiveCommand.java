package dev.tact.archive;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar tact.jar export <file>} and {@code import <file>}: a small application context with the
 * configured data source and nothing else (no web server, pollers, workers or scheduled jobs), the same settings
 * (application.yml, TACT_DB_URL, {@code --spring.datasource.url=...}) as Tact itself.
 */
public final class ArchiveCommand {

  private static final String SKIP_BACKGROUND_PREINITIALIZER = "spring.backgroundpreinitializer.ignore";

  private ArchiveCommand() {}

  public static boolean handles(String[] args) {
    return args.length > 0 && (args[0].equals("export") || args[0].equals("import"));
  }

  /** Runs the command and returns the process exit code: 0 done, 2 refused or failed (the reason on stderr). */
  public static int run(String[] args) {
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    String[] files = Arrays.stream(rest).filter(a -> !a.startsWith("--")).toArray(String[]::new);
    String[] options = Arrays.stream(rest).filter(a -> a.startsWith("--")).toArray(String[]::new);
    if (files.length != 1) {
      System.err.println("usage: java -jar tact.jar " + command + " <archive file> [--spring.datasource.url=...]");
      return 2;
    }
    Path archive = Path.of(files[0]).toAbsolutePath();
    // Spring Boot warms up Jackson, validation and the like on a thread of its own for the web application; the
    // command uses none of them, and that thread's CPU time is taken from the export on a busy machine
    String preinitialize = System.setProperty(SKIP_BACKGROUND_PREINITIALIZER, "true");
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Beans.class)
        .web(WebApplicationType.NONE).logStartupInfo(false)
        // a pool that opens connections when asked: an export uses two, an import one (Hikari would otherwise fill
        // the whole pool, 20 backends forked on the database's cores while the rows are read)
        .properties("spring.main.banner-mode=off", "tact.archive.command=" + command,
            "spring.datasource.hikari.minimum-idle=1")
        .run(options)) {
      long started = System.nanoTime();
      if (command.equals("export")) {
        ArchiveExport.Result result = context.getBean(ArchiveExport.class).export(archive);
        System.out.println(summary("Exported", result.manifest(), started) + " to " + archive
            + " (verified against its manifest)");
      } else {
        ArchiveImport.Result result = context.getBean(ArchiveImport.class).importFrom(archive);
        System.out.println(summary("Imported", result.manifest(), started) + " from " + archive);
      }
      return 0;
    } catch (ArchiveProblem problem) {
      System.err.println("tact " + command + ": " + problem.getMessage());
      return 2;
    } finally {
      if (preinitialize == null) {
        System.clearProperty(SKIP_BACKGROUND_PREINITIALIZER);
      } else {
        System.setProperty(SKIP_BACKGROUND_PREINITIALIZER, preinitialize);
      }
    }
  }

  private static String summary(String verb, Manifest manifest, long started) {
    long rows = manifest.files().stream().mapToLong(Manifest.Entry::rows).sum();
    long messages = Math.max(0, manifest.rowsOf(ArchiveFile.tablePath("conv_message")));
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format(Locale.ROOT, "%s %d rows of %d tables (%d messages) at schema version %s in %.1f s"
            + " (%.0f messages/s)", verb, rows, manifest.files().stream().filter(f -> f.path().startsWith("tables/"))
            .count(), messages, manifest.schemaVersion(), seconds, messages / Math.max(seconds, 1e-9));
  }

  /** The command's whole context: the data source from Spring Boot's configuration, the two archive beans. */
  @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
  @Import({ArchiveExport.class, ArchiveImport.class})
  static class Beans {}
}
