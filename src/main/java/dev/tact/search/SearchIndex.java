package dev.tact.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * This node's Lucene index: one writer, near-real-time searchers, and the feed position and database id kept in the
 * commit's user data, so that what the index holds and where the feed was read up to are made durable together.
 * The searchers' reader is reopened when a search comes after a change, not after each change: a search sees every
 * change indexed before it began, and a burst of changes that nobody searches meanwhile is flushed in a few large
 * segments (at the indexer's commits) instead of one small segment per reopening, each merged again later.
 */
final class SearchIndex implements AutoCloseable {

  static final String POSITION = "tact.feed.position";
  static final String DATABASE = "tact.database";

  /** A rebuild flushes fewer, larger segments, so there is less merging. */
  private static final double RAM_BUFFER_MB = 128;

  /** What a searcher is given to do. */
  interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  /** Changes made to the writer, and how many of them the searchers' reader shows (both only grow). */
  private final AtomicLong changes = new AtomicLong();
  private volatile long shown;
  private final Object reopening = new Object();
  /** Set by a rebuild: searches keep the reader they have until the rebuild's {@link #refresh()}. */
  private boolean held;

  SearchIndex(Path folder) {
    try {
      analyzer = SearchFields.analyzer();
      directory = FSDirectory.open(folder);
      IndexWriterConfig config = new IndexWriterConfig(analyzer)
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(RAM_BUFFER_MB);
      writer = new IndexWriter(directory, config);
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + folder, e);
    }
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /** The committed (or, after {@link #position(long, String)}, the pending) user data. */
  Map<String, String> userData() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return data;
  }

  long position() {
    return Long.parseLong(userData().getOrDefault(POSITION, "-1"));
  }

  /** Sets the position the next commit records; the documents indexed so far belong to it. */
  void position(long position, String databaseId) {
    writer.setLiveCommitData(Map.of(POSITION, Long.toString(position), DATABASE, databaseId).entrySet());
  }

  void put(String id, Document doc) throws IOException {
    writer.updateDocument(new Term(SearchFields.ID, id), doc);
    changes.incrementAndGet();
  }

  /** Adds a document known not to be in the index (a rebuild after {@link #removeAll()}): no delete to apply. */
  void add(Document doc) throws IOException {
    writer.addDocument(doc);
    changes.incrementAndGet();
  }

  void remove(String id) throws IOException {
    writer.deleteDocuments(new Term(SearchFields.ID, id));
    changes.incrementAndGet();
  }

  void removeAll() throws IOException {
    writer.deleteAll();
    changes.incrementAndGet();
  }

  void commit() throws IOException {
    writer.commit();
  }

  /** Makes what was indexed visible to searches (and lets searches reopen the reader again after a rebuild). */
  void refresh() throws IOException {
    synchronized (reopening) {
      // the changes counted here were made before the reopening, so it shows them
      long counted = changes.get();
      searchers.maybeRefreshBlocking();
      shown = counted;
      held = false;
    }
  }

  /** Until the next {@link #refresh()}, searches see the index as it is now: a rebuild is shown when it is done. */
  void holdReader() {
    synchronized (reopening) {
      held = true;
    }
  }

  /** Reopens the reader when something was indexed since it was opened (a change counts once it is made). */
  private void refreshIfChanged() throws IOException {
    if (shown < changes.get()) {
      synchronized (reopening) {
        if (!held && shown < changes.get()) {
          refresh();
        }
      }
    }
  }

  int documents() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  <T> T withSearcher(SearcherWork<T> work) {
    try {
      refreshIfChanged();
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean exists(Path folder) {
    try (FSDirectory dir = FSDirectory.open(folder)) {
      return DirectoryReader.indexExists(dir);
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }
}
