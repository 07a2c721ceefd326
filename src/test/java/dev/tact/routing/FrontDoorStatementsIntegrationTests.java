package dev.tact.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.shared.Channel;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.FiledMessage;
import dev.tact.conversation.InboundMessage;
import dev.tact.conversation.InboundOutcome;
import dev.tact.conversation.MessagesFiled;
import dev.tact.shared.Ids;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.PipelineStoppedTest;
import dev.tact.testsupport.StatementCounter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the front door's routing of conversations filed together costs per conversation, counted in statements on the
 * routing thread (its transaction and the synchronous listeners of what it publishes). Routing is off in this
 * context, so the test routes with a front door of its own, built from the context's beans with routing on.
 */
@PipelineStoppedTest
class FrontDoorStatementsIntegrationTests {

  private static final int SET = 20;
  private static final String[] TEXTS = {
      "My invoice is wrong: you charged my card twice this month. Please refund one payment.",
      "The app crashes with an error every time I log in since the last update, please fix it.",
      "Why was my credit card charged twice for the same invoice? I need a refund.",
      "The sync fails with error 500 and the app will not start on my laptop."};

  @Autowired
  JdbcClient jdbc;

  @Autowired
  StaffDirectory staff;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  AgentPicker agents;

  @Autowired
  IntentModels models;

  @Autowired
  RoutingRules rules;

  @Autowired
  ContactManagement contacts;

  @Autowired
  TeamChooser teams;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  Clock clock;

  @Test
  void shouldRouteConversationsFiledTogetherInBoundedStatementsPerConversation() {
    List.of("Billing", "Technical").forEach(this::teamWithAnAgent);
    String run = "door-" + Ids.newId();
    List<FiledMessage> set = IntStream.range(0, SET).mapToObj(i -> {
      String address = run + "-" + i + "@d" + i + ".example.com";
      UUID contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
          new ContactNames("Person " + i, null, null)).id();
      UUID message = Ids.newId();
      InboundOutcome filed = conversations.receiveInbound(new InboundMessage(message, null, Channel.CHAT, contact,
          "Person " + i, "Question " + i, TEXTS[i % TEXTS.length] + " (" + run + " " + i + ")", run + "-" + i,
          run + "-thread-" + i, null, clock.instant()));
      return new FiledMessage(filed.conversationId(), filed.number(), message, contact, Channel.CHAT, clock.instant(),
          true, false);
    }).toList();
    MessagesFiled filed = new MessagesFiled(set);
    FrontDoor door = new FrontDoor(conversations, jdbc, new RoutingProperties(true, 0.5, "least-loaded", true, null,
        null), clock, agents, models, rules, contacts, teams, events, transactionManager);

    StatementCounter.start();
    try {
      door.on(filed);
    } finally {
      StatementCounter.stop();
    }

    Map<String, Long> byStatement = new TreeMap<>();
    StatementCounter.statements().forEach(sql -> {
      String line = sql.strip().replaceAll("\\s+", " ");
      byStatement.merge(line.substring(0, Math.min(80, line.length())), 1L, Long::sum);
    });
    byStatement.forEach((sql, n) -> System.out.printf("  %5.2f %s%n", (double) n / SET, sql));
    long perConversation = Math.round((double) StatementCounter.counted() / SET);
    System.out.printf("front door statements per conversation: %d%n", perConversation);

    List<UUID> ids = filed.openings().stream().map(o -> o.conversationId()).toList();
    assertThat(ids).allSatisfy(id -> assertThat(door.intentOf(id)).isPresent());
    assertThat(ids).filteredOn(id -> conversations.requireDetails(id).conversation().assigneeId() != null).hasSizeGreaterThan(SET / 2);
    // 76 before docs/notes-front20h.md (the decision read back, SLA rematched on every IntentDecided, the batch's
    // reads per conversation)
    assertThat(perConversation).isLessThanOrEqualTo(57);
  }

  private void teamWithAnAgent(String name) {
    UUID team = staff.teams().stream().filter(t -> t.name().equals(name)).map(t -> t.id()).findFirst()
        .orElseGet(() -> staff.createTeam(name).id());
    UUID agent = staff.createAgent(name.toLowerCase() + "-" + UUID.randomUUID() + "@tact.test", name + " Agent",
        Role.AGENT, "pw-" + UUID.randomUUID()).id();
    staff.addMember(team, agent);
    staff.setAvailability(agent, true, 100);
  }

}
