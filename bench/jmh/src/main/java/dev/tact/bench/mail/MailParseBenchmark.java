package dev.tact.bench.mail;

import dev.tact.mail.MailLimits;
import dev.tact.mail.MailParser;
import dev.tact.mail.ParsedMail;
import dev.tact.mail.UnparseableMailException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse throughput of {@link MailParser#parse(byte[])}: messages per second on one thread, over every corpus mail
 * in turn, and over one message with a 5 MB attachment.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MailParseBenchmark {

  private final MailParser parser = new MailParser(MailLimits.defaults());
  private List<byte[]> corpus;
  private byte[] large;
  private int next;

  @Setup
  public void load() {
    corpus = MailCorpus.load();
    byte[] attachment = new byte[5 * 1024 * 1024];
    new Random(42).nextBytes(attachment);
    String message = "From: Sender <sender@example.com>\r\nTo: support@tact.test\r\nSubject: big file\r\n"
        + "Message-ID: <large@example.com>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
        + "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nPlease find the file attached.\r\n"
        + "--b\r\nContent-Type: application/octet-stream; name=data.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--b--\r\n";
    large = message.getBytes(StandardCharsets.US_ASCII);
  }

  /** One corpus message per call, round-robin. */
  @Benchmark
  public Object parseCorpusMessage() {
    byte[] raw = corpus.get(next);
    next = next + 1 == corpus.size() ? 0 : next + 1;
    return parseOrReason(raw);
  }

  /** One message of about 6.9 MB (a 5 MB attachment, base64-encoded). */
  @Benchmark
  public Object parseLargeMessage() {
    return parseOrReason(large);
  }

  private Object parseOrReason(byte[] raw) {
    try {
      ParsedMail mail = parser.parse(raw);
      return mail;
    } catch (UnparseableMailException e) {
      return e.getMessage();
    }
  }
}
