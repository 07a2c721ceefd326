import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator for POST /api/v1/messages (issue 20, part 4): requests are offered at a fixed rate,
 * whatever the server answers, as wrk2 does. The rate is spread over keep-alive connections; each sends its requests
 * on a fixed schedule, and a request's latency is counted from when it was due, not from when it could be sent, so
 * a server that falls behind cannot hide it (no coordinated omission). A request due while its connection still
 * waits for the previous answer is sent late, and counted late; requests still due when the run ends are reported
 * as not sent. A connection that fails is opened again; its request counts as unanswered.
 *
 * <pre>
 * java bench/OpenLoad.java --url http://127.0.0.1:18091/api/v1/messages --token tact_... --rate 35000 \
 *     --seconds 30 [--connections 256] [--timeout-ms 10000] [--label x] [--acknowledged ids.txt] [--senders 5000]
 * </pre>
 *
 * Every request carries its own externalMessageId, from one of --senders senders on domains of their own; with --acknowledged those answered 202 are written there, one a
 * line. Only 127.0.0.1 is accepted as the target. The last line starts with "OPENLOAD " and holds key=value pairs.
 */
public class OpenLoad {

  record Options(URI url, String token, double rate, double seconds, int connections, int timeoutMs, String label,
      Path acknowledged, int senders) {}

  /** What one connection saw. */
  static final class Tally {
    final Map<Integer, Long> statuses = new TreeMap<>();
    long[] latencies = new long[1024];
    int answered;
    long unanswered;
    long notSent;
    long withinDeadline;
    long tooManyWithoutRetryAfter;
    final List<String> acknowledged = new ArrayList<>();

    void answer(int status, long latencyNanos, boolean retryAfter, String id) {
      statuses.merge(status, 1L, Long::sum);
      if (answered == latencies.length) {
        latencies = Arrays.copyOf(latencies, answered * 2);
      }
      latencies[answered++] = latencyNanos;
      if (latencyNanos <= 100_000_000L) {
        withinDeadline++;
      }
      if (status == 429 && !retryAfter) {
        tooManyWithoutRetryAfter++;
      }
      if (status == 202) {
        acknowledged.add(id);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    String run = UUID.randomUUID().toString().substring(0, 8);
    long start = System.nanoTime() + 200_000_000L; // every connection opened before the first request is due
    long end = start + (long) (o.seconds() * 1e9);
    long interval = (long) (1e9 * o.connections() / o.rate()); // between one connection's requests
    ConcurrentLinkedQueue<Tally> tallies = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < o.connections(); c++) {
      int connection = c;
      // connections start spread over one interval, so that the offered load is even, not in waves
      long first = start + interval * c / o.connections();
      threads.add(Thread.ofPlatform().name("conn-" + c).start(() -> tallies.add(
          connection(o, run + "-" + connection, first, interval, end))));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    report(o, tallies, (System.nanoTime() - start) / 1e9);
  }

  private static Tally connection(Options o, String prefix, long first, long interval, long end) {
    Tally tally = new Tally();
    Socket socket = null;
    InputStream in = null;
    OutputStream out = null;
    long due = first;
    int n = 0;
    while (due < end) {
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      String id = "open-" + prefix + "-" + n++;
      try {
        if (socket == null) {
          socket = new Socket();
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(o.url().getHost(), o.url().getPort()), o.timeoutMs());
          socket.setSoTimeout(o.timeoutMs());
          in = new BufferedInputStream(socket.getInputStream(), 8192);
          out = socket.getOutputStream();
        }
        out.write(request(o, id, n));
        out.flush();
        Answer answer = read(in);
        tally.answer(answer.status(), System.nanoTime() - due, answer.retryAfter(), id);
        if (answer.close()) {
          socket.close();
          socket = null;
        }
      } catch (IOException e) {
        tally.unanswered++;
        if (socket != null) {
          try {
            socket.close();
          } catch (IOException ignored) {
            // reopened on the next request
          }
        }
        socket = null;
        // a refused connection answers at once: do not spin, wait for the next request's turn
      }
      due += interval;
    }
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // done
      }
    }
    return tally;
  }

  private static byte[] request(Options o, String id, int n) {
    int sender = Math.floorMod(id.hashCode() + n, o.senders());
    // each sender its own domain and each text its own: noise control would otherwise hold most of a spike (the
    // per-domain limit) or join copies to the first (the same text from one sender)
    String body = "{\"channel\":\"email\",\"sender\":\"user" + sender + "@shop" + sender + ".example\",\"text\":\"Where is order " + id + "?\",\"externalMessageId\":\"" + id + "\"}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + o.url().getRawPath() + " HTTP/1.1\r\nHost: " + o.url().getHost() + ":" + o.url().getPort()
        + "\r\nAuthorization: Bearer " + o.token() + "\r\nContent-Type: application/json\r\nContent-Length: "
        + bytes.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(headBytes, headBytes.length + bytes.length);
    System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
    return all;
  }

  record Answer(int status, boolean retryAfter, boolean close) {}

  /** Reads one HTTP/1.1 answer: the status, whether it had Retry-After, and the body (length or chunked). */
  private static Answer read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
      throw new IOException("no answer: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = 0;
    boolean chunked = false;
    boolean retryAfter = false;
    boolean close = false;
    String header;
    while ((header = line(in)) != null && !header.isEmpty()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("retry-after:")) {
        retryAfter = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    if (header == null) {
      throw new IOException("connection closed in the headers");
    }
    if (chunked) {
      long size;
      while ((size = Long.parseLong(requiredLine(in).strip().split(";")[0], 16)) > 0) {
        skip(in, size);
        requiredLine(in);
      }
      while (!requiredLine(in).isEmpty()) {
        // trailers
      }
    } else {
      skip(in, length);
    }
    return new Answer(status, retryAfter, close);
  }

  private static String requiredLine(InputStream in) throws IOException {
    String line = line(in);
    if (line == null) {
      throw new IOException("connection closed in the body");
    }
    return line;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        int last = s.length() - 1;
        return last >= 0 && s.charAt(last) == '\r' ? s.substring(0, last) : s.toString();
      }
      s.append((char) b);
    }
    if (s.isEmpty()) {
      return null;
    }
    throw new IOException("connection closed in a line");
  }

  private static void skip(InputStream in, long n) throws IOException {
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() == -1) {
          throw new IOException("connection closed in the body");
        }
        skipped = 1;
      }
      n -= skipped;
    }
  }

  private static void report(Options o, ConcurrentLinkedQueue<Tally> tallies, double seconds) throws IOException {
    Map<Integer, Long> statuses = new TreeMap<>();
    long answered = 0;
    long unanswered = 0;
    long within = 0;
    long noRetryAfter = 0;
    List<long[]> parts = new ArrayList<>();
    List<String> acknowledged = new ArrayList<>();
    for (Tally t : tallies) {
      t.statuses.forEach((s, n) -> statuses.merge(s, n, Long::sum));
      answered += t.answered;
      unanswered += t.unanswered;
      within += t.withinDeadline;
      noRetryAfter += t.tooManyWithoutRetryAfter;
      parts.add(Arrays.copyOf(t.latencies, t.answered));
      acknowledged.addAll(t.acknowledged);
    }
    long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    long offered = Math.round(o.rate() * o.seconds());
    long sent = answered + unanswered;
    long other = statuses.entrySet().stream().filter(e -> e.getKey() != 202 && e.getKey() != 429)
        .mapToLong(Map.Entry::getValue).sum();
    if (o.acknowledged() != null) {
      try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(o.acknowledged()))) {
        acknowledged.forEach(w::println);
      }
    }
    StringBuilder codes = new StringBuilder();
    statuses.forEach((s, n) -> codes.append(codes.isEmpty() ? "" : ",").append(s).append(':').append(n));
    System.out.printf(Locale.ROOT, "[%s] offered %d (%.0f/s for %.0f s over %d connections), sent %d, answered %d "
            + "(%s), unanswered %d, not sent in time %d; within 100 ms %.2f%%; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        o.label(), offered, o.rate(), o.seconds(), o.connections(), sent, answered, codes, unanswered,
        Math.max(0, offered - sent), 100.0 * within / Math.max(1, offered), pct(all, 50), pct(all, 99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    System.out.printf(Locale.ROOT, "OPENLOAD offered=%d sent=%d answered=%d s202=%d s429=%d other=%d unanswered=%d "
            + "not_sent=%d within100=%d within100_pct=%.2f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f "
            + "no_retry_after=%d seconds=%.1f statuses=%s%n",
        offered, sent, answered, statuses.getOrDefault(202, 0L), statuses.getOrDefault(429, 0L), other, unanswered,
        Math.max(0, offered - sent), within, 100.0 * within / Math.max(1, offered), pct(all, 50), pct(all, 99),
        all.length == 0 ? 0 : all[all.length - 1] / 1e6, noRetryAfter, seconds, codes.isEmpty() ? "none" : codes);
  }

  private static double pct(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }

  private static Options parse(String[] args) {
    Map<String, String> a = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    URI url = URI.create(a.getOrDefault("url", "http://127.0.0.1:18091/api/v1/messages"));
    if (!"127.0.0.1".equals(url.getHost())) {
      throw new IllegalArgumentException("only 127.0.0.1 may be the target");
    }
    return new Options(url, a.get("token"), Double.parseDouble(a.getOrDefault("rate", "1000")),
        Double.parseDouble(a.getOrDefault("seconds", "10")), Integer.parseInt(a.getOrDefault("connections", "256")),
        Integer.parseInt(a.getOrDefault("timeout-ms", "10000")), a.getOrDefault("label", "open"),
        a.containsKey("acknowledged") ? Path.of(a.get("acknowledged")) : null,
        Integer.parseInt(a.getOrDefault("senders", "5000")));
  }
}
