package dev.tact.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.InboundMessage;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.sla.SlaMetric;
import dev.tact.sla.SlaWarned;
import dev.tact.staff.Accounts;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.testsupport.StaffMailbox;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications end to end, with GreenMail as the SMTP relay (run on H2 and on PostgreSQL by the subclasses): other modules' events become an agent's
 * notifications (once), the bell counts them, the list marks them read, and a mention mails the agent's own address.
 */
@AutoConfigureMockMvc
abstract class NotificationsContract {

  @DynamicPropertySource
  static void mailRelay(DynamicPropertyRegistry registry) {
    registry.add("tact.delivery.smtp.host", () -> "127.0.0.1");
    registry.add("tact.delivery.smtp.port", StaffMailbox::port);
  }

  @Autowired MockMvc mvc;
  @Autowired Notifications notifications;
  @Autowired StaffDirectory staff;
  @Autowired ConversationManagement conversations;
  @Autowired ContactManagement contacts;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  Agent nora;
  Agent otto;
  UUID team;

  @BeforeEach
  void agents() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    nora = staff.createAgent("nora-" + run + "@tact.test", "Nora Quist " + run, Role.AGENT, "pw-nora-12345678");
    otto = staff.createAgent("otto-" + run + "@tact.test", "Otto Berg " + run, Role.AGENT, "pw-otto-12345678");
    team = staff.createTeam("Desk " + run).id();
  }

  @Test
  void shouldTellTheAgentAConversationWasAssignedToThemButNotWhenTheyTookItThemselves() throws Exception {
    ConversationSummary c = open("Printer on fire");
    conversations.assign(c.id(), Actor.agent(otto.id(), otto.displayName()), nora.id(), null);
    conversations.assign(open("Taken by myself").id(), Actor.agent(otto.id(), otto.displayName()), otto.id(), null);

    Notification assigned = awaitOne(nora, NotificationKind.ASSIGNED);
    assertThat(assigned.text()).isEqualTo("#" + c.number() + " Printer on fire was assigned to you by "
        + otto.displayName() + ".");
    assertThat(assigned.conversationNumber()).isEqualTo(c.number());

    Document inbox = page("/", nora);
    assertThat(inbox.select("header a.bell .count").text()).isEqualTo("1");
    assertThat(notifications.forAgent(otto.id(), 10)).as("nobody tells Otto what he did himself").isEmpty();
  }

  @Test
  void shouldTellTheAssigneeTheCustomerAnsweredButNotOfTheFirstMessage() {
    ConversationSummary c = open("Where is my parcel");
    conversations.assign(c.id(), Actor.agent(nora.id(), nora.displayName()), nora.id(), null);
    customerWrites(c, "It arrived broken, see photo");

    Notification answered = awaitOne(nora, NotificationKind.CUSTOMER_REPLIED);
    assertThat(answered.text()).isEqualTo("The customer answered on #" + c.number()
        + " Where is my parcel: “It arrived broken, see photo”");
    assertThat(notifications.forAgent(nora.id(), 10)).hasSize(1);
  }

  @Test
  void shouldNotifyAndMailTheColleagueANoteMentionsButNotItsAuthor() {
    ConversationSummary c = open("Refund for order 7781");
    conversations.addNote(c.id(), Actor.agent(otto.id(), otto.displayName()),
        "@" + nora.displayName() + " do we refund shipping too? (I asked @" + otto.displayName() + " already)");

    Notification mention = awaitOne(nora, NotificationKind.MENTIONED);
    assertThat(mention.text()).startsWith(otto.displayName() + " mentioned you in a note on #" + c.number());

    MimeMessage mail = StaffMailbox.await(nora.email(), 1);
    assertThat(StaffMailbox.text(mail)).contains("do we refund shipping too?")
        .contains("/conversations/" + c.number()).contains("EST"); // the time in the site's zone, named
    assertThat(notifications.forAgent(otto.id(), 10)).isEmpty();
  }

  @Test
  void shouldNotifyOncePerCauseSoThatAnEventDeliveredTwiceMailsOnce() {
    var notice = new Notifications.Notice(nora.id(), NotificationKind.MENTIONED, "mention:" + UUID.randomUUID(),
        null, null, "Mentioned", "You were mentioned.");

    assertThat(notifications.notify(notice)).isTrue();
    assertThat(notifications.notify(notice)).isFalse();

    assertThat(notifications.unreadCount(nora.id())).isEqualTo(1);
    StaffMailbox.await(nora.email(), 1);
    assertThat(outboxRowsTo(nora.email())).isEqualTo(1);
  }

  @Test
  void shouldFollowTheAgentsChoicesOfWhatToHearAndHow() throws Exception {
    mvc.perform(post("/notifications/preferences").with(as(nora)).with(csrf())
            .param("app", "customer_replied", "mentioned", "sla").param("email", "assigned"))
        .andExpect(redirectedUrl("/notifications"));
    assertThat(notifications.preferences(nora.id()).get(NotificationKind.ASSIGNED))
        .isEqualTo(new NotificationPreference(NotificationKind.ASSIGNED, false, true));

    ConversationSummary c = open("Invoice address");
    conversations.assign(c.id(), Actor.agent(otto.id(), otto.displayName()), nora.id(), null);

    MimeMessage mail = StaffMailbox.await(nora.email(), 1);
    assertThat(mail.getSubject()).isEqualTo("#" + c.number() + " Invoice address — assigned to you");
    assertThat(notifications.forAgent(nora.id(), 10)).as("not in the app: she chose email only").isEmpty();
  }

  @Test
  void shouldTellTheAssigneeOfAnSlaWarning() {
    ConversationSummary c = open("Down since noon");
    conversations.assign(c.id(), Actor.system(), nora.id(), null);
    transactions.executeWithoutResult(s -> events.publishEvent(
        new SlaWarned(c.id(), SlaMetric.FIRST_RESPONSE, 1, Instant.now().plusSeconds(600), Instant.now())));

    Notification warning = awaitOne(nora, NotificationKind.SLA);
    assertThat(warning.text()).isEqualTo("The first response target of #" + c.number() + " Down since noon is due soon.");
  }

  @Test
  void shouldMarkOneReadOpeningItsConversationThenAllButNeverAnotherAgents() throws Exception {
    ConversationSummary first = open("First");
    ConversationSummary second = open("Second");
    conversations.assign(first.id(), Actor.agent(otto.id(), otto.displayName()), nora.id(), null);
    conversations.assign(second.id(), Actor.agent(otto.id(), otto.displayName()), nora.id(), null);
    await().atMost(Duration.ofSeconds(20)).until(() -> notifications.unreadCount(nora.id()) == 2);
    Notification ofFirst = notifications.forAgent(nora.id(), 10).stream()
        .filter(n -> n.conversationNumber() == first.number()).findFirst().orElseThrow();

    mvc.perform(post("/notifications/" + ofFirst.id() + "/read").with(as(otto)).with(csrf()))
        .andExpect(redirectedUrl("/notifications")).andExpect(flash().attributeExists("problem"));
    assertThat(notifications.unreadCount(nora.id())).isEqualTo(2);

    mvc.perform(post("/notifications/" + ofFirst.id() + "/read").with(as(nora)).with(csrf()).param("open", "true"))
        .andExpect(redirectedUrl("/conversations/" + first.number()));
    assertThat(notifications.unreadCount(nora.id())).isEqualTo(1);

    mvc.perform(post("/notifications/read").with(as(nora)).with(csrf()))
        .andExpect(flash().attribute("notice", "1 notification marked read."));
    assertThat(notifications.unreadCount(nora.id())).isZero();
    assertThat(page("/notifications", nora).select("#notifications .notification.unread")).isEmpty();
  }

  @Test
  void shouldSuggestActiveColleaguesForAnAtMention() throws Exception {
    String json = mvc.perform(get("/notifications/mentionable").param("q", nora.displayName().substring(0, 7))
        .with(as(otto))).andReturn().getResponse().getContentAsString();

    assertThat(json).contains("\"handle\":\"" + nora.displayName() + "\"").doesNotContain(otto.displayName());
  }

  @Test
  void shouldShowTimesInTheAgentsOwnZoneNamedElseInTheSitesZone() throws Exception {
    accounts.updateProfile(nora.id(), nora.displayName(), "Asia/Tokyo", null, List.of());
    ConversationSummary c = open("Which zone is this");
    conversations.assign(c.id(), Actor.agent(otto.id(), otto.displayName()), nora.id(), null);
    Instant opened = c.createdAt();

    String forNora = page("/conversations/" + c.number(), nora).select(".meta").text();
    String forOtto = page("/conversations/" + c.number(), otto).select(".meta").text();

    assertThat(forNora).contains("opened " + local(opened, "Asia/Tokyo") + " JST");
    String newYork = local(opened, "America/New_York");
    assertThat(forOtto).as("Otto chose no zone: the site's, tact.staff.time-zone")
        .containsAnyOf("opened " + newYork + " EST", "opened " + newYork + " EDT");
    awaitOne(nora, NotificationKind.ASSIGNED);
    assertThat(page("/notifications", nora).select("#notifications .notification .nowrap").text()).endsWith(" JST");
  }

  private static String local(Instant instant, String zone) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of(zone))
        .format(instant);
  }

  private Notification awaitOne(Agent agent, NotificationKind kind) {
    await().atMost(Duration.ofSeconds(20)).until(() -> notifications.forAgent(agent.id(), 10).stream()
        .anyMatch(n -> n.kind() == kind));
    return notifications.forAgent(agent.id(), 10).stream().filter(n -> n.kind() == kind).findFirst().orElseThrow();
  }

  private long outboxRowsTo(String address) {
    return jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE recipient = :to").param("to", address)
        .query(Long.class).single();
  }

  private Document page(String path, Agent agent) throws Exception {
    return Jsoup.parse(mvc.perform(get(path).with(as(agent))).andReturn().getResponse().getContentAsString());
  }

  private static RequestPostProcessor as(Agent agent) {
    return user(agent.email()).roles("AGENT");
  }

  private ConversationSummary open(String subject) {
    String address = "customer-" + UUID.randomUUID() + "@customer.test";
    UUID contact = contacts.resolve(new Identity(IdentityKind.EMAIL, address, address),
        new ContactNames("Sam", null, null)).id();
    long number = conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, contact, "Sam",
        subject, "Hello", null, null, null, Instant.now(), List.of(), null, null, team, false, false, null)).number();
    return conversations.findByReference(Long.toString(number)).orElseThrow();
  }

  private void customerWrites(ConversationSummary c, String text) {
    conversations.receiveInbound(new InboundMessage(Ids.newId(), null, Channel.WEB, c.contactId(), "Sam",
        c.subject(), text, null, null, Long.toString(c.number()), Instant.now(), List.of(), null, null, team, false,
        false, null));
  }
}
