package dev.tact.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;

/**
 * Rebuilding this node's index from the database, and what the index holds. The command line flag
 * {@code --tact.search.rebuild} asks for a rebuild when the node starts.
 */
@Service
public class SearchAdmin implements ApplicationRunner {

  /** Where the index is: its feed position, documents, and whether a rebuild is under way. */
  public record Status(long position, long feedEnd, int documents, boolean rebuilding, long messagesIndexed) {}

  private final SearchIndexer indexer;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

  SearchAdmin(SearchIndexer indexer, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    this.indexer = indexer;
    this.jdbc = jdbc;
  }

  /** Starts a rebuild on the indexer's thread; searches answer from the old index until it is done. */
  public void requestRebuild() {
    indexer.requestRebuild();
  }

  /** Rebuilds now, in the caller's thread. */
  public void rebuildNow() {
    try {
      indexer.rebuild();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Status status() {
    long feedEnd = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM search_feed").query(Long.class).single();
    return new Status(indexer.position(), feedEnd, indexer.index().documents(), indexer.rebuilding(),
        indexer.indexedMessages());
  }

  @Override
  public void run(ApplicationArguments args) {
    if (args.containsOption("tact.search.rebuild")) {
      requestRebuild();
    }
  }
}
