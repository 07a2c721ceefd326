package dev.tact.demo;

import dev.tact.conversation.Actor;
import dev.tact.compose.Replies;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.Message;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Priority;
import dev.tact.conversation.Status;
import dev.tact.intake.Acknowledgement;
import dev.tact.intake.InboundItems;
import dev.tact.intake.ItemState;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.IncomingMail;
import dev.tact.intake.MessageSubmission;
import dev.tact.sla.SlaPolicies;
import dev.tact.sla.SlaPolicyDraft;
import dev.tact.sla.TeamCalendars;
import dev.tact.staff.Agent;
import dev.tact.staff.Role;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Team;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.stereotype.Component;

/** Fills an empty installation with a workspace to try Tact on, and prints each agent's login once. */
@Component
class DemoWorkspace implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoWorkspace.class);
  static final String ADMIN_EMAIL = "admin@tact.local";
  /** How long the demo waits for the pipeline, and then for its listeners. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final DemoProperties properties;
  private final StaffDirectory staff;
  private final MessageIntake intake;
  private final InboundItems items;
  private final ConversationManagement conversations;
  private final Replies replies;
  private final TeamCalendars calendars;
  private final SlaPolicies policies;
  private final Environment environment;
  private final EventPublicationRegistry publications;

  DemoWorkspace(DemoProperties properties, StaffDirectory staff, MessageIntake intake, InboundItems items,
      ConversationManagement conversations, Replies replies, TeamCalendars calendars, SlaPolicies policies,
      Environment environment, EventPublicationRegistry publications) {
    this.publications = publications;
    this.replies = replies;
    this.environment = environment;
    this.calendars = calendars;
    this.policies = policies;
    this.properties = properties;
    this.staff = staff;
    this.intake = intake;
    this.items = items;
    this.conversations = conversations;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled() || staff.hasAnyAgent()) {
      return;
    }
    String adminPassword = properties.adminPassword() != null ? properties.adminPassword() : randomPassword();
    // every agent a password of their own (so that no agent can sign in as another); one for all only when a test
    // sets tact.demo.agent-password
    Map<String, String> logins = new LinkedHashMap<>();
    logins.put(ADMIN_EMAIL, adminPassword);
    Agent admin = staff.createAgent(ADMIN_EMAIL, "Ada Admin", Role.ADMIN, adminPassword);
    Agent lead = demoAgent("lena.lead@tact.local", "Lena Lead", Role.LEAD, logins);
    Agent sam = demoAgent("sam.support@tact.local", "Sam Support", Role.AGENT, logins);
    Agent priya = demoAgent("priya.tech@tact.local", "Priya Tech", Role.AGENT, logins);
    Agent bo = demoAgent("bo.billing@tact.local", "Bo Billing", Role.AGENT, logins);
    Team presales = staff.createTeam("Presales");
    Team technical = staff.createTeam("Technical");
    Team billing = staff.createTeam("Billing");
    staff.addMember(presales.id(), sam.id());
    staff.addMember(presales.id(), lead.id());
    staff.addMember(technical.id(), priya.id());
    staff.addMember(technical.id(), lead.id());
    staff.addMember(billing.id(), bo.id());
    serviceTargets(presales, technical, billing);

    List<Acknowledgement> acks = List.of(
        intake.submit(message("email", "marguerite.dubois@example.fr", "Marguerite Dubois", "Marguerite", "Dubois",
            "Quote for 40 seats", "Bonjour, could you send a quote for 40 seats of the business plan?", "demo-1", null)),
        intake.submit(message("social", "twitter:@hostwatcher", "Jonas van der Berg", "Jonas", "van der Berg",
            null, "@tact my host has been under attack since 9am, sites are down", "demo-2", "tw-thread-77")),
        intake.submit(message("phone", "+1 204 555 0142", "Kenji Watanabe", "健二", "渡辺",
            "Call: password reset", "Caller could not reset his password; the reset mail never arrived.", "demo-3", null)),
        intake.submit(message("email", "billing@acme-reseller.example", "Siobhán Ní Bhriain", "Siobhán", "Ní Bhriain",
            "Invoice 2231 charged twice", "Hello, our card was charged twice for invoice 2231. Can you refund one?", "demo-4", null)),
        intake.submit(message("chat", "zoe.lukasiewicz@example.pl", "Zoë Łukasiewicz", "Zoë", "Łukasiewicz",
            null, "Quick question: does the starter plan include SSL certificates?", "demo-5", "chat-5")),
        intake.submit(message("social", "twitter:@hostwatcher", null, null, null,
            null, "@tact still down, any update?", "demo-6", "tw-thread-77")));
    awaitPipeline(acks);
    // routing places the new conversations in listeners of its own; assigning them while it does waits on its row
    // locks, longer than the database's lock timeout on a busy machine
    awaitListeners();

    Actor leadActor = Actor.agent(lead.id(), lead.displayName());
    assignByExternalThread(acks.get(0), leadActor, sam.id(), presales.id(), Priority.NORMAL, "quote");
    assignByExternalThread(acks.get(1), leadActor, priya.id(), technical.id(), Priority.URGENT, "outage");
    assignByExternalThread(acks.get(3), leadActor, bo.id(), billing.id(), Priority.HIGH, "refund");
    ConversationSummary outage = conversationOf(acks.get(1));
    conversations.addNote(outage.id(), Actor.agent(priya.id(), priya.displayName()),
        "Checked the edge nodes: DDoS mitigation is engaged. Do not call the customer; reply on Twitter.");
    Message refund = replies.reply(conversationOf(acks.get(3)).id(), Actor.agent(bo.id(), bo.displayName()),
        "Dear Siobhán, thank you for telling us. The second charge is refunded; you will see it within 3 days.");
    conversations.changeStatus(conversationOf(acks.get(3)).id(), Actor.agent(bo.id(), bo.displayName()), Status.PENDING);
    // Her answer comes by email, as raw MIME: it threads back by In-Reply-To and shows quote stripping and attachments.
    awaitPipeline(List.of(intake.submitMail(new IncomingMail(DemoMail.answerTo(refund.externalId()), "api", null,
        "billing@acme-reseller.example", List.of(), null))));
    // One vendor pitch mailed to three of our addresses: noise control files it once, with three reports.
    awaitPipeline(java.util.stream.Stream.of("Dear sales team,", "Dear support,", "Hello billing team,")
        .map(greeting -> intake.submit(message("email", "vera@pitchly.example", "Vera Vendor", "Vera", "Vendor",
            "Cut purchasing costs by 30%", greeting + "\n\n" + PITCH, "demo-pitch-" + greeting.hashCode(), null)))
        .toList());

    StringBuilder lines = new StringBuilder();
    logins.forEach((email, password) -> lines.append("   %-26s  %s%n".formatted(email, password)));
    System.out.println("""

        ==================================================================
         Tact demo workspace created. These logins are printed only once:
        %s Open http://localhost:%s
        ==================================================================
        """.formatted(lines, environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"))));
    log.info("Demo workspace created with {} conversations", acks.size() - 1);
  }

  private Agent demoAgent(String email, String name, Role role, Map<String, String> logins) {
    String password = properties.agentPassword() != null ? properties.agentPassword() : randomPassword();
    logins.put(email, password);
    return staff.createAgent(email, name, role, password);
  }

  /** Calendars in three zones and three policies, so that the inbox shows time left and breaches. */
  private void serviceTargets(Team presales, Team technical, Team billing) {
    calendars.save(presales.id(), "America/Winnipeg", TeamCalendars.parseHours("mon-fri 09:00-17:00"), "CA", "mb",
        true);
    calendars.save(technical.id(), "Europe/London",
        TeamCalendars.parseHours("mon-fri 08:00-20:00\nsat 10:00-14:00"), "GB", "eng", true);
    calendars.save(billing.id(), "Europe/Berlin", TeamCalendars.parseHours("mon-fri 09:00-17:00"), "DE", "be", true);
    policies.create(new SlaPolicyDraft("VIP customers", null, null, List.of("vip"), null, 60, 120, 480, null, null));
    policies.create(new SlaPolicyDraft("Urgent", List.of("urgent"), null, null, null, 60, 120, 960, null, null));
    policies.create(new SlaPolicyDraft("Standard", null, null, null, null, 240, 480, 2400, null, null));
  }

  private static final String PITCH = """
      we help companies like yours cut purchasing costs by thirty percent within one quarter. Our procurement
      platform connects to your accounting system in an afternoon and needs no training. May I book twenty
      minutes next week for a short demonstration?

      Best regards,
      Vera Vendor, Pitchly""";

  private void assignByExternalThread(Acknowledgement ack, Actor actor, UUID agent, UUID team, Priority priority,
      String tag) {
    ConversationSummary c = conversationOf(ack);
    conversations.assign(c.id(), actor, agent, team);
    conversations.changePriority(c.id(), actor, priority);
    conversations.addTags(c.id(), actor, List.of(tag));
  }

  private ConversationSummary conversationOf(Acknowledgement ack) {
    UUID conversationId = items.require(ack.itemId()).conversationId();
    return conversations.findByReference(conversationId.toString()).orElseThrow();
  }

  /** The demo's own messages are processed by the pipeline; wait until they are, bounded. */
  private void awaitPipeline(List<Acknowledgement> acks) {
    Instant deadline = Instant.now().plus(WAIT);
    for (Acknowledgement ack : acks) {
      if (timesOut(deadline, () -> items.require(ack.itemId()).state() != ItemState.PENDING)) {
        throw new IllegalStateException(
            "the intake pipeline did not process the demo messages within " + WAIT.toSeconds() + " s");
      }
    }
  }

  /** The listeners of what the demo filed have run (or failed), bounded: then the demo edits its conversations. */
  private void awaitListeners() {
    if (timesOut(Instant.now().plus(WAIT), () -> publications.findIncompletePublications().stream()
        .allMatch(p -> p.getStatus() == EventPublication.Status.FAILED))) {
      log.warn("The demo's listeners did not finish within {} s; assigning its conversations anyway", WAIT.toSeconds());
    }
  }

  /** Looks every 20 ms until {@code done}; answers whether the deadline passed first (not when interrupted). */
  private static boolean timesOut(Instant deadline, BooleanSupplier done) {
    while (!done.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private static MessageSubmission message(String channel, String sender, String name, String given, String family,
      String subject, String text, String externalId, String thread) {
    return new MessageSubmission(channel, sender, name, given, family, subject, text, externalId, thread, null);
  }

  private static String randomPassword() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    SecureRandom random = new SecureRandom();
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      password.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return password.toString();
  }
}
