package dev.tact.chat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every node's bus on PostgreSQL: {@code pg_notify} on the publisher's connection (so a signal published in a
 * transaction is delivered when it commits, and not at all when it rolls back) and one connection per node that
 * LISTENs and hands what it hears to this node's subscribers. The listening connection is opened for the bus alone,
 * not taken from the pool. When it breaks, it is opened again and the subscribers are told to catch up from the
 * database ({@code resync}), since signals sent meanwhile were missed.
 */
class PostgresChatBus implements ChatBus, SmartLifecycle {

  static final String CHANNEL = "tact_chat";
  private static final Logger log = LoggerFactory.getLogger(PostgresChatBus.class);

  private final JdbcClient jdbc;
  private final DataSource dataSource;
  private final JsonMapper json;
  private final InProcessChatBus local;
  private volatile boolean running;
  private volatile Thread listener;
  private volatile Connection connection;

  PostgresChatBus(JdbcClient jdbc, DataSource dataSource, JsonMapper json, InProcessChatBus local) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.json = json;
    this.local = local;
  }

  @Override
  public void publish(ChatSignal signal) {
    jdbc.sql("SELECT pg_notify(:channel, :payload)").param("channel", CHANNEL)
        .param("payload", json.writeValueAsString(signal)).query(Object.class).optional();
  }

  @Override
  public void subscribe(Consumer<ChatSignal> subscriber) {
    local.subscribe(subscriber);
  }

  @Override
  public void start() {
    running = true;
    try {
      connection = listen();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot LISTEN for chat signals", e);
    }
    listener = Thread.ofPlatform().daemon().name("tact-chat-listen").start(this::loop);
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
    properties.setProperty("ApplicationName", "tact-chat-listen");
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
          local.deliver(ChatSignal.of("resync", null));
          backoff = Duration.ofMillis(200);
        }
        PGNotification[] notifications = c.unwrap(PGConnection.class).getNotifications(5_000);
        if (notifications == null) {
          continue;
        }
        for (PGNotification n : notifications) {
          try {
            local.deliver(json.readValue(n.getParameter(), ChatSignal.class));
          } catch (RuntimeException e) {
            log.warn("An unreadable chat signal was ignored: {}", e.toString());
          }
        }
      } catch (SQLException e) {
        if (!running) {
          return;
        }
        log.warn("Listening for chat signals failed ({}); trying again in {} ms", e.toString(), backoff.toMillis());
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
