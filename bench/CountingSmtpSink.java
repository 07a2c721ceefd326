import dev.tact.testsupport.SmtpSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SMTP sink of bench/nodes.sh: the tests' {@link SmtpSink} (compiled into target/test-classes) on 127.0.0.1, which
 * keeps every message it accepts before it answers 250, so a message its sender saw accepted is always counted. Prints
 * its port; on SIGTERM writes one line per accepted message (its Message-ID, a tab, its recipients) to the file.
 *
 * <pre>
 * javac -cp target/test-classes -d gen bench/CountingSmtpSink.java
 * java -cp gen:target/test-classes CountingSmtpSink received.txt
 * </pre>
 */
public class CountingSmtpSink {

  public static void main(String[] args) throws InterruptedException {
    Path out = Path.of(args[0]);
    SmtpSink sink = new SmtpSink(false);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(sink, out)));
    System.out.println("SINK port=" + sink.port());
    Thread.currentThread().join();
  }

  private static void write(SmtpSink sink, Path out) {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      for (SmtpSink.Received r : sink.received()) {
        w.println((r.messageId() == null ? "-" : r.messageId()) + "\t" + String.join(",", r.recipients()));
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
