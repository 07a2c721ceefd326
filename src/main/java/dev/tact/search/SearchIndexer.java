package dev.tact.search;

import dev.tact.contact.SearchableContacts;
import dev.tact.contact.SearchableContacts.SearchableContact;
import dev.tact.conversation.SearchableConversations;
import dev.tact.conversation.SearchableConversations.SearchableConversation;
import dev.tact.shared.Ids;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's index up to date: a thread reads the change feed after the index's position, every
 * {@code pollInterval} or at once when this node committed a change, and indexes each conversation or contact named
 * afresh from the tables. A hole in the feed's sequence (a transaction that took its number before an earlier one
 * committed) is looked for again until {@code gapWait} has passed; the position recorded stays below it meanwhile, so
 * a restart reads it again. Rebuilding reads every conversation and contact from the tables.
 */
@Component
class SearchIndexer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);

  /** How often the position is made durable (a commit); between commits, searches see changes all the same. */
  private static final long COMMIT_EVERY_NANOS = 5_000_000_000L;

  /**
   * Threads indexing a rebuild's batches while this thread reads the next ones (the writer is thread-safe); on a
   * single core, reading and indexing still overlap.
   */
  private static final int REBUILD_THREADS = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4);

  /** A hole wider than this (a sequence that jumped after a crash) is not waited for. */
  private static final long WIDEST_GAP = 1_000;

  private record FeedRow(long seq, SearchFeed.Kind kind, UUID entityId) {}

  private final JdbcClient jdbc;
  private final SearchableConversations conversations;
  private final SearchableContacts contacts;
  private final SearchProperties properties;
  private final Object wakeLock = new Object();
  private final Object indexLock = new Object();

  /** Sequence numbers below what was read that have no row yet, with when they were first missed (nanoTime). */
  private final TreeMap<Long, Long> missing = new TreeMap<>();
  private final AtomicLong indexedMessages = new AtomicLong();
  private final AtomicLong rebuilds = new AtomicLong();

  private volatile boolean running;
  private volatile boolean rebuildRequested;
  private boolean woken;
  private Thread thread;
  private SearchIndex index;
  private Path folder;
  private boolean temporary;
  private String databaseId;
  private long readUpTo;
  private long lastCommit = System.nanoTime();
  /** When the last pass that indexed something ended (nanoTime), and whether the current pass indexed something. */
  private long lastIndexed = System.nanoTime() - Long.MAX_VALUE / 2;
  private boolean indexedSincePause;

  SearchIndexer(JdbcClient jdbc, SearchableConversations conversations, SearchableContacts contacts,
      SearchProperties properties) {
    this.jdbc = jdbc;
    this.conversations = conversations;
    this.contacts = contacts;
    this.properties = properties;
  }

  @Override
  public void start() {
    try {
      temporary = SearchProperties.TEMPORARY.equals(properties.directory());
      folder = temporary ? Files.createTempDirectory("tact-search") : Path.of(properties.directory());
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the search index folder", e);
    }
    databaseId = databaseId();
    index = new SearchIndex(folder);
    Map<String, String> data = index.userData();
    if (!databaseId.equals(data.get(SearchIndex.DATABASE))) {
      log.info("Search index in {} is {}: rebuilding it from the database", folder,
          data.isEmpty() ? "new" : "of another database");
      rebuildRequested = true;
    }
    readUpTo = Math.max(index.position(), 0);
    running = true;
    thread = Thread.ofPlatform().name("search-indexer").daemon().start(this::follow);
  }

  @Override
  public void stop() {
    running = false;
    wake();
    if (thread != null) {
      LockSupport.unpark(thread);
    }
    try {
      if (thread != null) {
        thread.join(30_000);
      }
      synchronized (indexLock) {
        index.commit();
        index.close();
      }
      if (temporary) {
        try (Stream<Path> files = Files.walk(folder)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.warn("Closing the search index failed", e);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Reads the feed now rather than at the next poll. */
  void wake() {
    synchronized (wakeLock) {
      woken = true;
      wakeLock.notifyAll();
    }
  }

  /** Asks the indexer thread to rebuild the index from the tables (searches see the old index until it is done). */
  void requestRebuild() {
    rebuildRequested = true;
    wake();
  }

  boolean rebuilding() {
    return rebuildRequested;
  }

  SearchIndex index() {
    return index;
  }

  long position() {
    synchronized (indexLock) {
      return index.position();
    }
  }

  /** Rebuilds since start. */
  long rebuilds() {
    return rebuilds.get();
  }

  /** Messages indexed since start (a rebuild counts each message once more). */
  long indexedMessages() {
    return indexedMessages.get();
  }

  private void follow() {
    while (running) {
      try {
        if (rebuildRequested) {
          rebuild();
          rebuildRequested = false;
        }
        pauseUntilRefreshDue();
        while (running && catchUp()) {
          // a full batch: there may be more
        }
        noteIndexed();
      } catch (RuntimeException | IOException e) {
        log.warn("Search indexing failed; trying again in {}", properties.pollInterval(), e);
      }
      waitForWake();
    }
  }

  /**
   * Under a burst of changes the feed was read moments ago: the changes committed meanwhile are left to pile up in the
   * feed until {@code refreshInterval} has passed, then read and indexed together (a conversation changed twice in
   * between is indexed once). The next search shows them ({@link SearchIndex#withSearcher}).
   */
  private void pauseUntilRefreshDue() {
    long due = lastIndexed + properties.refreshInterval().toNanos();
    for (long left = due - System.nanoTime(); running && left > 0; left = due - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
    }
  }

  private void noteIndexed() {
    synchronized (indexLock) {
      if (indexedSincePause) {
        lastIndexed = System.nanoTime();
        indexedSincePause = false;
      }
    }
  }

  private void waitForWake() {
    long waitMillis = untilNextLook();
    synchronized (wakeLock) {
      if (!woken && running) {
        try {
          wakeLock.wait(waitMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }

  /**
   * The poll interval, or less while a hole in the feed is waited for: the hole is looked for again when its wait
   * ends, so the position moves past it then even on a node whose poll interval is long and that nothing wakes.
   */
  private long untilNextLook() {
    long pollMillis = properties.pollInterval().toMillis();
    synchronized (indexLock) {
      if (missing.isEmpty()) {
        return pollMillis;
      }
      long oldest = Collections.min(missing.values());
      long endsInMillis = (oldest + properties.gapWait().toNanos() - System.nanoTime()) / 1_000_000 + 1;
      return Math.clamp(endsInMillis, 1, Math.max(pollMillis, 1));
    }
  }

  /** Reads and indexes one batch of new feed rows and any missing ones that appeared; true if the batch was full. */
  boolean catchUp() throws IOException {
    synchronized (indexLock) {
      List<FeedRow> rows = jdbc.sql("""
          SELECT seq, kind, entity_id FROM search_feed WHERE seq > :after ORDER BY seq LIMIT :n""")
          .param("after", readUpTo).param("n", properties.batchSize()).query(this::row).list();
      List<FeedRow> filled = missing.isEmpty() ? List.of() : jdbc.sql("""
          SELECT seq, kind, entity_id FROM search_feed WHERE seq IN (:seqs)""")
          .param("seqs", missing.keySet()).query(this::row).list();
      if (rows.isEmpty() && filled.isEmpty() && missing.isEmpty()) {
        commitIfDue(false);
        return false;
      }
      apply(Stream.concat(rows.stream(), filled.stream()).toList());
      filled.forEach(row -> missing.remove(row.seq()));
      long now = System.nanoTime();
      for (FeedRow row : rows) {
        if (row.seq() > readUpTo + 1 && row.seq() - readUpTo <= WIDEST_GAP) {
          for (long seq = readUpTo + 1; seq < row.seq(); seq++) {
            missing.put(seq, now);
          }
        }
        readUpTo = row.seq();
      }
      missing.values().removeIf(since -> now - since > properties.gapWait().toNanos());
      long position = missing.isEmpty() ? readUpTo : missing.firstKey() - 1;
      index.position(position, databaseId);
      indexedSincePause |= rows.size() + filled.size() > 0;
      commitIfDue(rows.size() + filled.size() > 0);
      return rows.size() == properties.batchSize();
    }
  }

  private void commitIfDue(boolean changed) throws IOException {
    if (changed && System.nanoTime() - lastCommit > COMMIT_EVERY_NANOS) {
      index.commit();
      lastCommit = System.nanoTime();
    }
  }

  private void apply(List<FeedRow> rows) throws IOException {
    Set<UUID> conversationIds = ids(rows, SearchFeed.Kind.CONVERSATION);
    Set<UUID> contactIds = ids(rows, SearchFeed.Kind.CONTACT);
    // a contact's name and identities are in its conversations' documents too
    conversationIds.addAll(conversations.ofContacts(contactIds));
    indexContacts(contactIds, contacts.load(contactIds));
    indexConversations(conversationIds, conversations.load(conversationIds));
  }

  private static Set<UUID> ids(List<FeedRow> rows, SearchFeed.Kind kind) {
    return rows.stream().filter(r -> r.kind() == kind).map(FeedRow::entityId)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private void indexConversations(Collection<UUID> asked, List<SearchableConversation> found) throws IOException {
    indexConversations(asked, found, false);
  }

  /** {@code added}: the index holds none of them (a rebuild), so they are added without looking for old ones. */
  private void indexConversations(Collection<UUID> asked, List<SearchableConversation> found, boolean added)
      throws IOException {
    Map<UUID, SearchableContact> contactsById = contacts.load(found.stream()
        .map(SearchableConversation::contactId).filter(java.util.Objects::nonNull).collect(Collectors.toSet()))
        .stream().collect(Collectors.toMap(SearchableContact::id, Function.identity()));
    Set<UUID> gone = new HashSet<>(asked);
    for (SearchableConversation c : found) {
      gone.remove(c.id());
      Document doc = SearchDocuments.conversation(c, contactsById.get(c.contactId()));
      if (added) {
        index.add(doc);
      } else {
        index.put(c.id().toString(), doc);
      }
      indexedMessages.addAndGet(c.messages().size());
    }
    for (UUID id : gone) {
      index.remove(id.toString());
    }
  }

  private void indexContacts(Collection<UUID> asked, List<SearchableContact> found) throws IOException {
    Set<UUID> gone = new HashSet<>(asked);
    for (SearchableContact contact : found) {
      gone.remove(contact.id());
      index.put(contact.id().toString(), SearchDocuments.contact(contact));
    }
    for (UUID id : gone) {
      index.remove(id.toString());
    }
  }

  private void addContacts(List<SearchableContact> found) throws IOException {
    for (SearchableContact contact : found) {
      index.add(SearchDocuments.contact(contact));
    }
  }

  /**
   * Indexes every conversation and contact from the tables. The position it records is the feed's end as of
   * {@code gapWait} before the rebuild began, so changes committing during the rebuild are read from the feed again.
   */
  void rebuild() throws IOException {
    synchronized (indexLock) {
      long started = System.nanoTime();
      java.time.OffsetDateTime cutoff = jdbc.sql("SELECT CURRENT_TIMESTAMP").query(java.time.OffsetDateTime.class)
          .single().minus(properties.gapWait());
      long position = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM search_feed WHERE recorded_at < :cutoff")
          .param("cutoff", cutoff).query(Long.class).single();
      long messagesBefore = indexedMessages.get();
      index.holdReader();
      index.removeAll();
      try (ParallelIndexing parallel = new ParallelIndexing(REBUILD_THREADS)) {
        contacts.forEach(properties.batchSize(), batch -> parallel.submit(() -> addContacts(batch)));
        conversations.forEach(properties.batchSize(),
            batch -> parallel.submit(() -> indexConversations(List.of(), batch, true)));
        parallel.finish();
      }
      readUpTo = position;
      missing.clear();
      index.position(position, databaseId);
      index.commit();
      lastCommit = System.nanoTime();
      index.refresh();
      rebuilds.incrementAndGet();
      log.info("Search index rebuilt: {} messages in {} ms", indexedMessages.get() - messagesBefore,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  private FeedRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new FeedRow(rs.getLong("seq"), SearchFeed.Kind.valueOf(rs.getString("kind")),
        rs.getObject("entity_id", UUID.class));
  }

  /** The database's id, made by the first node that asks. */
  private String databaseId() {
    jdbc.sql("INSERT INTO search_database (id) VALUES (:id) ON CONFLICT DO NOTHING").param("id", Ids.newId()).update();
    return jdbc.sql("SELECT id FROM search_database").query(UUID.class).single().toString();
  }

}
