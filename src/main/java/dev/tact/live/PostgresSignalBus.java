package dev.tact.live;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every node's bus on PostgreSQL: {@code pg_notify} on the publisher's connection (so a signal published in a
 * transaction is delivered when it commits, and not at all when it rolls back; a transaction's signals are sent
 * together just before it commits, in one statement, see {@link SignalAtCommit}) and one connection per node that
 * LISTENs and hands what it hears to this node's subscribers. The listening connection is opened for the bus alone,
 * not taken from the pool. When it breaks, it is opened again and the subscribers are told to catch up from the
 * database ({@link SignalListener#missed}), since signals sent meanwhile were missed. Every topic shares one channel;
 * a payload is {@code {"topic": ..., "signal": ...}}.
 */
class PostgresSignalBus implements SignalBus, SmartLifecycle, AutoCloseable {

  static final String CHANNEL = "tact_live";
  static final String APPLICATION_NAME = "tact-live-listen";
  private static final Logger log = LoggerFactory.getLogger(PostgresSignalBus.class);

  /** PostgreSQL refuses a NOTIFY payload of this many bytes or more. */
  static final int MAX_PAYLOAD_BYTES = 8000;
  private static final String NOTIFY_ALL = "SELECT count(pg_notify(?, payload)) FROM unnest(?::text[]) AS payload";

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final JsonMapper json;
  private final InProcessSignalBus local;
  private volatile boolean running;
  private volatile Thread listener;
  private volatile Connection connection;

  PostgresSignalBus(DataSource dataSource, JsonMapper json, InProcessSignalBus local) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.dataSource = dataSource;
    this.json = json;
    this.local = local;
  }

  @Override
  public void publish(String topic, Object signal) {
    String payload = json.writeValueAsString(Map.of("topic", topic, "signal", signal));
    if (payload.length() * 3 >= MAX_PAYLOAD_BYTES && payload.getBytes(StandardCharsets.UTF_8).length
        >= MAX_PAYLOAD_BYTES) { // refused here, where the publisher can tell, rather than at the commit
      throw new IllegalArgumentException("A signal on " + topic + " is too large for NOTIFY: " + payload.length());
    }
    if (TransactionSynchronizationManager.isActualTransactionActive()
        && TransactionSynchronizationManager.isSynchronizationActive()) {
      SignalAtCommit.register(this, payload, this::send);
    } else {
      send(List.of(payload));
    }
  }

  /** One statement however many signals, sent in their order (on the transaction's connection, if any). */
  private void send(List<String> payloads) {
    if (payloads.isEmpty()) {
      return;
    }
    jdbc.query(connection -> {
      PreparedStatement statement = connection.prepareStatement(NOTIFY_ALL);
      statement.setString(1, CHANNEL);
      statement.setArray(2, connection.createArrayOf("text", payloads.toArray()));
      return statement;
    }, (ResultSetExtractor<Object>) rows -> null);
  }

  @Override
  public <T> void subscribe(String topic, Class<T> type, SignalListener<T> listener) {
    local.subscribe(topic, type, listener);
  }

  @Override
  public void start() {
    running = true;
    try {
      connection = listen();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot LISTEN for live signals", e);
    }
    listener = Thread.ofPlatform().daemon().name(APPLICATION_NAME).start(this::loop);
  }

  private Connection listen() throws SQLException {
    Connection c = dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null
        ? DriverManager.getConnection(pool.getJdbcUrl(), credentials(pool))
        : dataSource.getConnection();
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    }
    return c;
  }

  /** The pool's user and password, for a connection of the bus's own, outside the pool. */
  private static Properties credentials(HikariDataSource pool) {
    Properties properties = new Properties();
    if (pool.getDataSourceProperties() != null) {
      properties.putAll(pool.getDataSourceProperties());
    }
    if (pool.getUsername() != null) {
      properties.setProperty("user", pool.getUsername());
    }
    if (pool.getPassword() != null) {
      properties.setProperty("password", pool.getPassword());
    }
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    return properties;
  }

  private void loop() {
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      try {
        Connection c = connection;
        if (c == null) {
          c = listen();
          connection = c;
          local.missed();
          backoff = Duration.ofMillis(200);
        }
        PGNotification[] notifications = c.unwrap(PGConnection.class).getNotifications(5_000);
        if (notifications == null) {
          continue;
        }
        for (PGNotification n : notifications) {
          try {
            JsonNode payload = json.readTree(n.getParameter());
            local.deliver(payload.path("topic").asString(), payload.path("signal"));
          } catch (RuntimeException e) {
            log.warn("An unreadable signal was ignored: {}", e.toString());
          }
        }
      } catch (SQLException e) {
        if (!running) {
          return;
        }
        log.warn("Listening for live signals failed ({}); trying again in {} ms", e.toString(), backoff.toMillis());
        closeQuietly();
        try {
          Thread.sleep(backoff); // back-off before reconnecting, not a stand-in for synchronisation
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
            : backoff.multipliedBy(2);
      }
    }
  }

  private void closeQuietly() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // already broken
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    Thread t = listener;
    closeQuietly();
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    local.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
