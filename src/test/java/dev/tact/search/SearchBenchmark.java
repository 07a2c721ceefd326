package dev.tact.search;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.tact.contact.SearchableContacts;
import dev.tact.conversation.SearchableConversations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The search benchmark (bench/search.sh): loads N messages (five per conversation, ten conversations per contact,
 * words drawn from a 5,000-word vocabulary with a skewed frequency, as text is) into a fresh database, then measures
 * the real paths: a new node's index built from the tables (messages per second), typical queries (latency
 * percentiles, highlights included), and how long a message written with its feed row takes to be found, woken by
 * this node's commit and found by polling alone (another node). Prints key=value lines.
 *   java ... dev.tact.search.SearchBenchmark JDBC_URL MESSAGES INDEX_FOLDER
 */
public final class SearchBenchmark {

  private static final int MESSAGES_PER_CONVERSATION = 5;
  private static final int CONVERSATIONS_PER_CONTACT = 10;
  private static final String[] COMMON = ("refund invoice delivery parcel password login order account charge "
      + "broken shipping cancel subscription upgrade payment card address email phone warranty return damaged "
      + "missing late tracking discount coupon price error crash update install").split(" ");

  private SearchBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int messages = Integer.parseInt(args[1]);
    Path folder = Path.of(args[2]);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(4);
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
      String[] vocabulary = vocabulary(new Random(7), 5_000);
      long loadStart = System.nanoTime();
      load(dataSource, messages, vocabulary);
      print("load_seconds", seconds(System.nanoTime() - loadStart));
      print("messages", messages);

      JdbcClient jdbc = JdbcClient.create(dataSource);
      SearchProperties properties = new SearchProperties(folder.toString(), Duration.ofMillis(500),
          Duration.ofSeconds(30), 500, Duration.ofMillis(250));
      SearchIndexer indexer = new SearchIndexer(jdbc, new SearchableConversations(jdbc),
          new SearchableContacts(jdbc), properties);
      long buildStart = System.nanoTime();
      indexer.start();
      while (indexer.rebuilds() == 0) {
        Thread.sleep(20); // the benchmark's own clock: how long the rebuild takes, not a test's synchronisation
      }
      long buildNanos = System.nanoTime() - buildStart;
      print("index_seconds", seconds(buildNanos));
      print("index_messages_per_second", Math.round(messages / (buildNanos / 1e9)));
      print("index_folder_mb", Files.walk(folder).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length())
          .sum() / 1_048_576);
      try {
        queries(new ConversationSearch(indexer), vocabulary);
        freshness(dataSource, indexer, new ConversationSearch(indexer), true, "fresh_woken");
        freshness(dataSource, indexer, new ConversationSearch(indexer), false, "fresh_polled");
      } finally {
        indexer.stop();
      }
    }
  }

  private static void queries(ConversationSearch search, String[] vocabulary) {
    Random random = new Random(11);
    List<SearchRequest> typical = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String common = COMMON[random.nextInt(COMMON.length)];
      String word = vocabulary[skewed(random, vocabulary.length)];
      String rare = vocabulary[vocabulary.length - 1 - random.nextInt(1000)];
      typical.add(SearchRequest.of(common));
      typical.add(SearchRequest.of(common + " " + word));
      typical.add(SearchRequest.of(rare));
      typical.add(SearchRequest.of("\"" + common + " " + word + "\""));
      typical.add(new SearchRequest(common + "s", Set.of(dev.tact.conversation.Status.OPEN), null, null, null,
          null, null, 20));
      typical.add(SearchRequest.of("customer" + random.nextInt(1000)));
      typical.add(SearchRequest.of("#" + (1000 + random.nextInt(1000))));
    }
    for (int round = 0; round < 3; round++) { // warm-up
      typical.forEach(search::search);
    }
    List<Long> nanos = new ArrayList<>();
    long hits = 0;
    for (int round = 0; round < 5; round++) {
      for (SearchRequest request : typical) {
        long start = System.nanoTime();
        hits += search.search(request).hits().size();
        nanos.add(System.nanoTime() - start);
      }
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    print("queries", sorted.length);
    print("query_kinds", "one common word; common + skewed word; rare word; two-word phrase; plural word + status "
        + "filter; contact name; #number (each with up to 20 hits highlighted)");
    print("query_p50_ms", millis(sorted[sorted.length / 2]));
    print("query_p95_ms", millis(sorted[(int) (sorted.length * 0.95)]));
    print("query_p99_ms", millis(sorted[(int) (sorted.length * 0.99)]));
    print("query_max_ms", millis(sorted[sorted.length - 1]));
    print("query_hits_avg", hits / sorted.length);
  }

  /** Writes a message with its feed row (as the conversation store does) and times until a search finds it. */
  private static void freshness(HikariDataSource dataSource, SearchIndexer indexer, ConversationSearch search,
      boolean wake, String name) throws Exception {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String word = "fresh" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      UUID conversation;
      try (Connection c = dataSource.getConnection()) {
        try (var rs = c.createStatement().executeQuery("SELECT id FROM conv_conversation LIMIT 1 OFFSET " + i)) {
          rs.next();
          conversation = rs.getObject(1, UUID.class);
        }
        c.setAutoCommit(false);
        try (PreparedStatement m = c.prepareStatement("""
            INSERT INTO conv_message (id, conversation_id, direction, channel, body, created_at)
            VALUES (?, ?, 'INBOUND', 'EMAIL', ?, ?)""");
            PreparedStatement f = c.prepareStatement(
                "INSERT INTO search_feed (kind, entity_id) VALUES ('CONVERSATION', ?)")) {
          m.setObject(1, UUID.randomUUID());
          m.setObject(2, conversation);
          m.setString(3, "new message about " + word);
          m.setTimestamp(4, Timestamp.from(Instant.now()));
          m.executeUpdate();
          f.setObject(1, conversation);
          f.executeUpdate();
        }
        c.commit();
      }
      long start = System.nanoTime();
      if (wake) {
        indexer.wake();
      }
      while (search.search(SearchRequest.of(word)).total() == 0) {
        Thread.sleep(1);
      }
      nanos.add(System.nanoTime() - start);
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    print(name + "_p50_ms", millis(sorted[sorted.length / 2]));
    print(name + "_max_ms", millis(sorted[sorted.length - 1]));
  }

  private static void load(HikariDataSource dataSource, int messages, String[] vocabulary) throws Exception {
    Random random = new Random(3);
    int conversations = Math.max(1, messages / MESSAGES_PER_CONVERSATION);
    String[] statuses = {"NEW", "OPEN", "PENDING", "SOLVED", "CLOSED"};
    Instant now = Instant.now();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement contact = c.prepareStatement("""
          INSERT INTO contact_contact (id, display_name, created_at) VALUES (?, ?, ?)""");
          PreparedStatement identity = c.prepareStatement("""
              INSERT INTO contact_identity (id, contact_id, kind, address, raw, created_at)
              VALUES (?, ?, 'EMAIL', ?, ?, ?)""");
          PreparedStatement conversation = c.prepareStatement("""
              INSERT INTO conv_conversation (id, number, subject, status, priority, channel, contact_id, created_at,
                updated_at, last_message_at) VALUES (?, ?, ?, ?, 'NORMAL', 'EMAIL', ?, ?, ?, ?)""");
          PreparedStatement message = c.prepareStatement("""
              INSERT INTO conv_message (id, conversation_id, direction, channel, body, created_at)
              VALUES (?, ?, ?, 'EMAIL', ?, ?)""")) {
        UUID contactId = null;
        for (int i = 0; i < conversations; i++) {
          Timestamp at = Timestamp.from(now.minusSeconds((long) (conversations - i) * 60));
          if (i % CONVERSATIONS_PER_CONTACT == 0) {
            contactId = UUID.randomUUID();
            int n = i / CONVERSATIONS_PER_CONTACT;
            contact.setObject(1, contactId);
            contact.setString(2, "Customer" + n + " " + vocabulary[n % vocabulary.length]);
            contact.setTimestamp(3, at);
            contact.addBatch();
            identity.setObject(1, UUID.randomUUID());
            identity.setObject(2, contactId);
            identity.setString(3, "customer" + n + "@example.com");
            identity.setString(4, "customer" + n + "@example.com");
            identity.setTimestamp(5, at);
            identity.addBatch();
          }
          UUID id = UUID.randomUUID();
          conversation.setObject(1, id);
          conversation.setLong(2, 1000 + i);
          conversation.setString(3, text(random, vocabulary, 5));
          conversation.setString(4, statuses[random.nextInt(statuses.length)]);
          conversation.setObject(5, contactId);
          conversation.setTimestamp(6, at);
          conversation.setTimestamp(7, at);
          conversation.setTimestamp(8, at);
          conversation.addBatch();
          for (int m = 0; m < MESSAGES_PER_CONVERSATION; m++) {
            message.setObject(1, UUID.randomUUID());
            message.setObject(2, id);
            message.setString(3, m % 2 == 0 ? "INBOUND" : "OUTBOUND");
            message.setString(4, text(random, vocabulary, 30));
            message.setTimestamp(5, at);
            message.addBatch();
          }
          if (i % 1_000 == 999 || i == conversations - 1) {
            contact.executeBatch();
            identity.executeBatch();
            conversation.executeBatch();
            message.executeBatch();
            c.commit();
          }
        }
      }
    }
  }

  private static String text(Random random, String[] vocabulary, int words) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        text.append(' ');
      }
      text.append(random.nextInt(8) == 0 ? COMMON[random.nextInt(COMMON.length)]
          : vocabulary[skewed(random, vocabulary.length)]);
    }
    return text.toString();
  }

  /** An index with a skewed distribution: low indexes are far more frequent, as words in text are. */
  private static int skewed(Random random, int size) {
    double u = random.nextDouble();
    return (int) (u * u * u * size);
  }

  private static String[] vocabulary(Random random, int size) {
    String[] syllables = "ka lo mi ne ru sa te vo zi pa fe gu ha ji ko la mu no pi qu ri so tu ve wa xo yu ze"
        .split(" ");
    java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
    while (words.size() < size) {
      int n = 2 + random.nextInt(3);
      StringBuilder word = new StringBuilder();
      for (int s = 0; s < n; s++) {
        word.append(syllables[random.nextInt(syllables.length)]);
      }
      words.add(word.toString());
    }
    return words.toArray(String[]::new);
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
  }

  private static String millis(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6);
  }

  private static void print(String key, Object value) {
    System.out.println(key + "=" + value);
  }
}
