import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for Tact's public doors (issue 16): fires submissions at one target at a given concurrency, bounded in
 * count and time, then checks that every acknowledged submission became a conversation (nothing acknowledged lost).
 *
 * <pre>
 * java bench/PublicDoorsLoad.java --base http://127.0.0.1:18081 --target form:contact --token tact_... \
 *     --concurrency 64 --max-requests 3000 --max-seconds 20 --label form-open [--verify-seconds 120]
 * </pre>
 *
 * A target is one way in: {@code form:<slug>} asks the form's challenge, does the proof of work and posts the form as
 * JSON; {@code chat} starts a chat with its first line. Another door adds a {@link Target} and a case in
 * {@link #target}; measuring, counting 429s
 * and the check that nothing acknowledged was lost are the same for every door that answers with an intake item id.
 * Only 127.0.0.1 is accepted. Output: readable lines, then one line starting with "RESULT " of key=value pairs.
 */
public class PublicDoorsLoad {

  static final Duration TIMEOUT = Duration.ofSeconds(15);
  static final Pattern STRING_FIELD = Pattern.compile("\"(%s)\"\\s*:\\s*\"([^\"]*)\"");
  static final Pattern NUMBER_FIELD = Pattern.compile("\"(%s)\"\\s*:\\s*(-?[0-9]+)");

  /**
   * What one attempt at a door ended with: the step it ended at ("challenge", "post"), that request's status, its
   * latency, and the item id if the door accepted it.
   */
  record Attempt(String step, int status, long nanos, String itemId) {}

  /** One door. {@code attempt} makes one submission (it may take several requests; the last one is measured). */
  interface Target {
    String name();

    Attempt attempt(HttpClient http, long sequence) throws Exception;
  }

  /** The web form: challenge, proof of work, JSON post. */
  record FormTarget(String base, String slug, String run) implements Target {

    public String name() {
      return "form:" + slug;
    }

    public Attempt attempt(HttpClient http, long n) throws Exception {
      HttpResponse<String> challenge = http.send(HttpRequest.newBuilder(URI.create(base + "/forms/" + slug
          + "/challenge")).timeout(TIMEOUT).header("Accept", "application/json").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (challenge.statusCode() != 200) {
        return new Attempt("challenge", challenge.statusCode(), 0, null);
      }
      String body = challenge.body();
      String nonce = solve(string(body, "challenge"), (int) number(body, "bits"));
      String json = "{\"name\":\"Load " + n + "\",\"email\":\"visitor-" + run + "-" + n + "@bench.example\","
          + "\"subject\":\"Question " + n + " from the bench\",\"message\":\"Hello, this is submission " + n
          + " of run " + run + ". Where is my order " + (10000 + n) + "?\",\"ticket\":\"" + string(body, "ticket")
          + "\",\"nonce\":\"" + nonce + "\",\"website\":\"\"}";
      long t0 = System.nanoTime();
      HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(base + "/forms/" + slug))
          .timeout(TIMEOUT).header("Accept", "application/json").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - t0;
      return new Attempt("post", sent.statusCode(), nanos, sent.statusCode() == 202 ? string(sent.body(), "itemId")
          : null);
    }
  }

  /** The chat widget: one POST starts a chat with its first line (what a visitor's first message costs). */
  record ChatTarget(String base, String run) implements Target {

    public String name() {
      return "chat";
    }

    public Attempt attempt(HttpClient http, long n) throws Exception {
      String json = "{\"name\":\"Visitor " + n + "\",\"email\":\"chat-" + run + "-" + n + "@bench.example\","
          + "\"text\":\"Hello, this is chat " + n + " of run " + run + ". Can someone help me with order "
          + (10000 + n) + "?\"}";
      long t0 = System.nanoTime();
      HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/chat/api/chats"))
          .timeout(TIMEOUT).header("Accept", "application/json").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - t0;
      return new Attempt("start", started.statusCode(), nanos, started.statusCode() == 201
          ? string(started.body(), "itemId") : null);
    }
  }

  static Target target(String spec, String base, String run) {
    if (spec.startsWith("form:")) {
      return new FormTarget(base, spec.substring(5), run);
    }
    if (spec.equals("chat")) {
      return new ChatTarget(base, run);
    }
    throw new IllegalArgumentException("unknown target " + spec + " (known: form:<slug>, chat)");
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    String base = o.getOrDefault("base", "http://127.0.0.1:18081");
    if (!URI.create(base).getHost().equals("127.0.0.1")) {
      throw new IllegalArgumentException("only 127.0.0.1 is accepted as the target host");
    }
    int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "64"));
    long maxRequests = Long.parseLong(o.getOrDefault("max-requests", "3000"));
    double maxSeconds = Double.parseDouble(o.getOrDefault("max-seconds", "20"));
    double verifySeconds = Double.parseDouble(o.getOrDefault("verify-seconds", "120"));
    String label = o.getOrDefault("label", "run");
    String token = o.get("token");
    String run = Long.toString(System.currentTimeMillis(), 36);
    Target target = target(o.getOrDefault("target", "form:contact"), base, run);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    // JIT warm-up, not measured; what it gets acknowledged is still checked below
    long warmup = Long.parseLong(o.getOrDefault("warmup", "0"));
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    for (long w = 0; w < warmup; w++) {
      try {
        Attempt a = target.attempt(http, maxRequests + w);
        if (a.itemId() != null) {
          acknowledged.add(a.itemId());
        }
      } catch (Exception e) {
        // counted nowhere: only the measured run counts
      }
    }
    long warmedUp = acknowledged.size();

    AtomicLong next = new AtomicLong();
    Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    Map<String, AtomicLong> limitedAt = new ConcurrentHashMap<>();
    AtomicLong ioErrors = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + (long) (maxSeconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      threads.add(Thread.ofPlatform().name("door-" + t).start(() -> {
        long n;
        while (System.nanoTime() < deadline && (n = next.getAndIncrement()) < maxRequests) {
          try {
            Attempt a = target.attempt(http, n);
            statuses.computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
            if (a.status() == 429) {
              limitedAt.computeIfAbsent(a.step(), s -> new AtomicLong()).incrementAndGet();
            }
            if (a.itemId() != null) {
              acknowledged.add(a.itemId());
              latencies.add(a.nanos());
            }
          } catch (Exception e) {
            ioErrors.incrementAndGet();
          }
        }
      }));
    }
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    long accepted = acknowledged.size() - warmedUp;
    long limited = statuses.getOrDefault(429, new AtomicLong()).get();
    long attempts = statuses.values().stream().mapToLong(AtomicLong::get).sum() + ioErrors.get();
    Map<Integer, Long> shown = new TreeMap<>();
    statuses.forEach((k, v) -> shown.put(k, v.get()));
    System.out.printf(Locale.ROOT, "[%s] %s: %d attempts in %.1f s, %d accepted (%.1f/s), %d answered 429, statuses %s,"
        + " %d I/O errors%n", label, target.name(), attempts, seconds, accepted, accepted / seconds, limited, shown,
        ioErrors.get());

    // Nothing acknowledged lost: every accepted item must reach a conversation, or be held for an admin.
    long checked = acknowledged.size();
    long filed = 0;
    long held = 0;
    long missing = checked;
    if (token != null && checked > 0) {
      long verifyDeadline = System.nanoTime() + (long) (verifySeconds * 1e9);
      List<String> waiting = new ArrayList<>(acknowledged);
      while (!waiting.isEmpty() && System.nanoTime() < verifyDeadline) {
        List<String> still = new ArrayList<>();
        for (String item : waiting) {
          HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/messages/" + item))
              .timeout(TIMEOUT).header("Authorization", "Bearer " + token).GET().build(),
              HttpResponse.BodyHandlers.ofString());
          String state = status.statusCode() == 200 ? string(status.body(), "state") : "http-" + status.statusCode();
          String conversation = status.statusCode() == 200 ? string(status.body(), "conversationId") : null;
          String note = status.statusCode() == 200 ? string(status.body(), "note") : null;
          if ("suppressed".equals(state) && note != null && note.contains("Held group")) {
            held++; // kept, held by noise control's limits for an admin to release: not lost
          } else if (!("done".equals(state) && conversation != null)) {
            still.add(item);
          }
        }
        waiting = still;
        if (!waiting.isEmpty()) {
          Thread.sleep(1000); // the pipeline is still filing; asked again until the deadline
        }
      }
      missing = waiting.size();
      filed = checked - missing - held;
      System.out.printf(Locale.ROOT, "[%s] verified: of %d acknowledged submissions (%d of them in the warm-up) %d are "
          + "conversations, %d held by noise control's limits, %d neither%n", label, checked, warmedUp, filed, held,
          missing);
    }
    System.out.printf(Locale.ROOT, "RESULT label=%s target=%s concurrency=%d attempts=%d seconds=%.2f accepted=%d "
        + "accepted_per_s=%.1f p50_ms=%.1f p99_ms=%.1f limited_429=%d limited_steps=%s io_errors=%d statuses=%s "
        + "acknowledged=%d filed=%d held=%d missing=%d%n",
        label, target.name(), concurrency, attempts, seconds, accepted, accepted / seconds, percentile(sorted, 50),
        percentile(sorted, 99), limited, new TreeMap<>(limitedAt).toString().replace(" ", ""), ioErrors.get(),
        shown.toString().replace(" ", ""), checked, filed, held, missing);
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  static String solve(String challenge, int bits) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (long n = 0; ; n++) {
      byte[] hash = sha.digest((challenge + n).getBytes(StandardCharsets.US_ASCII));
      int zeros = 0;
      for (byte b : hash) {
        if (b == 0) {
          zeros += 8;
          continue;
        }
        zeros += Integer.numberOfLeadingZeros(b & 0xff) - 24;
        break;
      }
      if (zeros >= bits) {
        return Long.toString(n);
      }
    }
  }

  static String string(String json, String field) {
    Matcher m = Pattern.compile(STRING_FIELD.pattern().formatted(Pattern.quote(field))).matcher(json);
    return m.find() ? m.group(2) : null;
  }

  static long number(String json, String field) {
    Matcher m = Pattern.compile(NUMBER_FIELD.pattern().formatted(Pattern.quote(field))).matcher(json);
    return m.find() ? Long.parseLong(m.group(2)) : 0;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --name value, got " + Arrays.toString(args));
      }
      o.put(args[i].substring(2), args[i + 1]);
    }
    return o;
  }
}
