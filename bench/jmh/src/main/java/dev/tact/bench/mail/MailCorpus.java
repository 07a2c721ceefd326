package dev.tact.bench.mail;

import dev.tact.bench.BenchData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The mail files of the MIME and mail corpora (dev/ parts), the same set MailCorpusTests reads. */
public final class MailCorpus {

  /** Folder and file extension of each corpus with mails. */
  public static final List<String[]> FOLDERS = List.of(
      new String[] {"mime-mime4j-testmsgs", ".msg"},
      new String[] {"mime-mime4j-mimetools-testmsgs", ".msg"},
      new String[] {"mime-nodemailer-mailparser", ".eml"},
      new String[] {"mime-spamscope-mail-parser", ".eml"},
      new String[] {"email-discourse-receiver-labels", ".eml"},
      new String[] {"talon-standard-replies", ".eml"});

  private MailCorpus() {
  }

  /** Every mail's bytes, in a fixed order. */
  public static List<byte[]> load() {
    List<byte[]> mails = new ArrayList<>();
    for (String[] folder : FOLDERS) {
      try (Stream<Path> files = Files.list(BenchData.corpora().resolve(folder[0]).resolve("dev"))) {
        for (Path file : files.filter(p -> p.toString().endsWith(folder[1])).sorted().toList()) {
          mails.add(Files.readAllBytes(file));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return mails;
  }
}
