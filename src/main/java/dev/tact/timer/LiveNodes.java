package dev.tact.timer;

import dev.tact.shared.SqlTime;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's row in {@code live_node}, beating while it runs, and what the rows say about which processes are gone
 * (ADR 0056). A node's start is the start of its application context (or earlier, by the application's clock), so
 * nothing it published can be older.
 */
@Component
class LiveNodes implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LiveNodes.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final PublicationRecoveryProperties properties;
  private final String name;
  private final Instant startedAt;
  private volatile boolean registered;

  LiveNodes(JdbcClient jdbc, Clock clock, PublicationRecoveryProperties properties, ApplicationContext context,
      @Value("${server.port:8080}") int port) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.name = properties.nodeName().isBlank() ? defaultName(port) : properties.nodeName();
    Instant contextStarted = Instant.ofEpochMilli(context.getStartupDate());
    Instant now = clock.instant();
    this.startedAt = now.isBefore(contextStarted) ? now : contextStarted;
  }

  String name() {
    return name;
  }

  /**
   * The start of the earliest process that still beats, this one included: whatever was published or claimed
   * before it was in the memory of a process that is gone.
   */
  Instant earliestLiveStart() {
    register();
    Instant cutoff = clock.instant().minus(properties.nodeTimeout());
    Instant earliest = jdbc.sql("SELECT MIN(started_at) AS earliest FROM live_node WHERE seen_at >= :cutoff")
        .param("cutoff", SqlTime.utc(cutoff)).query((rs, n) -> Optional.ofNullable(SqlTime.instant(rs, "earliest")))
        .single().orElse(null);
    return earliest == null || startedAt.isBefore(earliest) ? startedAt : earliest;
  }

  @Scheduled(fixedDelayString = "${tact.events.recovery.heartbeat:10s}")
  void beat() {
    try {
      if (!registered) {
        register();
        return;
      }
      Instant now = clock.instant();
      int updated = jdbc.sql("UPDATE live_node SET seen_at = :now WHERE node_name = :name AND started_at = :started")
          .param("now", SqlTime.utc(now)).param("name", name).param("started", SqlTime.utc(startedAt)).update();
      if (updated == 0 && jdbc.sql("""
          INSERT INTO live_node (node_name, started_at, seen_at) SELECT :name, :started, :now
          WHERE NOT EXISTS (SELECT 1 FROM live_node WHERE node_name = :name)""")
          .param("name", name).param("started", SqlTime.utc(startedAt)).param("now", SqlTime.utc(now)).update() == 0) {
        log.warn("Another process runs under this node's name {}: give every node a name of its own"
            + " (tact.events.recovery.node-name)", name);
      }
      jdbc.sql("DELETE FROM live_node WHERE seen_at < :long_gone")
          .param("long_gone", SqlTime.utc(now.minus(java.time.Duration.ofDays(1)))).update();
    } catch (RuntimeException e) {
      log.warn("Could not record this node's heartbeat: {}", e.toString());
    }
  }

  /** Takes this node's row (replacing an earlier process of the same name, which is gone), once. */
  private synchronized void register() {
    if (registered) {
      return;
    }
    jdbc.sql("DELETE FROM live_node WHERE node_name = :name").param("name", name).update();
    jdbc.sql("INSERT INTO live_node (node_name, started_at, seen_at) VALUES (:name, :started, :now)")
        .param("name", name).param("started", SqlTime.utc(startedAt)).param("now", SqlTime.utc(clock.instant()))
        .update();
    registered = true;
  }

  /** Leaving: the others need not wait for this node's heartbeat to time out. */
  @Override
  public void destroy() {
    if (!registered) {
      return;
    }
    try {
      jdbc.sql("DELETE FROM live_node WHERE node_name = :name AND started_at = :started").param("name", name)
          .param("started", SqlTime.utc(startedAt)).update();
    } catch (RuntimeException e) {
      log.debug("Could not remove this node from live_node on the way out", e);
    }
  }

  private static String defaultName(int port) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "node";
    }
    return port > 0 ? host + ":" + port
        : host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":" + UUID.randomUUID().toString().substring(0, 8);
  }
}
