package dev.tact.archive;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.Flyway;

/**
 * The export benchmark's data (bench/export.sh): migrates a fresh database and fills it with N messages (five per
 * conversation, ten conversations per contact; every inbound message with its raw MIME in the inbound log and its
 * parsed mail). The script then times the real {@code java -jar tact.jar export} and {@code import}. Prints
 * key=value lines.
 *   java ... dev.tact.archive.ExportBenchmark JDBC_URL MESSAGES
 */
public final class ExportBenchmark {

  private ExportBenchmark() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int messages = Integer.parseInt(args[1]);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
      long loadStart = System.nanoTime();
      load(dataSource, messages);
      print("load_seconds", seconds(System.nanoTime() - loadStart));
    }
    print("messages", messages);
  }

  /** Generated on the server (INSERT ... SELECT over generate_series), so that loading is not what is timed. */
  private static void load(HikariDataSource dataSource, int messages) throws Exception {
    int conversations = Math.max(1, messages / 5);
    int contacts = Math.max(1, conversations / 10);
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("""
          INSERT INTO contact_contact (id, display_name, created_at)
          SELECT md5('contact' || g)::uuid, 'Customer ' || g, now() - g * interval '1 minute'
          FROM generate_series(1, %d) g""".formatted(contacts));
      s.execute("""
          INSERT INTO contact_identity (id, contact_id, kind, address, raw, created_at)
          SELECT md5('identity' || g)::uuid, md5('contact' || g)::uuid, 'EMAIL', 'customer' || g || '@example.com',
            'customer' || g || '@example.com', now() - g * interval '1 minute'
          FROM generate_series(1, %d) g""".formatted(contacts));
      s.execute("""
          INSERT INTO conv_conversation (id, number, subject, status, priority, channel, contact_id, created_at,
            updated_at, last_message_at)
          SELECT md5('conversation' || g)::uuid, 1000 + g, 'Order ' || g || ' arrived damaged', 'OPEN', 'NORMAL',
            'EMAIL', md5('contact' || (g %% %d + 1))::uuid, now() - g * interval '1 minute', now(), now()
          FROM generate_series(1, %d) g""".formatted(contacts, conversations));
      s.execute("""
          INSERT INTO conv_message (id, conversation_id, direction, channel, body, created_at, external_id)
          SELECT md5('message' || g)::uuid, md5('conversation' || (g / 5 + 1))::uuid,
            CASE WHEN g %% 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END, 'EMAIL',
            'Hello, my order ' || g || ' arrived with a broken lid. ' || repeat(md5(g::text) || ' ', 8),
            now() - g * interval '1 second', CASE WHEN g %% 2 = 0 THEN '<m' || g || '@customer.example>' END
          FROM generate_series(0, %d) g""".formatted(messages - 1));
      s.execute("""
          INSERT INTO intake_item (id, channel, external_id, content_type, payload, received_at, state, attempts,
            next_attempt_at, message_id, raw_content)
          SELECT md5('item' || g)::uuid, 'EMAIL', '<m' || g || '@customer.example>', 'message/rfc822', '{}',
            now() - g * interval '1 second', 'DONE', 1, now(), md5('message' || g)::uuid,
            convert_to('From: customer' || g || '@example.com' || chr(13) || chr(10)
              || 'To: help@acme.example' || chr(13) || chr(10) || 'Message-ID: <m' || g || '@customer.example>'
              || chr(13) || chr(10) || 'Subject: Order ' || g || chr(13) || chr(10)
              || 'Content-Type: text/plain; charset=UTF-8' || chr(13) || chr(10) || chr(13) || chr(10)
              || repeat('Hello, my order ' || g || ' arrived with a broken lid. ' || md5(g::text)
              || chr(13) || chr(10), 20), 'UTF8')
          FROM generate_series(0, %d, 2) g""".formatted(messages - 1));
      s.execute("""
          INSERT INTO mail_message (message_id, item_id, header_message_id, from_address, subject, received_at,
            full_text, text_from_html, automatic_kind)
          SELECT md5('message' || g)::uuid, md5('item' || g)::uuid, 'm' || g || '@customer.example',
            'customer' || g || '@example.com', 'Order ' || g, now() - g * interval '1 second',
            repeat('Hello, my order ' || g || ' arrived with a broken lid. ' || md5(g::text) || ' ', 20), false,
            'NONE'
          FROM generate_series(0, %d, 2) g""".formatted(messages - 1));
    }
  }

  private static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
  }

  private static void print(String key, Object value) {
    System.out.println(key + "=" + value);
  }
}
