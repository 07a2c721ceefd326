package dev.tact.churn;

import dev.tact.churn.ChurnStore.ContactRow;
import dev.tact.churn.ChurnStore.ExperienceRow;
import dev.tact.contact.Contact;
import dev.tact.contact.ContactManagement;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contacts at risk of silent churn: overdue (quiet for more than max(k x usual interval, longest known gap))
 * after a latest episode with a poor experience or left unresolved. Listed with the reason, counted for the
 * dashboard.
 */
@Service
public class SilentChurn {

  /** "Overdue at :now" as SQL over churn_contact c; the same arithmetic as {@link ContactRhythm#overdueAt}. */
  static final String DUE = "(c.last_activity_epoch + GREATEST(:k * c.usual_interval_seconds, "
      + "COALESCE(c.longest_interval_seconds, 0)))";
  /** Candidates only (read by index), with enough history under the current setting. */
  static final String RHYTHM_KNOWN = "c.candidate AND c.usual_interval_seconds IS NOT NULL "
      + "AND c.episodes >= :minEpisodes";

  private final JdbcClient jdbc;
  private final ChurnStore store;
  private final ChurnProperties settings;
  private final ContactManagement contacts;
  private final Clock clock;

  SilentChurn(JdbcClient jdbc, ChurnStore store, ChurnProperties settings, ContactManagement contacts, Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.settings = settings;
    this.contacts = contacts;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public PageResult<AtRiskContact> atRisk(ChurnFilter filter, ChurnFilter.Order order, PageRequest page) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(filter, params, clock.instant().getEpochSecond());
    long total = jdbc.sql("SELECT COUNT(*) FROM churn_contact c WHERE " + where).params(params).query(Long.class)
        .single();
    String orderBy = order == ChurnFilter.Order.VALUE
        ? "c.value_cents DESC, c.episodes DESC, c.last_activity_epoch DESC, c.contact_id"
        : "c.last_activity_epoch DESC, c.contact_id";
    List<ContactRow> rows = jdbc.sql("SELECT " + prefixed() + " FROM churn_contact c WHERE " + where
        + " ORDER BY " + orderBy + " LIMIT " + page.size() + " OFFSET " + page.offset()).params(params)
        .query(ChurnStore::contactRow).list();
    List<UUID> ids = rows.stream().map(ContactRow::contactId).toList();
    Map<UUID, List<ExperienceRow>> experiences = store.experiences(ids).stream()
        .collect(Collectors.groupingBy(ExperienceRow::contactId));
    Map<UUID, Contact> named = ids.isEmpty() ? Map.of() : contacts.findAll(ids);
    List<AtRiskContact> items = rows.stream().map(row -> atRisk(row, experiences.getOrDefault(row.contactId(),
        List.of()), named.get(row.contactId()))).toList();
    return new PageResult<>(items, page.page(), page.size(), total);
  }

  /** One contact's rhythm and latest experiences, at risk or not (empty when Tact has no activity of theirs). */
  @Transactional(readOnly = true)
  public java.util.Optional<AtRiskContact> of(UUID contactId) {
    return jdbc.sql("SELECT " + prefixed() + " FROM churn_contact c WHERE c.contact_id = :id").param("id", contactId)
        .query(ChurnStore::contactRow).optional().map(row -> atRisk(row, store.experiences(List.of(contactId)),
            contacts.find(contactId).orElse(null)));
  }

  /** The SQL condition for "at risk now" under this filter, its parameters added to {@code params}. */
  String where(ChurnFilter filter, Map<String, Object> params, long nowEpoch) {
    params.put("k", settings.overdueFactor());
    params.put("minEpisodes", settings.minimumEpisodes());
    params.put("now", nowEpoch);
    StringBuilder where = new StringBuilder(RHYTHM_KNOWN + " AND " + DUE + " < :now");
    if (filter.reason() == PoorExperience.LEFT_OPEN) {
      where.append(" AND c.last_conversation_open");
    } else if (filter.reason() != null) {
      where.append(" AND EXISTS (SELECT 1 FROM churn_experience e WHERE e.contact_id = c.contact_id "
          + "AND e.kind = :reason)");
      params.put("reason", filter.reason().name());
    } else {
      where.append(" AND (c.last_conversation_open OR c.poor_experiences > 0)");
    }
    narrow(filter, params, where);
    return where.toString();
  }

  static void narrow(ChurnFilter filter, Map<String, Object> params, StringBuilder where) {
    if (filter.teamId() != null) {
      where.append(" AND c.last_team_id = :team");
      params.put("team", filter.teamId());
    }
    if (filter.agentId() != null) {
      where.append(" AND c.last_agent_id = :agent");
      params.put("agent", filter.agentId());
    }
    if (filter.channel() != null) {
      where.append(" AND c.last_channel = :channel");
      params.put("channel", filter.channel().id());
    }
    if (filter.intent() != null) {
      where.append(" AND c.last_intent = :intent");
      params.put("intent", filter.intent());
    }
  }

  private AtRiskContact atRisk(ContactRow row, List<ExperienceRow> found, Contact contact) {
    List<AtRiskContact.Experience> experiences = new ArrayList<>(found.stream()
        .map(e -> new AtRiskContact.Experience(e.kind(), e.detail(), e.at(), e.conversationId())).toList());
    if (row.lastConversationOpen()) {
      experiences.add(new AtRiskContact.Experience(PoorExperience.LEFT_OPEN, "Their latest conversation is still "
          + "neither solved nor closed", row.rhythm().lastActivityAt(), row.lastConversationId()));
    }
    experiences.sort((a, b) -> b.at().compareTo(a.at()));
    Instant overdue = row.usualSeconds() == null ? null : ContactRhythm.overdueAt(row.rhythm().lastActivityAt(),
        row.usualSeconds(), row.longestSeconds(), settings.overdueFactor());
    return new AtRiskContact(row.contactId(), contact == null ? "(merged or deleted contact)" : contact.name(),
        row.rhythm().lastActivityAt(), row.usualSeconds() == null ? null : Duration.ofSeconds(row.usualSeconds()), overdue, row.rhythm().episodes(),
        row.purchases(), row.valueCents(), row.lastChannel(), row.lastTeamId(), row.lastConversationId(),
        experiences);
  }

  private static String prefixed() {
    return java.util.Arrays.stream(ChurnStore.COLUMNS.split(",")).map(c -> "c." + c.strip())
        .collect(Collectors.joining(", "));
  }
}
