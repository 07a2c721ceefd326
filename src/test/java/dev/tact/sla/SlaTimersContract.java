package dev.tact.sla;

import dev.tact.testsupport.MutableClock;
import static dev.tact.sla.SlaClocksContract.winnipeg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.HistoryEntry;
import dev.tact.conversation.InboundMessage;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Tier;
import dev.tact.timer.Timers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The Winnipeg example on the durable timers themselves (sla.timer's poller, the application's clock moved by
 * the test): the warning and the breach fire once each, and the breach escalates once.
 */
abstract class SlaTimersContract {

  @TestConfiguration
  static class Fixtures {

    @Bean
    @Primary
    MutableClock testClock() {
      return new MutableClock(Instant.parse("2011-10-03T14:00:00Z"));
    }
  }

  @Autowired
  MutableClock clock;

  @Autowired
  Timers timers;

  @Autowired
  ConversationManagement conversations;

  @Autowired
  ContactManagement contacts;

  @Autowired
  StaffDirectory staff;

  @Autowired
  TeamCalendars calendars;

  @Autowired
  SlaPolicies policies;

  @Autowired
  SlaClocks clocks;

  @Test
  void shouldWarnAndBreachOnceEachOnTheDurableTimersAndEscalateOnce() {
    UUID team = staff.createTeam("Winnipeg " + UUID.randomUUID()).id();
    calendars.save(team, "America/Winnipeg", HoursText.parse("mon-fri 09:00-17:00").intervals(), "CA", "mb", true);
    policies.create(new SlaPolicyDraft("Winnipeg", null, null, null, List.of(team.toString()), 240, null, null, null,
        null));
    clock.set(winnipeg(2011, 10, 7, 16, 30));
    String address = "pat-" + UUID.randomUUID() + "@customer.test";
    UUID contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
        new ContactNames("Pat Customer", null, null)).id();
    UUID conversation = conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact,
        "Pat Customer", "Invoices", "Our invoices are wrong", null, null, null, clock.instant(), List.of(), null, null,
        team, false, false, null)).conversationId();
    String key = conversation + "/FIRST_RESPONSE/0";
    assertThat(timers.find(SlaClocks.BREACH_TIMER, key).orElseThrow().dueAt()).isEqualTo(winnipeg(2011, 10, 11, 12, 30));
    assertThat(timers.find(SlaClocks.WARNING_TIMER, key).orElseThrow().dueAt()).isEqualTo(winnipeg(2011, 10, 11, 11, 30));

    clock.set(winnipeg(2011, 10, 11, 11, 30));
    await().atMost(Duration.ofSeconds(20)).until(() -> timers.find(SlaClocks.WARNING_TIMER, key).isEmpty());
    assertThat(history(conversation, "SLA_WARNING")).hasSize(1);
    assertThat(history(conversation, "SLA_BREACHED")).isEmpty();
    assertThat(timers.find(SlaClocks.BREACH_TIMER, key)).isPresent();

    clock.set(winnipeg(2011, 10, 11, 12, 30));
    await().atMost(Duration.ofSeconds(20)).until(() -> timers.find(SlaClocks.BREACH_TIMER, key).isEmpty());
    assertThat(history(conversation, "SLA_WARNING")).hasSize(1);
    assertThat(history(conversation, "SLA_BREACHED")).hasSize(1);
    assertThat(history(conversation, "ESCALATED")).hasSize(1);
    assertThat(conversations.findByReference(conversation.toString()).orElseThrow().tier()).isEqualTo(Tier.SPECIALIST);
    assertThat(clocks.state(conversation).orElseThrow().clocks().stream()
        .filter(c -> c.metric() == SlaMetric.FIRST_RESPONSE).findFirst().orElseThrow().breachedAt())
        .isEqualTo(winnipeg(2011, 10, 11, 12, 30));

    conversations.reply(conversation, Actor.agent(null, "Sam Agent"), "Sorry for the wait.");
    assertThat(timers.find(SlaClocks.BREACH_TIMER, key)).isEmpty();
    assertThat(timers.find(SlaClocks.WARNING_TIMER, key)).isEmpty();
  }

  private List<HistoryEntry> history(UUID conversation, String kind) {
    return conversations.requireDetails(conversation).history().stream().filter(h -> h.kind().equals(kind)).toList();
  }
}
