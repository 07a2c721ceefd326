package dev.tact.portal;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactMerge;
import dev.tact.contact.Identity;
import dev.tact.contact.IdentityKind;
import dev.tact.contact.IdentityParser;
import dev.tact.conversation.Actor;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.conversation.Direction;
import dev.tact.conversation.Message;
import dev.tact.conversation.Status;
import dev.tact.delivery.DirectNotices;
import dev.tact.intake.Acknowledgement;
import dev.tact.intake.MessageIntake;
import dev.tact.intake.MessageSubmission;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer portal: sign-in links, the portal's own sessions, and what a signed-in customer may see and do with
 * their conversations. Whose conversations are theirs is decided here, once: those of their contact and of every
 * contact merged into it. A conversation of anyone else is answered exactly as one that does not exist.
 */
@Service
public class CustomerPortal {

  /** The longest reply a customer may write in the portal. */
  public static final int MAX_REPLY = 20_000;

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
      .withZone(ZoneOffset.UTC);
  private static final String ACTOR = "customer portal";

  private final JdbcClient jdbc;
  private final ContactManagement contacts;
  private final IdentityParser identities;
  private final ConversationManagement conversations;
  private final MessageIntake intake;
  private final DirectNotices notices;
  private final PortalProperties properties;
  private final Environment environment;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  CustomerPortal(JdbcClient jdbc, ContactManagement contacts, IdentityParser identities,
      ConversationManagement conversations, MessageIntake intake, DirectNotices notices, PortalProperties properties,
      Environment environment, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.contacts = contacts;
    this.identities = identities;
    this.conversations = conversations;
    this.intake = intake;
    this.notices = notices;
    this.properties = properties;
    this.environment = environment;
    this.clock = clock;
  }

  /** What a customer typed, as an email address or phone number; a 422 with the reason for anything else. */
  public Identity identityOf(String typed) {
    if (typed == null || typed.isBlank()) {
      throw ProblemException.invalid("missing-address", "Enter your email address or phone number.");
    }
    Identity identity;
    try {
      identity = identities.parse(typed);
    } catch (ProblemException e) {
      throw ProblemException.invalid("invalid-address", "'" + typed.strip()
          + "' is not an email address or a phone number.");
    }
    if (identity.kind() == IdentityKind.HANDLE) {
      throw ProblemException.invalid("invalid-address", "Enter an email address or a phone number.");
    }
    return identity;
  }

  /** Whether links can be texted (an SMS way out is configured). */
  public boolean canText() {
    return notices.wayOut(Channel.SMS).isPresent();
  }

  /**
   * Asks for a one-time sign-in link to this address or number, sent (after this commits, see
   * {@link PortalLinkRequested}) when it belongs to a contact, through the contact policy and the outbox; answers the
   * same whether or not it does.
   */
  @Transactional
  public LinkAnswer requestLink(Identity identity) {
    if (identity.kind() == IdentityKind.PHONE && !canText()) {
      return LinkAnswer.EMAIL_ONLY;
    }
    events.publishEvent(new PortalLinkRequested(identity.kind().name(), identity.value(), clock.instant()));
    return identity.kind() == IdentityKind.PHONE ? LinkAnswer.TEXTED : LinkAnswer.EMAILED;
  }

  /**
   * Sends the link asked for when the address belongs to a contact, after the request's commit (retried from the event
   * publication log until it completes). A request older than a link's validity is dropped: its asker has gone.
   */
  @ApplicationModuleListener
  void on(PortalLinkRequested requested) {
    if (!clock.instant().isBefore(requested.requestedAt().plus(properties.linkValidity()))) {
      return;
    }
    Identity identity = new Identity(IdentityKind.valueOf(requested.identityKind()), requested.identity(),
        requested.identity());
    // the same request handled twice (a retry after a crash) finds its outbox row and sends nothing more
    String key = "portal-link:" + PortalSecrets.hash(requested.identityKind() + ":" + requested.identity() + ":"
        + requested.requestedAt());
    contacts.findByIdentity(identity).ifPresent(contact -> send(contact, identity, key));
  }

  private void send(Contact contact, Identity identity, String key) {
    String secret = PortalSecrets.newSecret();
    UUID linkId = Ids.newId();
    Instant now = clock.instant();
    Instant expires = now.plus(properties.linkValidity());
    jdbc.sql("""
        INSERT INTO portal_link (id, contact_id, identity_kind, identity_value, token_hash, created_at, expires_at)
        VALUES (:id, :contact, :kind, :value, :hash, :now, :expires)""")
        .param("id", linkId).param("contact", contact.id()).param("kind", identity.kind().name())
        .param("value", identity.value()).param("hash", PortalSecrets.hash(secret)).param("now", utc(now))
        .param("expires", utc(expires)).update();
    String url = url("/portal/link/" + secret);
    if (identity.kind() == IdentityKind.PHONE) {
      notices.text(contact.id(), identity.value(), "Your link to your conversations with us: " + url
          + " It works once, for " + minutes() + ".", Purpose.TRANSACTIONAL, key, ACTOR);
      return;
    }
    notices.email(contact.id(), identity.value(), "Your link to your conversations", """
        Hello %s,

        Here is your link to read and answer your conversations with us:

        %s

        It works once, until %s. If you did not ask for it, ignore this mail: nothing happens without the link.
        """.formatted(contact.name(), url, WHEN.format(expires)), Purpose.TRANSACTIONAL, key, ACTOR);
  }

  private String minutes() {
    long minutes = Math.max(1, properties.linkValidity().toMinutes());
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }

  /** What this link is worth now, without using it (the page a link opens asks before it signs in). */
  public LinkState check(String secret) {
    if (!PortalSecrets.wellFormed(secret)) {
      return LinkState.UNKNOWN;
    }
    return jdbc.sql("SELECT expires_at, used_at FROM portal_link WHERE token_hash = :hash")
        .param("hash", PortalSecrets.hash(secret))
        .query((rs, n) -> rs.getObject("used_at") != null ? LinkState.USED
            : clock.instant().isBefore(instant(rs, "expires_at")) ? LinkState.VALID : LinkState.EXPIRED)
        .optional().orElse(LinkState.UNKNOWN);
  }

  /**
   * Uses the link: it is burned, and a portal session opens for its contact. Empty when the link is unknown, used or
   * expired (ask {@link #check} which); of two requests with the same link only one signs in.
   */
  @Transactional
  public Optional<PortalSignIn> signIn(String secret) {
    if (!PortalSecrets.wellFormed(secret)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String hash = PortalSecrets.hash(secret);
    int used = jdbc.sql("UPDATE portal_link SET used_at = :now WHERE token_hash = :hash AND used_at IS NULL"
            + " AND expires_at > :now")
        .param("now", utc(now)).param("hash", hash).update();
    if (used != 1) {
      return Optional.empty();
    }
    record Link(UUID id, UUID contactId, String kind, String value) {}
    Link link = jdbc.sql("SELECT id, contact_id, identity_kind, identity_value FROM portal_link WHERE token_hash = :hash")
        .param("hash", hash).query((rs, n) -> new Link(rs.getObject("id", UUID.class),
            rs.getObject("contact_id", UUID.class), rs.getString("identity_kind"), rs.getString("identity_value")))
        .single();
    String sessionSecret = PortalSecrets.newSecret();
    Instant expires = now.plus(properties.sessionLifetime());
    jdbc.sql("""
        INSERT INTO portal_session (id, contact_id, identity_kind, identity_value, link_id, token_hash, created_at,
          idle_until, expires_at)
        VALUES (:id, :contact, :kind, :value, :link, :hash, :now, :idle, :expires)""")
        .param("id", Ids.newId()).param("contact", link.contactId()).param("kind", link.kind())
        .param("value", link.value()).param("link", link.id()).param("hash", PortalSecrets.hash(sessionSecret))
        .param("now", utc(now)).param("idle", utc(earlier(now.plus(properties.sessionIdle()), expires)))
        .param("expires", utc(expires)).update();
    return Optional.of(new PortalSignIn(sessionSecret, expires));
  }

  /** The customer this session secret (the portal cookie) signs in, while the session lasts; each use extends it. */
  public Optional<PortalCustomer> customer(String sessionSecret) {
    if (!PortalSecrets.wellFormed(sessionSecret)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    record Session(UUID id, UUID contactId, String kind, String value, Instant idleUntil, Instant expiresAt) {}
    Optional<Session> found = jdbc.sql("""
            SELECT id, contact_id, identity_kind, identity_value, idle_until, expires_at FROM portal_session
            WHERE token_hash = :hash AND ended_at IS NULL AND idle_until > :now AND expires_at > :now""")
        .param("hash", PortalSecrets.hash(sessionSecret)).param("now", utc(now))
        .query((rs, n) -> new Session(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class),
            rs.getString("identity_kind"), rs.getString("identity_value"), instant(rs, "idle_until"),
            instant(rs, "expires_at")))
        .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Session session = found.get();
    Optional<Contact> contact = contacts.find(session.contactId()); // a merged-away contact answers as the survivor
    if (contact.isEmpty()) {
      return Optional.empty();
    }
    Instant idle = earlier(now.plus(properties.sessionIdle()), session.expiresAt());
    if (idle.isAfter(session.idleUntil().plusSeconds(60))) { // at most one write a minute per session
      jdbc.sql("UPDATE portal_session SET idle_until = :idle WHERE id = :id").param("idle", utc(idle))
          .param("id", session.id()).update();
    }
    return Optional.of(new PortalCustomer(session.id(), contact.get().id(), contact.get().name(),
        IdentityKind.valueOf(session.kind()), session.value(), family(contact.get().id())));
  }

  /** Ends the session of this secret (signing out); nothing when there is none. */
  public void signOut(String sessionSecret) {
    if (PortalSecrets.wellFormed(sessionSecret)) {
      jdbc.sql("UPDATE portal_session SET ended_at = :now WHERE token_hash = :hash AND ended_at IS NULL")
          .param("now", utc(clock.instant())).param("hash", PortalSecrets.hash(sessionSecret)).update();
    }
  }

  /** The contact and every contact merged into it, directly or through others. */
  private Set<UUID> family(UUID survivor) {
    Set<UUID> all = new LinkedHashSet<>();
    Deque<UUID> next = new ArrayDeque<>(List.of(survivor));
    while (!next.isEmpty() && all.size() < 1000) {
      UUID id = next.pop();
      if (all.add(id)) {
        contacts.mergesInto(id).stream().map(ContactMerge::mergedId).forEach(next::add);
      }
    }
    return all;
  }

  /**
   * The customer's conversations, the newest activity first. One snapshot for every contact of the family: a merge
   * moves conversations to the survivor while this reads, and reading contact by contact at different moments could
   * miss one that moved from a contact not yet read to one already read.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public List<ConversationSummary> conversations(PortalCustomer customer) {
    Map<UUID, ConversationSummary> all = new LinkedHashMap<>();
    for (UUID contactId : customer.contactIds()) {
      conversations.ofContact(contactId).forEach(c -> all.putIfAbsent(c.id(), c));
    }
    return all.values().stream().sorted(Comparator.comparing(CustomerPortal::lastActivity).reversed()).toList();
  }

  private static Instant lastActivity(ConversationSummary c) {
    return c.lastMessageAt() != null ? c.lastMessageAt() : c.createdAt();
  }

  /**
   * The customer's conversation by number or id, with the messages they may read: what they wrote and what we
   * answered, no internal notes. Empty for a conversation of anyone else, exactly as for one that does not exist.
   */
  public Optional<CustomerConversation> conversation(PortalCustomer customer, String reference) {
    return own(customer, reference).flatMap(c -> conversations.details(c.id())).map(details ->
        new CustomerConversation(details.conversation(), details.messages().stream()
            .filter(CustomerPortal::customerVisible).toList()));
  }

  private static boolean customerVisible(Message message) {
    return message.direction() == Direction.INBOUND || message.direction() == Direction.OUTBOUND;
  }

  private Optional<ConversationSummary> own(PortalCustomer customer, String reference) {
    return conversations.findByReference(reference).filter(c -> c.contactId() != null
        && customer.contactIds().contains(c.contactId()));
  }

  private ConversationSummary requireOwn(PortalCustomer customer, String reference) {
    return own(customer, reference).orElseThrow(() -> ProblemException.notFound("conversation", reference));
  }

  /**
   * The customer's reply, handed to intake as an inbound message naming its conversation, so that the one road files
   * it. {@code replyKey} is the form's own key: the same form sent twice is one message.
   */
  public Acknowledgement reply(PortalCustomer customer, String reference, String text, String replyKey) {
    ConversationSummary c = requireOwn(customer, reference);
    if (c.status() == Status.CLOSED) {
      throw ProblemException.conflict("conversation-closed", "This conversation is closed. To write to us again, "
          + "send us a new message.");
    }
    if (text == null || text.isBlank()) {
      throw ProblemException.invalid("empty-reply", "Write your reply first.");
    }
    if (text.length() > MAX_REPLY) {
      throw ProblemException.invalid("reply-too-long", "Your reply has " + text.length()
          + " characters; at most " + MAX_REPLY + " fit.");
    }
    UUID key;
    try {
      key = UUID.fromString(replyKey == null ? "" : replyKey.strip());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-reply-key", "The form was incomplete; open the conversation again.");
    }
    return intake.submit(new MessageSubmission(Channel.WEB.id(), customer.identity(), null, null, null, null,
        text.strip(), "portal:" + customer.contactId() + ":" + key, null, c.id().toString()));
  }

  /** Closes the customer's conversation; its history says the customer did. */
  public ConversationSummary close(PortalCustomer customer, String reference) {
    ConversationSummary c = requireOwn(customer, reference);
    return conversations.changeStatus(c.id(), Actor.contact(customer.contactId(), customer.name()), Status.CLOSED);
  }

  /** Forgets links and sessions a day after they stopped working. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT15M")
  @Transactional
  public void forgetOld() {
    var before = utc(clock.instant().minusSeconds(86_400));
    jdbc.sql("DELETE FROM portal_session WHERE expires_at < :before OR ended_at < :before OR idle_until < :before")
        .param("before", before).update();
    jdbc.sql("DELETE FROM portal_link WHERE expires_at < :before AND NOT EXISTS "
        + "(SELECT 1 FROM portal_session s WHERE s.link_id = portal_link.id)").param("before", before).update();
  }

  private String url(String path) {
    String base = properties.baseUrl();
    if (base.isEmpty()) {
      base = environment.getProperty("tact.staff.base-url", "").strip();
    }
    if (base.isEmpty()) {
      base = "http://localhost:" + environment.getProperty("local.server.port",
          environment.getProperty("server.port", "8080"));
    }
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
