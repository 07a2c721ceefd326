package dev.tact.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.contact.SearchableContacts;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.conversation.SearchableConversations;
import dev.tact.conversation.Status;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search against a running node and a real database: what the change feed carries is found, with accents folded and
 * English words stemmed; filters narrow; a second index on the same database (another node, or this one restarted)
 * catches up from its own position, and a rebuild reads everything from the tables.
 */
abstract class SearchContract {

  @Autowired
  ConversationSearch search;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  SearchableConversations searchableConversations;

  @Autowired
  SearchableContacts searchableContacts;

  @Autowired
  SearchProperties properties;

  @Autowired
  TransactionTemplate transactions;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private Long hole;

  @Test
  void findsANewMessageByAWordOfItsBodyWithHighlights() {
    InboundOutcome c = receive("Siobhán Ó Súilleabháin", "siobhan-" + run + "@example.ie", "Parcel " + run,
        "My parcel was refunded twice, the courier zebracorn" + run + " lost it.");

    SearchResults results = await().atMost(Duration.ofSeconds(15)).until(
        () -> search.search(SearchRequest.of("zebracorn" + run)), r -> r.total() == 1);
    SearchHit hit = results.hits().getFirst();
    assertThat(hit.number()).isEqualTo(c.number());
    assertThat(hit.subject()).isEqualTo("Parcel " + run);
    assertThat(hit.contactName()).contains("Siobhán");
    assertThat(hit.highlights()).anySatisfy(h -> {
      assertThat(h.field()).isEqualTo("message");
      assertThat(h.html()).contains("<mark>zebracorn" + run + "</mark>");
    });
  }

  @Test
  void foldsAccentsStemsWordsAndFindsNumbersAndContacts() {
    InboundOutcome c = receive("Siobhán Ó Súilleabháin", "siobhan2-" + run + "@example.ie", "Refunds " + run,
        "Please refund the <b>invoices</b> " + run);
    awaitFound(run + " refunding", c.number());

    assertThat(numbers(search.search(SearchRequest.of("siobhan " + run)))).contains(c.number());
    assertThat(numbers(search.search(SearchRequest.of("SIOBHÁN invoice " + run)))).contains(c.number());
    assertThat(numbers(search.search(SearchRequest.of("#" + c.number())))).first().isEqualTo(c.number());
    assertThat(numbers(search.search(SearchRequest.of("siobhan2-" + run + "@example.ie")))).contains(c.number());
    assertThat(search.search(SearchRequest.of("siobhan2-" + run + "@example.ie")).hits())
        .anyMatch(h -> h.kind() == SearchHit.Kind.CONTACT && h.contactName().contains("Siobhán"));
    assertThat(search.search(SearchRequest.of(run + " refund")).hits().getFirst().highlights())
        .allSatisfy(h -> assertThat(h.html()).doesNotContain("<b>"));
    assertThat(search.search(SearchRequest.of(run + " nonexistentword")).total()).isZero();
  }

  @Test
  void findsNotesTagsAndNarrowsByStatusAndDate() {
    InboundOutcome c = receive("Bo Lind", "bo-" + run + "@example.se", "Login " + run, "cannot sign in " + run);
    Actor agent = Actor.system();
    conversations.addNote(c.conversationId(), agent, "Checked the quasarfig" + run + " logs");
    conversations.addTags(c.conversationId(), agent, List.of("vip-" + run));
    awaitFound("quasarfig" + run, c.number());
    awaitFound("vip-" + run, c.number());
    assertThat(search.search(SearchRequest.of("quasarfig" + run)).hits().getFirst().highlights())
        .anyMatch(h -> h.field().equals("note"));

    assertThat(numbers(search.search(filtered(run + " sign", Set.of(Status.CLOSED), null, null)))).isEmpty();
    conversations.changeStatus(c.conversationId(), agent, Status.CLOSED);
    await().atMost(Duration.ofSeconds(15)).until(
        () -> numbers(search.search(filtered(run + " sign", Set.of(Status.CLOSED), null, null))),
        n -> n.contains(c.number()));
    Instant now = Instant.now();
    assertThat(numbers(search.search(filtered(run + " sign", Set.of(), now.minusSeconds(3600), null))))
        .contains(c.number());
    assertThat(numbers(search.search(filtered(run + " sign", Set.of(), null, now.minusSeconds(3600))))).isEmpty();
  }

  @Test
  void anotherIndexCatchesUpAfterARestartAndARebuildReadsTheTables() throws IOException {
    InboundOutcome first = receive("Ana Costa", "ana-" + run + "@example.pt", "Order " + run, "where is my order "
        + run);
    awaitFound("order " + run, first.number());
    Path folder = Files.createTempDirectory("tact-search-node");
    SearchProperties nodeProperties = new SearchProperties(folder.toString(), Duration.ofMinutes(10),
        properties.gapWait(), properties.batchSize(), properties.refreshInterval());

    SearchIndexer node = new SearchIndexer(jdbc, searchableConversations, searchableContacts, nodeProperties);
    node.start();
    ConversationSearch onNode = new ConversationSearch(node);
    await().atMost(Duration.ofSeconds(30)).until(() -> numbers(onNode.search(SearchRequest.of("order " + run))),
        n -> n.contains(first.number()));
    assertThat(node.rebuilds()).as("a new index is built from the tables").isEqualTo(1);
    node.stop();

    // written while the node is down: the node finds it from its position, without rebuilding
    conversations.reply(first.conversationId(), Actor.agent(Ids.newId(), "Priya"), "Shipped today, tracking "
        + "kumquatline" + run);
    SearchIndexer restarted = new SearchIndexer(jdbc, searchableConversations, searchableContacts, nodeProperties);
    restarted.start();
    try {
      ConversationSearch afterRestart = new ConversationSearch(restarted);
      restarted.wake();
      await().atMost(Duration.ofSeconds(15)).until(
          () -> numbers(afterRestart.search(SearchRequest.of("kumquatline" + run))), n -> n.contains(first.number()));
      assertThat(restarted.rebuilds()).as("caught up from its position, not rebuilt").isZero();

      // a conversation written without the feed (as before the feed existed) is found only after a rebuild
      UUID hidden = insertWithoutFeed("Hidden " + run, "a pomegranite" + run + " arrived");
      restarted.wake();
      assertThat(afterRestart.search(SearchRequest.of("pomegranite" + run)).total()).isZero();
      restarted.rebuild();
      assertThat(afterRestart.search(SearchRequest.of("pomegranite" + run)).hits())
          .extracting(SearchHit::id).containsExactly(hidden);
      assertThat(numbers(afterRestart.search(SearchRequest.of("kumquatline" + run)))).contains(first.number());
      // the rebuild's position is the feed as of gapWait before it; what came since is read again, up to the end
      long feedEnd = jdbc.sql("SELECT MAX(seq) FROM search_feed").query(Long.class).single();
      restarted.wake();
      // a hole in the shared database's feed (another test's rolled-back write) is waited for gapWait before it is passed
      await().atMost(properties.gapWait().plusSeconds(15)).until(restarted::position, p -> p >= feedEnd);
    } finally {
      restarted.stop();
    }
  }

  @Test
  void aHoleInTheFeedIsPassedWhenItsWaitEndsOnANodeNothingWakes() throws IOException {
    Path folder = Files.createTempDirectory("tact-search-hole");
    SearchProperties slowPoll = new SearchProperties(folder.toString(), Duration.ofMinutes(10), Duration.ofSeconds(1),
        properties.batchSize(), properties.refreshInterval());
    SearchIndexer node = new SearchIndexer(jdbc, searchableConversations, searchableContacts, slowPoll);
    node.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(node::rebuilds, n -> n == 1);
      // a feed number taken by a transaction that rolls back leaves a hole for ever
      GeneratedKeyHolder taken = new GeneratedKeyHolder();
      transactions.executeWithoutResult(status -> {
        jdbc.sql("INSERT INTO search_feed (kind, entity_id) VALUES ('CONVERSATION', :id)").param("id", Ids.newId())
            .update(taken, "seq");
        status.setRollbackOnly();
      });
      hole = taken.getKey().longValue();
      InboundOutcome after = receive("Ines Hole", "ines-" + run + "@example.pt", "Hole " + run, "after the hole");
      long afterSeq = jdbc.sql("SELECT MAX(seq) FROM search_feed").query(Long.class).single();
      node.wake();
      // one wake only: the node looks again when the hole's second is up, not at its ten-minute poll
      await().atMost(Duration.ofSeconds(20)).until(node::position, p -> p >= afterSeq);
      assertThat(numbers(new ConversationSearch(node).search(SearchRequest.of("hole " + run))))
          .contains(after.number());
    } finally {
      node.stop();
      fillHole();
    }
  }

  /** The other tests share the database: a hole left open would keep their indexes' positions below it a while. */
  private void fillHole() {
    if (hole != null) {
      jdbc.sql("INSERT INTO search_feed (seq, kind, entity_id) VALUES (:seq, 'CONTACT', :id)").param("seq", hole)
          .param("id", Ids.newId()).update();
      hole = null;
    }
  }

  private InboundOutcome receive(String name, String email, String subject, String text) {
    Contact contact = contacts.resolve(identities.parse(email), new ContactNames(name, null, null));
    return conversations.receiveInbound(InboundMessage.builder(Ids.newId(), Channel.EMAIL)
        .contact(contact.id(), name).subject(subject).text(text)
        .externalMessageId("<" + UUID.randomUUID() + "@example.test>").receivedAt(Instant.now()).build());
  }

  private void awaitFound(String text, long number) {
    await().atMost(Duration.ofSeconds(15)).until(() -> numbers(search.search(SearchRequest.of(text))),
        n -> n.contains(number));
  }

  private static SearchRequest filtered(String text, Set<Status> statuses, Instant from, Instant to) {
    return new SearchRequest(text, statuses, null, null, null, from, to, 20);
  }

  private static List<Long> numbers(SearchResults results) {
    return results.hits().stream().filter(h -> h.kind() == SearchHit.Kind.CONVERSATION).map(SearchHit::number)
        .toList();
  }

  private UUID insertWithoutFeed(String subject, String body) {
    UUID contact = jdbc.sql("SELECT id FROM contact_contact LIMIT 1").query(UUID.class).single();
    UUID id = Ids.newId();
    long number = jdbc.sql("SELECT nextval('conv_number_seq')").query(Long.class).single();
    jdbc.sql("""
        INSERT INTO conv_conversation (id, number, subject, status, priority, channel, contact_id, created_at,
          updated_at, last_message_at)
        VALUES (:id, :number, :subject, 'OPEN', 'NORMAL', 'EMAIL', :contact, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
          CURRENT_TIMESTAMP)""")
        .param("id", id).param("number", number).param("subject", subject).param("contact", contact).update();
    jdbc.sql("""
        INSERT INTO conv_message (id, conversation_id, direction, channel, body, created_at)
        VALUES (:id, :conversation, 'INBOUND', 'EMAIL', :body, CURRENT_TIMESTAMP)""")
        .param("id", Ids.newId()).param("conversation", id).param("body", body).update();
    return id;
  }
}
