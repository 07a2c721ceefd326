package dev.tact.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Direction;
import dev.tact.routing.FrontDoor;
import dev.tact.routing.RoutingRules;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A vendor pitch goes to its owner once, copies included, and its sender gets the standard answer once. */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:vendor-pitch;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
    "tact.demo.enabled=false", "tact.intake.imap.enabled=false", "tact.intake.pipeline.enabled=false",
    "tact.routing.enabled=true", "tact.noise.vendor-pitch-owner=owner@example.com",
    "tact.noise.vendor-pitch-answer=true", "tact.noise.vendor-pitch-answer-text=Thank you, we will be in touch.",
    "tact.secrets.key=dGFjdC10ZXN0LWtleS0zMi1ieXRlcy1sb25nISEhISE="})
class VendorPitchIntegrationTests {

  @Autowired
  PlatformTransactionManager transactionManager;

  @Autowired
  IdentityParser identities;

  @Autowired
  ContactManagement contacts;

  @Autowired
  NoiseControl noise;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  StaffDirectory staff;

  @Autowired
  RoutingRules rules;

  @Autowired
  Clock clock;

  @Autowired
  FrontDoor door;

  @Test
  void shouldGiveAPitchAndItsCopiesToTheOwnerOnceAndAnswerTheSenderOnce() {
    Agent owner = owner();
    rules.add("keyword", "procurement", "vendor_pitch", null, null);
    Inbox inbox = new Inbox(new TransactionTemplate(transactionManager), identities, contacts, noise, conversations);
    String vendor = "vera-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";

    UUID first = inbox.receive(vendor, "Save 30%", "Dear CEO, " + NoisePagesTests.PITCH, clock.instant())
        .conversationId();
    Inbox.Filed copy = inbox.receive(vendor, "Save 30%", "Dear CFO, " + NoisePagesTests.PITCH, clock.instant());
    UUID second = inbox.receive(vendor, "Webinar", "Join our free webinar on procurement analytics next Thursday, "
        + "where our founders explain supplier scoring, contract tracking and spend dashboards in detail.",
        clock.instant()).conversationId();
    UUID question = inbox.receive("customer-" + UUID.randomUUID() + "@example.net", "Invoice",
        "Why was my invoice for October charged twice on my credit card? Please refund one of them.",
        clock.instant()).conversationId();

    assertThat(copy.decision().conversationId()).isEqualTo(first);
    assertThat(second).isNotEqualTo(first);
    await().atMost(Duration.ofSeconds(20)).until(() -> List.of(first, second).stream()
        .allMatch(id -> owner.id().equals(conversations.requireDetails(id).conversation().assigneeId())));
    // no team takes vendor pitches, so the front door put them in triage; given to their owner, they leave it
    assertThat(List.of(first, second)).allSatisfy(id -> {
      assertThat(conversations.requireDetails(id).conversation().tags()).contains("intent:vendor-pitch")
          .doesNotContain("triage");
      assertThat(door.intentOf(id).orElseThrow().triage()).isFalse();
    });
    // The answer is written by compose's listener after the assignment commits: wait for it, then count.
    java.util.function.Supplier<Long> answers = () -> List.of(first, second).stream()
        .flatMap(id -> conversations.requireDetails(id).messages().stream())
        .filter(m -> m.direction() == Direction.OUTBOUND).peek(m -> assertThat(m.body())
            .isEqualTo("Thank you, we will be in touch.")).count();
    await().atMost(Duration.ofSeconds(20)).until(() -> answers.get() >= 1);
    assertThat(answers.get()).as("the standard answer once per sender").isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> conversations.requireDetails(question).conversation().tags()
        .stream().anyMatch(t -> t.startsWith("intent:") || t.equals("triage")));
    assertThat(conversations.requireDetails(question).conversation().assigneeId()).isNotEqualTo(owner.id());
  }

  @Test
  void shouldGiveAnAutomaticallySentPitchToTheOwnerWithoutAnsweringIt() {
    Agent owner = owner();
    rules.add("keyword", "tenderbot", "vendor_pitch", null, null);
    Inbox inbox = new Inbox(new TransactionTemplate(transactionManager), identities, contacts, noise, conversations);
    String robot = "news-" + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";

    UUID pitch = inbox.receive(robot, "Tenders this week", "The tenderbot digest: twelve new supplier "
        + "offers for your purchasing department, with prices, delivery terms and contacts.", clock.instant(), true)
        .conversationId();

    await().atMost(Duration.ofSeconds(20))
        .until(() -> owner.id().equals(conversations.requireDetails(pitch).conversation().assigneeId()));
    assertThat(conversations.requireDetails(pitch).messages()).extracting(m -> m.direction())
        .as("no standard answer to a machine").containsOnly(Direction.INBOUND);
  }

  /** The owner named in tact.noise.vendor-pitch-owner (both tests need it; whichever runs first makes it). */
  private Agent owner() {
    return staff.findAgentByEmail("owner@example.com")
        .orElseGet(() -> staff.createAgent("owner@example.com", "Olivia Owner", Role.AGENT, "Long-enough-pass-1"));
  }
}
