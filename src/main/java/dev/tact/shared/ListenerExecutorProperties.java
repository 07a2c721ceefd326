package dev.tact.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many after-commit module listeners run at once, each with a connection of its own.
 *
 * @param threads listeners running at once; they share the JDBC pool with everything else, so fewer than its size
 * @param queueCapacity listener calls waiting for a thread; when it is full, the thread that published the event
 *     runs the listener itself, which slows the publisher (the pipeline, a request) down to what listeners keep up
 *     with
 */
@ConfigurationProperties("tact.events.listeners")
public record ListenerExecutorProperties(@DefaultValue("8") int threads, @DefaultValue("10000") int queueCapacity) {

  /** The database pool's size, as the modules that budget its connections read it. */
  public static final String POOL_SIZE = "${spring.datasource.hikari.maximum-pool-size:20}";

  public ListenerExecutorProperties {
    if (threads < 1 || queueCapacity < 0) {
      throw new IllegalArgumentException("tact.events.listeners: threads must be at least 1, queue-capacity at least 0");
    }
  }

  /**
   * The listener threads run on a pool of {@code poolSize}: at most half of it. Each listener holds a connection, and
   * a publisher that runs one itself (queue full) may still hold its own; with listeners as many as the pool, found
   * by bench/nodes.sh at a pool of 8, they and the pipeline waited on each other for connections until the pool's
   * timeout, and the listeners failed.
   */
  public int threadsFor(int poolSize) {
    return Math.max(1, Math.min(threads, poolSize / 2));
  }
}
