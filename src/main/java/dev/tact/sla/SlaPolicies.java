package dev.tact.sla;

import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.conversation.Priority;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ordered list of SLA policies (table {@code sla_policy}); the first whose conditions all match a conversation
 * applies. A change re-matches every running clock (they keep the business time already used).
 */
@Service
public class SlaPolicies {

  static final int DEFAULT_WARN_PERCENT = 75;
  private static final int MAX_TARGET_MINUTES = 60 * 24 * 365;

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;

  SlaPolicies(JdbcClient jdbc, StaffDirectory staff, Clock clock, ApplicationEventPublisher events, AuditLog audit) {
    this.audit = audit;
    this.jdbc = jdbc;
    this.staff = staff;
    this.clock = clock;
    this.events = events;
  }

  /** Every policy, in the order they are tried. */
  public List<SlaPolicy> list() {
    return jdbc.sql("SELECT * FROM sla_policy ORDER BY position, created_at").query((rs, n) -> read(rs)).list();
  }

  public Optional<SlaPolicy> find(UUID id) {
    return jdbc.sql("SELECT * FROM sla_policy WHERE id = :id").param("id", id).query((rs, n) -> read(rs)).optional();
  }

  public SlaPolicy require(UUID id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("sla-policy", id));
  }

  /** The first policy matching the conversation's facts, if any. */
  public Optional<SlaPolicy> firstMatch(Priority priority, String intent, String customerTier, UUID teamId) {
    return list().stream().filter(p -> p.matches(priority, intent, customerTier, teamId)).findFirst();
  }

  @Transactional
  public SlaPolicy create(SlaPolicyDraft draft) {
    SlaPolicy checked = check(Ids.newId(), draft);
    List<SlaPolicy> all = list();
    int position = positionOf(draft, all.size() + 1);
    jdbc.sql("""
        INSERT INTO sla_policy (id, position, name, priorities, intents, customer_tiers, team_ids,
          first_response_minutes, next_response_minutes, resolution_minutes, warn_at_percent, created_at)
        VALUES (:id, 0, :name, :priorities, :intents, :tiers, :teams, :first, :next, :resolution, :warn, :at)""")
        .param("id", checked.id()).param("name", checked.name()).param("priorities", join(checked.priorities(), Priority::id))
        .param("intents", join(checked.intents(), s -> s)).param("tiers", join(checked.customerTiers(), s -> s))
        .param("teams", join(checked.teamIds(), UUID::toString)).param("first", checked.firstResponseMinutes())
        .param("next", checked.nextResponseMinutes()).param("resolution", checked.resolutionMinutes())
        .param("warn", checked.warnAtPercent()).param("at", utc(clock.instant())).update();
    List<UUID> order = new ArrayList<>(all.stream().map(SlaPolicy::id).toList());
    order.add(Math.min(position, order.size() + 1) - 1, checked.id());
    renumber(order);
    events.publishEvent(new SlaPoliciesChanged());
    SlaPolicy created = require(checked.id());
    audit.record(AuditRecord.of("sla.policy.created", "sla-policy", created.id(), "Added SLA policy '"
        + created.name() + "' at position " + created.position()).change(null, created));
    return created;
  }

  @Transactional
  public SlaPolicy update(UUID id, SlaPolicyDraft draft) {
    SlaPolicy before = require(id);
    SlaPolicy checked = check(id, draft);
    jdbc.sql("""
        UPDATE sla_policy SET name = :name, priorities = :priorities, intents = :intents, customer_tiers = :tiers,
          team_ids = :teams, first_response_minutes = :first, next_response_minutes = :next,
          resolution_minutes = :resolution, warn_at_percent = :warn WHERE id = :id""")
        .param("id", id).param("name", checked.name()).param("priorities", join(checked.priorities(), Priority::id))
        .param("intents", join(checked.intents(), s -> s)).param("tiers", join(checked.customerTiers(), s -> s))
        .param("teams", join(checked.teamIds(), UUID::toString)).param("first", checked.firstResponseMinutes())
        .param("next", checked.nextResponseMinutes()).param("resolution", checked.resolutionMinutes())
        .param("warn", checked.warnAtPercent()).update();
    if (draft.position() != null) {
      List<UUID> order = new ArrayList<>(list().stream().map(SlaPolicy::id).filter(p -> !p.equals(id)).toList());
      order.add(Math.min(positionOf(draft, order.size() + 1), order.size() + 1) - 1, id);
      renumber(order);
    }
    events.publishEvent(new SlaPoliciesChanged());
    SlaPolicy after = require(id);
    audit.record(AuditRecord.of("sla.policy.updated", "sla-policy", id, "Changed SLA policy '" + after.name() + "'")
        .change(before, after));
    return after;
  }

  @Transactional
  public void delete(UUID id) {
    SlaPolicy before = require(id);
    if (jdbc.sql("DELETE FROM sla_policy WHERE id = :id").param("id", id).update() == 0) {
      throw ProblemException.notFound("sla-policy", id);
    }
    renumber(list().stream().map(SlaPolicy::id).toList());
    events.publishEvent(new SlaPoliciesChanged());
    audit.record(AuditRecord.of("sla.policy.deleted", "sla-policy", id, "Removed SLA policy '" + before.name() + "'")
        .change(before, null));
  }

  private void renumber(List<UUID> order) {
    for (int i = 0; i < order.size(); i++) {
      jdbc.sql("UPDATE sla_policy SET position = :p WHERE id = :id").param("p", i + 1).param("id", order.get(i))
          .update();
    }
  }

  private static int positionOf(SlaPolicyDraft draft, int last) {
    if (draft.position() == null) {
      return last;
    }
    if (draft.position() < 1) {
      throw ProblemException.invalid("invalid-policy", "position starts at 1.");
    }
    return draft.position();
  }

  private SlaPolicy check(UUID id, SlaPolicyDraft draft) {
    if (draft == null) {
      throw ProblemException.invalid("invalid-policy", "The body must be a policy.");
    }
    String name = draft.name() == null ? "" : draft.name().strip();
    if (name.isEmpty() || name.length() > 200) {
      throw ProblemException.invalid("invalid-policy", "Give the policy a name of 1 to 200 characters.");
    }
    Set<Priority> priorities = words(draft.priorities()).stream().map(Priority::parse)
        .collect(Collectors.toCollection(LinkedHashSet::new));
    Set<String> intents = words(draft.intents());
    for (String intent : intents) {
      if (!intent.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
        throw ProblemException.invalid("invalid-policy", "'" + intent + "' is not an intent such as technical.");
      }
    }
    Set<String> tiers = words(draft.customerTiers());
    for (String tier : tiers) {
      if (!tier.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
        throw ProblemException.invalid("invalid-policy", "'" + tier + "' is not a customer tier such as vip.");
      }
    }
    Set<UUID> teams = new LinkedHashSet<>();
    for (String team : words(draft.teamIds())) {
      try {
        teams.add(staff.requireTeam(UUID.fromString(team)).id());
      } catch (IllegalArgumentException notAnId) {
        throw ProblemException.invalid("invalid-policy", "'" + team + "' is not a team id.");
      } catch (ProblemException unknown) {
        throw ProblemException.invalid("invalid-policy", "There is no team " + team + ".");
      }
    }
    Integer first = target("firstResponseMinutes", draft.firstResponseMinutes());
    Integer next = target("nextResponseMinutes", draft.nextResponseMinutes());
    Integer resolution = target("resolutionMinutes", draft.resolutionMinutes());
    if (first == null && next == null && resolution == null) {
      throw ProblemException.invalid("invalid-policy", "Give at least one target in business minutes.");
    }
    int warn = draft.warnAtPercent() == null ? DEFAULT_WARN_PERCENT : draft.warnAtPercent();
    if (warn < 1 || warn > 99) {
      throw ProblemException.invalid("invalid-policy", "warnAtPercent must be between 1 and 99.");
    }
    return new SlaPolicy(id, 0, name, priorities, intents, tiers, teams, first, next, resolution, warn);
  }

  private static Integer target(String field, Integer minutes) {
    if (minutes != null && (minutes < 1 || minutes > MAX_TARGET_MINUTES)) {
      throw ProblemException.invalid("invalid-policy",
          field + " must be between 1 and " + MAX_TARGET_MINUTES + " business minutes (or absent).");
    }
    return minutes;
  }

  private static Set<String> words(Collection<String> values) {
    Set<String> words = new LinkedHashSet<>();
    for (String value : values == null ? List.<String>of() : values) {
      String word = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
      if (!word.isEmpty()) {
        words.add(word);
      }
    }
    return words;
  }

  private static <T> String join(Collection<T> values, Function<T, String> text) {
    return values.stream().map(text).collect(Collectors.joining(","));
  }

  private static Set<String> split(String joined) {
    return joined == null || joined.isEmpty() ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
  }

  private static SlaPolicy read(ResultSet rs) throws SQLException {
    return new SlaPolicy(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("name"),
        split(rs.getString("priorities")).stream().map(Priority::parse)
            .collect(Collectors.toCollection(LinkedHashSet::new)),
        split(rs.getString("intents")), split(rs.getString("customer_tiers")),
        split(rs.getString("team_ids")).stream().map(UUID::fromString)
            .collect(Collectors.toCollection(LinkedHashSet::new)),
        (Integer) rs.getObject("first_response_minutes", Integer.class),
        (Integer) rs.getObject("next_response_minutes", Integer.class),
        (Integer) rs.getObject("resolution_minutes", Integer.class), rs.getInt("warn_at_percent"));
  }
}
