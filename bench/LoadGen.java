import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator for Tact's intake endpoint (POST /api/v1/messages).
 *
 * <pre>
 * java bench/LoadGen.java --url http://127.0.0.1:18080/api/v1/messages --token tact_... \
 *     --concurrency 16 --max-requests 20000 --max-seconds 20 [--warmup-requests 500] [--warmup-seconds 2]
 *     [--label h2-c16] [--senders 5000]
 * </pre>
 *
 * Each request carries a unique externalMessageId; senders cycle through user{i % senders}@example.com.
 * A run stops at whichever comes first: max-requests sent or max-seconds elapsed (requests in flight
 * at the deadline are allowed to finish, each bounded by the request timeout). Only 127.0.0.1 is
 * accepted as the target host.
 *
 * Output: human-readable lines, then one line starting with "RESULT " made of key=value pairs.
 */
public class LoadGen {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  record Options(URI url, String token, int concurrency, long maxRequests, double maxSeconds, long warmupRequests,
      double warmupSeconds, String label, int senders) {}

  record PhaseResult(long completed, long accepted, long non202, long ioErrors, double seconds, long[] latenciesNanos,
      Map<Integer, Long> statusCounts, List<String> sampleErrors) {}

  public static void main(String[] args) throws Exception {
    Options o = parse(args);
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    String runId = UUID.randomUUID().toString().substring(0, 8);

    System.out.printf(Locale.ROOT, "[%s] target %s, concurrency %d, max %d requests or %.1f s%n", o.label(), o.url(),
        o.concurrency(), o.maxRequests(), o.maxSeconds());
    if (o.warmupRequests() > 0 && o.warmupSeconds() > 0) {
      PhaseResult w = runPhase(client, o, "bench-" + runId + "-warm-", o.warmupRequests(), o.warmupSeconds());
      System.out.printf(Locale.ROOT, "[%s] warm-up: %d requests in %.2f s, %d non-202, %d I/O errors%n", o.label(),
          w.completed(), w.seconds(), w.non202(), w.ioErrors());
    }
    PhaseResult r = runPhase(client, o, "bench-" + runId + "-", o.maxRequests(), o.maxSeconds());

    long[] lat = r.latenciesNanos();
    Arrays.sort(lat);
    double p50 = percentileMs(lat, 50);
    double p99 = percentileMs(lat, 99);
    double max = lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6;
    double rate = r.seconds() > 0 ? r.accepted() / r.seconds() : 0;

    System.out.printf(Locale.ROOT, "[%s] %d requests in %.2f s: %d accepted (202) = %.1f msg/s%n", o.label(),
        r.completed(), r.seconds(), r.accepted(), rate);
    System.out.printf(Locale.ROOT, "[%s] latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", o.label(), p50, p99, max);
    System.out.printf(Locale.ROOT, "[%s] statuses %s, non-202 %d, I/O errors %d%n", o.label(),
        new TreeMap<>(r.statusCounts()), r.non202(), r.ioErrors());
    r.sampleErrors().forEach(e -> System.out.printf("[%s]   sample error: %s%n", o.label(), e));

    StringBuilder statuses = new StringBuilder();
    new TreeMap<>(r.statusCounts()).forEach((k, v) -> statuses.append(statuses.isEmpty() ? "" : ",").append(k)
        .append(':').append(v));
    System.out.printf(Locale.ROOT,
        "RESULT label=%s concurrency=%d requests=%d accepted=%d non202=%d io_errors=%d seconds=%.3f "
            + "accepted_per_s=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f statuses=%s%n",
        o.label(), o.concurrency(), r.completed(), r.accepted(), r.non202(), r.ioErrors(), r.seconds(), rate, p50,
        p99, max, statuses.isEmpty() ? "none" : statuses);
  }

  static PhaseResult runPhase(HttpClient client, Options o, String idPrefix, long maxRequests, double maxSeconds)
      throws InterruptedException {
    int slots = (int) Math.min(maxRequests, 50_000_000L);
    long[] latencies = new long[slots];
    AtomicLong tickets = new AtomicLong();
    AtomicLong recorded = new AtomicLong();
    LongAdder accepted = new LongAdder();
    LongAdder non202 = new LongAdder();
    LongAdder ioErrors = new LongAdder();
    Map<Integer, Long> statusCounts = new ConcurrentHashMap<>();
    List<String> sampleErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    long start = System.nanoTime();
    long deadline = start + (long) (maxSeconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < o.concurrency(); t++) {
      threads.add(Thread.ofVirtual().name("loadgen-" + t).start(() -> {
        while (true) {
          long i = tickets.getAndIncrement();
          if (i >= slots || System.nanoTime() >= deadline) {
            return;
          }
          HttpRequest request = HttpRequest.newBuilder(o.url())
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + o.token())
              .POST(HttpRequest.BodyPublishers.ofString(body(idPrefix + i, i, o.senders())))
              .build();
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - t0;
            latencies[(int) recorded.getAndIncrement()] = elapsed;
            statusCounts.merge(response.statusCode(), 1L, Long::sum);
            if (response.statusCode() == 202) {
              accepted.increment();
            } else {
              non202.increment();
              if (sampleErrors.size() < 3) {
                String b = response.body();
                sampleErrors.add(response.statusCode() + " " + (b.length() > 300 ? b.substring(0, 300) : b));
              }
            }
          } catch (java.io.IOException e) {
            ioErrors.increment();
            if (sampleErrors.size() < 3) {
              sampleErrors.add("I/O: " + e);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int n = (int) recorded.get();
    return new PhaseResult(n + ioErrors.sum(), accepted.sum(), non202.sum(), ioErrors.sum(), seconds,
        Arrays.copyOf(latencies, n), new HashMap<>(statusCounts), List.copyOf(sampleErrors));
  }

  static String body(String externalId, long i, int senders) {
    long s = i % senders;
    return """
        {"channel":"email","sender":"user%d@example.com","name":"Bench User %d",\
        "subject":"Order %d did not arrive","text":"Hello, I ordered item %d last week and it has not arrived yet. \
        Could you check the delivery status, please? Thanks.","externalMessageId":"%s"}"""
        .formatted(s, s, i, i, externalId);
  }

  static double percentileMs(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
  }

  static Options parse(String[] args) {
    Map<String, String> a = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        usage("bad argument: " + args[i]);
      }
      a.put(args[i].substring(2), args[++i]);
    }
    String url = a.getOrDefault("url", "http://127.0.0.1:18080/api/v1/messages");
    URI uri = URI.create(url);
    if (!"127.0.0.1".equals(uri.getHost())) {
      usage("refusing host '" + uri.getHost() + "': LoadGen only targets 127.0.0.1");
    }
    if (!"http".equals(uri.getScheme())) {
      usage("only http:// URLs are supported");
    }
    String token = a.getOrDefault("token", System.getenv("TACT_TOKEN"));
    if (token == null || token.isBlank()) {
      usage("--token (or env TACT_TOKEN) is required");
    }
    int concurrency = Integer.parseInt(a.getOrDefault("concurrency", "16"));
    long maxRequests = Long.parseLong(a.getOrDefault("max-requests", "20000"));
    double maxSeconds = Double.parseDouble(a.getOrDefault("max-seconds", "20"));
    long warmupRequests = Long.parseLong(a.getOrDefault("warmup-requests", "500"));
    double warmupSeconds = Double.parseDouble(a.getOrDefault("warmup-seconds", "2"));
    int senders = Integer.parseInt(a.getOrDefault("senders", "5000"));
    if (concurrency < 1 || concurrency > 4096 || maxRequests < 1 || maxSeconds <= 0 || maxSeconds > 600
        || warmupSeconds > 60 || senders < 1) {
      usage("out-of-range option (concurrency 1..4096, max-seconds <= 600, warmup-seconds <= 60)");
    }
    String label = a.getOrDefault("label", "c" + concurrency);
    return new Options(uri, token.strip(), concurrency, maxRequests, maxSeconds, warmupRequests, warmupSeconds,
        label.replaceAll("\\s+", "_"), senders);
  }

  static void usage(String problem) {
    System.err.println("LoadGen: " + problem);
    System.err.println("usage: java bench/LoadGen.java --url http://127.0.0.1:PORT/api/v1/messages --token tact_... "
        + "[--concurrency 16] [--max-requests 20000] [--max-seconds 20] [--warmup-requests 500] "
        + "[--warmup-seconds 2] [--senders 5000] [--label name]");
    System.exit(2);
  }
}
