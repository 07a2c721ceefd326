package dev.tact.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
  }

  /** Adds a document known not to be in the index (a rebuild after {@link #removeAll()}): no delete to apply. */
  void add(Document doc) throws IOException {
    writer.addDocument(doc);
  }

  void remove(String id) throws IOException {
    writer.deleteDocuments(new Term(SearchFields.ID, id));
  }

  void removeAll() throws IOException {
    writer.deleteAll();
  }

  void commit() throws IOException {
    writer.commit();
  }

  /** Makes what was indexed visible to searches. */
  void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  int documents() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  <T> T withSearcher(SearcherWork<T> work) {
    try {
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
