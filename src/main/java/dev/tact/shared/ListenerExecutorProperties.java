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

  public ListenerExecutorProperties {
    if (threads < 1 || queueCapacity < 0) {
      throw new IllegalArgumentException("tact.events.listeners: threads must be at least 1, queue-capacity at least 0");
    }
  }
}
