package dev.tact.routing;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.contact.Contact;
import dev.tact.conversation.ConversationDetails;
import dev.tact.mail.MailArchive;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.Tier;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The admins' routing rules (API), and which one a new conversation matches first. */
@Service
public class RoutingRules {

  private static final int MAX_POSITION = 10_000;

  private static final Pattern INTENT = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  private static final Pattern ADDRESS = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+");

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final Clock clock;
  private final MailArchive mail;
  private final AuditLog audit;

  RoutingRules(JdbcClient jdbc, StaffDirectory staff, Clock clock, MailArchive mail, AuditLog audit) {
    this.mail = mail;
    this.audit = audit;
    this.jdbc = jdbc;
    this.staff = staff;
    this.clock = clock;
  }

  public List<RoutingRule> list() {
    return jdbc.sql("SELECT * FROM routing_rule ORDER BY position, created_at, id")
        .query((rs, n) -> new RoutingRule(rs.getObject("id", UUID.class), rs.getInt("position"),
            RoutingRule.Kind.valueOf(rs.getString("kind")), rs.getString("match_value"), rs.getString("intent"),
            rs.getObject("team_id", UUID.class), Tier.parse(rs.getString("escalate_to"))))
        .list();
  }

  /** Adds a rule; a bad one is a 422 (unknown team: 404) and nothing is written. */
  @Transactional
  public RoutingRule add(String kind, String value, String intent, UUID teamId, Integer position) {
    return add(kind, value, intent, teamId, position, null);
  }

  /**
   * Adds a rule that may also escalate (to {@code specialist} or {@code lead}); a bad one is a 422 (unknown team:
   * 404) and nothing is written.
   */
  @Transactional
  public RoutingRule add(String kind, String value, String intent, UUID teamId, Integer position, String escalateTo) {
    RoutingRule rule = insert(Ids.newId(), kind, value, intent, teamId, position, escalateTo);
    audit.record(AuditRecord.of("routing.rule.created", "routing-rule", rule.id(), "Added routing rule: "
        + describe(rule)).change(null, rule));
    return rule;
  }

  /**
   * Replaces a rule in place (same id, same place among rules of equal position); unknown rule: 404; a bad one is a
   * 422 and the old rule stays. Without a position the rule keeps its own.
   */
  @Transactional
  public RoutingRule update(UUID id, String kind, String value, String intent, UUID teamId, Integer position,
      String escalateTo) {
    RoutingRule old = find(id).orElseThrow(() -> ProblemException.notFound("rule", id));
    RoutingRule rule = validated(id, kind, value, intent, teamId, position == null ? old.position() : position,
        escalateTo);
    jdbc.sql("""
        UPDATE routing_rule SET position = :position, kind = :kind, match_value = :value, intent = :intent,
          team_id = :team, escalate_to = :escalate
        WHERE id = :id""")
        .param("id", rule.id()).param("position", rule.position()).param("kind", rule.kind().name())
        .param("value", rule.value()).param("intent", rule.intent()).param("team", rule.teamId())
        .param("escalate", rule.escalateTo() == null ? null : rule.escalateTo().name()).update();
    audit.record(AuditRecord.of("routing.rule.updated", "routing-rule", id, "Changed routing rule: " + describe(rule))
        .change(old, rule));
    return rule;
  }

  public Optional<RoutingRule> find(UUID id) {
    return list().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  private RoutingRule insert(UUID id, String kind, String value, String intent, UUID teamId, Integer position,
      String escalateTo) {
    RoutingRule rule = validated(id, kind, value, intent, teamId, position, escalateTo);
    jdbc.sql("""
        INSERT INTO routing_rule (id, position, kind, match_value, intent, team_id, escalate_to, created_at)
        VALUES (:id, :position, :kind, :value, :intent, :team, :escalate, :at)""")
        .param("id", rule.id()).param("position", rule.position()).param("kind", rule.kind().name())
        .param("value", rule.value()).param("intent", rule.intent()).param("team", rule.teamId())
        .param("escalate", rule.escalateTo() == null ? null : rule.escalateTo().name())
        .param("at", utc(clock.instant())).update();
    return rule;
  }

  /** The rule these values make, or a 422 (unknown team: 404) saying what is wrong. */
  private RoutingRule validated(UUID id, String kind, String value, String intent, UUID teamId, Integer position,
      String escalateTo) {
    RoutingRule.Kind parsed;
    try {
      parsed = RoutingRule.Kind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-rule",
          "kind must be sender, keyword, channel, tier or mailbox, not '" + kind + "'.");
    }
    if (parsed == RoutingRule.Kind.MAILBOX && (value == null || !value.contains("@"))) {
      throw ProblemException.invalid("invalid-rule",
          "A mailbox rule needs the address customers write to (support@example.com) or a domain (@example.com).");
    }
    Tier escalation = escalateTo == null || escalateTo.isBlank() ? null : Tier.parse(escalateTo);
    if (escalateTo != null && !escalateTo.isBlank() && (escalation == null || escalation == Tier.FIRST_LINE)) {
      throw ProblemException.invalid("invalid-rule",
          "escalateTo must be specialist or lead, not '" + escalateTo + "'.");
    }
    if (value == null || value.isBlank() || value.length() > 320) {
      throw ProblemException.invalid("invalid-rule", "value must be 1 to 320 characters.");
    }
    String normalIntent = intent == null || intent.isBlank() ? null : intent.strip().toLowerCase(Locale.ROOT);
    if (normalIntent != null && !INTENT.matcher(normalIntent).matches()) {
      throw ProblemException.invalid("invalid-rule", "intent must be a lower-case word such as billing or vendor_pitch.");
    }
    if (normalIntent == null && teamId == null && escalation == null) {
      throw ProblemException.invalid("invalid-rule", "A rule needs an intent, a team or an escalation.");
    }
    if (position != null && (position < 0 || position > MAX_POSITION)) {
      throw ProblemException.invalid("invalid-rule", "position must be between 0 and " + MAX_POSITION + ".");
    }
    if (teamId != null) {
      staff.requireTeam(teamId);
    }
    return new RoutingRule(id, position == null ? list().size() : position, parsed,
        value.strip().toLowerCase(Locale.ROOT), normalIntent, teamId, escalation);
  }

  @Transactional
  public void delete(UUID id) {
    RoutingRule old = find(id).orElseThrow(() -> ProblemException.notFound("rule", id));
    if (jdbc.sql("DELETE FROM routing_rule WHERE id = :id").param("id", id).update() == 0) {
      throw ProblemException.notFound("rule", id);
    }
    audit.record(AuditRecord.of("routing.rule.deleted", "routing-rule", id, "Deleted routing rule: " + describe(old))
        .change(old, null));
  }

  /** A rule in words, for the audit log: "sender @acme.example → intent billing, team …, escalate to lead". */
  private static String describe(RoutingRule rule) {
    return rule.kind().name().toLowerCase(Locale.ROOT) + " " + rule.value() + " →"
        + (rule.intent() == null ? "" : " intent " + rule.intent())
        + (rule.teamId() == null ? "" : " team " + rule.teamId())
        + (rule.escalateTo() == null ? "" : " escalate to " + rule.escalateTo().name().toLowerCase(Locale.ROOT))
        + " (position " + rule.position() + ")";
  }

  /** The first rule this new conversation matches, if any. */
  Optional<RoutingRule> firstMatch(ConversationDetails details, Optional<Contact> contact, String words) {
    return firstMatch(list(), details, contact, words);
  }

  /** The first of these rules ({@link #list()}, read once for conversations routed together) it matches, if any. */
  Optional<RoutingRule> firstMatch(List<RoutingRule> rules, ConversationDetails details, Optional<Contact> contact,
      String words) {
    String text = " " + words.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}@._-]+", " ") + " ";
    List<String> senders = contact.map(c -> c.identities().stream().map(i -> i.value().toLowerCase(Locale.ROOT))
        .toList()).orElse(List.of());
    List<String> mailboxes = rules.stream().anyMatch(r -> r.kind() == RoutingRule.Kind.MAILBOX)
        ? addressesWrittenTo(details) : List.of();
    for (RoutingRule rule : rules) {
      boolean matches = switch (rule.kind()) {
        case SENDER -> senders.stream().anyMatch(s -> rule.value().startsWith("@")
            ? s.endsWith(rule.value()) : s.equals(rule.value()));
        case KEYWORD -> text.contains(" " + rule.value() + " ");
        case CHANNEL -> details.conversation().channel().id().equals(rule.value());
        case TIER -> contact.map(Contact::tierOrStandard).map(t -> t.equalsIgnoreCase(rule.value())).orElse(false);
        case MAILBOX -> mailboxes.stream().anyMatch(a -> rule.value().startsWith("@")
            ? a.endsWith(rule.value()) : a.equals(rule.value()));
      };
      if (matches) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  /** The addresses (To and Cc, lower case) the customer's first message was mailed to; none for other channels. */
  private List<String> addressesWrittenTo(ConversationDetails details) {
    return details.firstInbound()
        .flatMap(m -> mail.find(m.id()))
        .map(stored -> ADDRESS.matcher((stored.to() == null ? "" : stored.to()) + " "
            + (stored.cc() == null ? "" : stored.cc())).results().map(r -> r.group().toLowerCase(Locale.ROOT)).toList())
        .orElse(List.of());
  }
}
