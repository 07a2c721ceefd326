package dev.tact.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory where this node keeps its index; {@code temporary} for a fresh folder per start, removed at stop
 *     (tests); the index is rebuilt from the database when it is missing or was built from another database
 * @param pollInterval how often the node reads the change feed for changes made by other nodes (its own wake it)
 * @param gapWait how long a hole in the feed's sequence is waited for (a transaction that took its number earlier
 *     but commits later) before the position moves past it
 * @param batchSize how many feed rows, or conversations in a rebuild, are read and indexed at once
 * @param refreshInterval the least time between two reads of the feed that index something: under a burst of
 *     changes the indexer waits out the rest of it before reading the feed again, so one pass indexes many batches
 *     (searches may lag that much behind the feed); a change after a quiet spell is read at once. A search shows
 *     everything indexed before it began (the reader is reopened by the first search after a change)
 */
@ConfigurationProperties("tact.search")
public record SearchProperties(@DefaultValue("./data/search") String directory,
    @DefaultValue("500ms") Duration pollInterval, @DefaultValue("30s") Duration gapWait,
    @DefaultValue("500") int batchSize, @DefaultValue("250ms") Duration refreshInterval) {

  static final String TEMPORARY = "temporary";
}
