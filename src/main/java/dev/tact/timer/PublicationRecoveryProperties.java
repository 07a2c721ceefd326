package dev.tact.timer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this node runs module listener publications again that were left incomplete ({@code tact.events.recovery.*};
 * ADR 0056).
 *
 * @param enabled whether this node runs them again (every node keeps its heartbeat either way)
 * @param nodeName this node's name among the nodes sharing the database; blank: the host name and the server port
 *     (the host name, process id and a random suffix when the port is chosen at random). A node that starts under
 *     the name of one that is gone takes its place at once.
 * @param staleAfter a publication untouched this long while the node that holds it still beats is taken as
 *     orphaned (its node died and another took its place in the heartbeat table only later); longer than any
 *     listener's queueing and run on a live node
 * @param heartbeat how often this node says it lives
 * @param nodeTimeout a node silent this long is taken as gone
 * @param pollInterval the longest this node's worker waits before it looks again
 * @param batchSize most publications claimed at once
 * @param maxAttempts runs of one publication (its first included) after which it is left failed, for an admin
 * @param retryBackoff the wait after a listener's first failure; doubles with each further one
 * @param maxBackoff the longest wait between two runs
 */
@ConfigurationProperties("tact.events.recovery")
public record PublicationRecoveryProperties(@DefaultValue("true") boolean enabled, @DefaultValue("") String nodeName,
    @DefaultValue("10m") Duration staleAfter, @DefaultValue("10s") Duration heartbeat,
    @DefaultValue("1m") Duration nodeTimeout, @DefaultValue("15s") Duration pollInterval,
    @DefaultValue("20") int batchSize, @DefaultValue("10") int maxAttempts, @DefaultValue("30s") Duration retryBackoff,
    @DefaultValue("1h") Duration maxBackoff) {

  public PublicationRecoveryProperties {
    if (batchSize < 1 || maxAttempts < 2) {
      throw new IllegalArgumentException("tact.events.recovery: batch-size must be at least 1, max-attempts at least 2");
    }
    if (!staleAfter.isPositive() || !heartbeat.isPositive() || !pollInterval.isPositive()
        || nodeTimeout.compareTo(heartbeat.multipliedBy(2)) < 0 || maxBackoff.compareTo(retryBackoff) < 0) {
      throw new IllegalArgumentException("tact.events.recovery: durations must be positive, node-timeout at least two"
          + " heartbeats and max-backoff at least retry-backoff");
    }
  }

  Backoff backoff() {
    return Backoff.doubling(retryBackoff, maxBackoff);
  }
}
