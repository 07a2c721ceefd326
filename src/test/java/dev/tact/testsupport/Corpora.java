package dev.tact.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared test corpora ({@code ../shared/corpora}, or the system property {@code tact.corpora}). */
public final class Corpora {

  /** Corpus folders whose dev/ holds mail files, and the file extension of their mails. */
  public static final List<String[]> MAIL_FOLDERS = List.of(
      new String[] {"mime-mime4j-testmsgs", ".msg"},
      new String[] {"mime-mime4j-mimetools-testmsgs", ".msg"},
      new String[] {"mime-nodemailer-mailparser", ".eml"},
      new String[] {"mime-spamscope-mail-parser", ".eml"},
      new String[] {"email-discourse-receiver-labels", ".eml"},
      new String[] {"talon-standard-replies", ".eml"});

  private Corpora() {
  }

  /** The corpora folder; fails the test when it is missing (CI always has it). */
  public static Path root() {
    String property = System.getProperty("tact.corpora");
    Path path = property != null ? Path.of(property) : Path.of("..", "shared", "corpora");
    assertThat(path).as("test corpora folder (../shared/corpora or -Dtact.corpora)").isDirectory();
    return path;
  }

  /** The dev/ folder of one corpus. */
  public static Path dev(String folder) {
    Path dev = root().resolve(folder).resolve("dev");
    assertThat(dev).as("corpus folder " + folder).isDirectory();
    return dev;
  }

  /** Every mail file of the given corpus, sorted by name. */
  public static List<Path> mails(String folder, String extension) {
    try (Stream<Path> files = Files.list(dev(folder))) {
      return files.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every mail file of all mail corpora. */
  public static List<Path> allMails() {
    return MAIL_FOLDERS.stream().flatMap(f -> mails(f[0], f[1]).stream()).toList();
  }
}
