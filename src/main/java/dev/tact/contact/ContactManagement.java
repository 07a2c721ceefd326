package dev.tact.contact;

import static dev.tact.shared.SqlTime.instant;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.Ids;
import dev.tact.shared.InLists;
import dev.tact.shared.ProblemException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/** Finds or creates contacts from what people give us, and merges them when agents say so. */
@Service
public class ContactManagement {

  private final JdbcClient jdbc;
  /** The listeners, looked up at the first change (a lookup per change cost more than the listeners' work). */
  private final Supplier<List<ContactChangeListener>> listeners;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;

  private final SendersResolution senders;

  ContactManagement(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, AuditLog audit,
      org.springframework.beans.factory.ObjectProvider<ContactChangeListener> changeListeners,
      org.springframework.jdbc.core.JdbcTemplate template) {
    this.senders = new SendersResolution(jdbc, template, this::findAll, this::resolve, this::fillNames,
        this::changed);
    this.listeners = SingletonSupplier.of(() -> changeListeners.stream().toList());
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    this.audit = audit;
  }

  /**
   * The contact who owns this identity, created on first contact. Names given later fill in
   * what is missing but never overwrite what an agent or the person wrote before.
   */
  @Transactional
  public Contact resolve(Identity identity, ContactNames names) {
    Optional<UUID> existing = ownerOf(identity);
    if (existing.isPresent()) {
      UUID id = existing.get();
      if (!names.isEmpty()) {
        jdbc.sql("""
            UPDATE contact_contact SET
              display_name = COALESCE(display_name, :display),
              given_name = COALESCE(given_name, :given),
              family_name = COALESCE(family_name, :family)
            WHERE id = :id""")
            .param("display", names.displayName()).param("given", names.givenName())
            .param("family", names.familyName()).param("id", id).update();
        changed(id);
      }
      return require(id);
    }
    UUID id = Ids.newId();
    OffsetDateTime now = now();
    jdbc.sql("""
        INSERT INTO contact_contact (id, display_name, given_name, family_name, created_at)
        VALUES (:id, :display, :given, :family, :now)""")
        .param("id", id).param("display", names.displayName()).param("given", names.givenName())
        .param("family", names.familyName()).param("now", now).update();
    if (!addIdentity(id, identity, now)) {
      // another transaction gave this identity to a new contact a moment ago: that one is the person
      jdbc.sql("DELETE FROM contact_contact WHERE id = :id").param("id", id).update();
      ownerOf(identity).orElseThrow(() -> new IllegalStateException("identity vanished: " + identity));
      return resolve(identity, names);
    }
    return require(id);
  }

  /**
   * What {@link #resolve} answers for each of these senders when they are resolved one after another, in a few
   * statements for the whole list (an inbound set): a new identity that comes twice makes one contact.
   */
  @Transactional
  public List<Contact> resolveAll(List<NamedIdentity> senders) {
    return senders.isEmpty() ? List.of() : this.senders.resolveAll(senders, clock.instant());
  }

  /**
   * Sets where the contact lives and how to address them. Each value is checked (a real IANA
   * zone, an ISO country, a subdivision code, a language tag); a bad one is a 422 and changes nothing.
   */
  @Transactional
  public Contact updateProfile(UUID id, ContactProfile profile) {
    Contact before = require(id);
    UUID contactId = before.id();
    String zone = blankToNull(profile.timeZone());
    if (zone != null) {
      try {
        zone = java.time.ZoneId.of(zone).getId();
      } catch (java.time.DateTimeException e) {
        throw ProblemException.invalid("invalid-time-zone", "'" + zone + "' is not a time zone such as America/Winnipeg.");
      }
    }
    String country = blankToNull(profile.country());
    if (country != null) {
      country = country.toUpperCase(java.util.Locale.ROOT);
      if (!java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA2).contains(country)) {
        throw ProblemException.invalid("invalid-country", "'" + profile.country() + "' is not an ISO 3166 country code such as CA.");
      }
    }
    String subdivision = blankToNull(profile.subdivision());
    if (subdivision != null) {
      subdivision = subdivision.toLowerCase(java.util.Locale.ROOT);
      if (country != null && subdivision.startsWith(country.toLowerCase(java.util.Locale.ROOT) + "-")) {
        subdivision = subdivision.substring(3);
      }
      if (!subdivision.matches("[a-z0-9]{1,3}") || country == null) {
        throw ProblemException.invalid("invalid-subdivision",
            "'" + profile.subdivision() + "' is not a subdivision code such as mb (with a country).");
      }
    }
    String locale = blankToNull(profile.locale());
    if (locale != null && java.util.Locale.forLanguageTag(locale).getLanguage().isEmpty()) {
      throw ProblemException.invalid("invalid-locale", "'" + locale + "' is not a language tag such as fr-CA.");
    }
    String organisation = blankToNull(profile.organisation());
    if (organisation != null && organisation.length() > 200) {
      throw ProblemException.invalid("field-too-long", "organisation is longer than 200 characters.");
    }
    String tier = blankToNull(profile.tier());
    if (tier != null) {
      tier = tier.toLowerCase(java.util.Locale.ROOT);
      if (!tier.matches("[a-z0-9][a-z0-9_-]{0,31}")) {
        throw ProblemException.invalid("invalid-tier",
            "'" + profile.tier() + "' is not a customer tier: use up to 32 letters, digits, '-' or '_', such as vip.");
      }
      if (tier.equals(Contact.STANDARD_TIER)) {
        tier = null;
      }
    }
    jdbc.sql("""
        UPDATE contact_contact SET organisation = :organisation, locale = :locale, time_zone = :zone,
          country = :country, subdivision = :subdivision, tier = :tier
        WHERE id = :id""")
        .param("organisation", organisation).param("locale", locale).param("zone", zone).param("country", country)
        .param("subdivision", subdivision).param("tier", tier).param("id", contactId).update();
    if (!java.util.Objects.equals(before.tier(), tier)) {
      events.publishEvent(new ContactTierChanged(contactId, tier, clock.instant()));
    }
    return require(contactId);
  }

  /**
   * Sets since when the contact is a customer (null: since Tact first heard from them) and their plan or value
   * (blank: none). A date in the future or before 1900, or a plan over 200 characters, is a 422 and changes nothing.
   */
  @Transactional
  public Contact updateCustomer(UUID id, CustomerDetails details) {
    UUID contactId = require(id).id();
    details.validate(java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1));
    jdbc.sql("UPDATE contact_contact SET customer_since = :since, plan = :plan WHERE id = :id")
        .param("since", details.sinceInstant() == null ? null : details.sinceInstant().atOffset(ZoneOffset.UTC))
        .param("plan", details.plan()).param("id", contactId).update();
    return require(contactId);
  }

  /** Sets what is given (non-null) of the customer details and keeps the rest; validated as {@link #updateCustomer}. */
  @Transactional
  public Contact amendCustomer(UUID id, CustomerDetails details) {
    UUID contactId = require(id).id();
    details.validate(java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1));
    jdbc.sql("""
        UPDATE contact_contact SET customer_since = COALESCE(:since, customer_since), plan = COALESCE(:plan, plan)
        WHERE id = :id""")
        .param("since", details.sinceInstant() == null ? null : details.sinceInstant().atOffset(ZoneOffset.UTC))
        .param("plan", details.plan()).param("id", contactId).update();
    return require(contactId);
  }

  /**
   * A new contact with these identities (at least one), names and customer details. An identity that already
   * belongs to a contact is a 409 naming that contact, and nothing is created.
   */
  @Transactional
  public Contact create(ContactNames names, List<Identity> identities, CustomerDetails customer) {
    if (identities.isEmpty()) {
      throw ProblemException.invalid("missing-identity", "Give at least an email address or a phone number.");
    }
    for (Identity identity : identities) {
      Optional<UUID> owner = ownerOf(identity);
      if (owner.isPresent()) {
        throw ProblemException.conflict("identity-taken",
            "'" + identity.raw() + "' already belongs to contact " + owner.get() + ".");
      }
    }
    if (customer != null) {
      customer.validate(java.time.LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1));
    }
    UUID id = Ids.newId();
    OffsetDateTime now = now();
    jdbc.sql("""
        INSERT INTO contact_contact (id, display_name, given_name, family_name, created_at, customer_since, plan)
        VALUES (:id, :display, :given, :family, :now, :since, :plan)""")
        .param("id", id).param("display", names.displayName()).param("given", names.givenName())
        .param("family", names.familyName()).param("now", now)
        .param("since", customer == null || customer.sinceInstant() == null ? null
            : customer.sinceInstant().atOffset(ZoneOffset.UTC))
        .param("plan", customer == null ? null : customer.plan()).update();
    for (Identity identity : identities) {
      if (!addIdentity(id, identity, now)) {
        throw ProblemException.conflict("identity-taken", "'" + identity.raw() + "' already belongs to a contact.");
      }
    }
    return require(id);
  }

  /** The contact who owns this identity, if any. */
  public Optional<Contact> findByIdentity(Identity identity) {
    return ownerOf(identity).flatMap(this::find);
  }

  /**
   * Gives the contact one more identity; nothing when it already has it, a 409 when another contact owns it.
   */
  @Transactional
  public Contact attach(UUID id, Identity identity) {
    UUID contactId = require(id).id();
    Optional<UUID> owner = ownerOf(identity);
    if (owner.isPresent() && !owner.get().equals(contactId)) {
      throw ProblemException.conflict("identity-taken",
          "'" + identity.raw() + "' already belongs to contact " + owner.get() + ".");
    }
    if (owner.isEmpty() && !addIdentity(contactId, identity, now())) {
      throw ProblemException.conflict("identity-taken", "'" + identity.raw() + "' already belongs to a contact.");
    }
    return require(contactId);
  }

  /** Fills in the names the contact does not have yet; names already written stay. */
  @Transactional
  public void fillNames(UUID id, ContactNames names) {
    if (names.isEmpty()) {
      return;
    }
    jdbc.sql("""
        UPDATE contact_contact SET
          display_name = COALESCE(display_name, :display),
          given_name = COALESCE(given_name, :given),
          family_name = COALESCE(family_name, :family)
        WHERE id = :id""")
        .param("display", names.displayName()).param("given", names.givenName())
        .param("family", names.familyName()).param("id", id).update();
    changed(id);
  }

  /** Every write to a contact's names or identities goes through here: search hears of it in the transaction. */
  private void changed(UUID contactId) {
    listeners.get().forEach(listener -> listener.contactChanged(contactId));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The contact with this id; a contact merged away answers as the one it was merged into. */
  public Optional<Contact> find(UUID id) {
    return unmerged(id).map(row -> load(row.id()));
  }

  /**
   * The customer tier of the contact with this id (of the one it was merged into), as {@link #find} then
   * {@link Contact#tier()} answer it, in one statement when the contact was not merged; empty when it has none or
   * there is no such contact.
   */
  public Optional<String> tierOf(UUID id) {
    return unmerged(id).flatMap(row -> Optional.ofNullable(row.tier()));
  }

  /** The contact row this id leads to along its merges (itself when not merged away); empty when there is none. */
  private Optional<UnmergedRow> unmerged(UUID id) {
    UUID current = id;
    for (int hops = 0; hops < 16; hops++) {
      Optional<ChainRow> row = jdbc.sql("SELECT tier, merged_into FROM contact_contact WHERE id = :id")
          .param("id", current)
          .query((rs, n) -> new ChainRow(rs.getString("tier"), rs.getObject("merged_into", UUID.class))).optional();
      if (row.isEmpty()) {
        return Optional.empty();
      }
      if (row.get().mergedInto() == null) {
        return Optional.of(new UnmergedRow(current, row.get().tier()));
      }
      current = row.get().mergedInto();
    }
    throw new IllegalStateException("merge chain too long from contact " + id);
  }

  private record ChainRow(String tier, UUID mergedInto) {}

  private record UnmergedRow(UUID id, String tier) {}

  /**
   * The contacts with these ids, keyed by the id asked for (a merged-away id maps to the contact it
   * was merged into); unknown ids are absent. Two queries per 1,000 ids: for campaign-sized batches.
   */
  public java.util.Map<UUID, Contact> findAll(java.util.Collection<UUID> ids) {
    java.util.Map<UUID, Contact> found = new java.util.HashMap<>();
    InLists.forEachSlice(ids, chunk -> {
      java.util.Map<UUID, List<Identity>> identities = new java.util.HashMap<>();
      jdbc.sql("SELECT contact_id, kind, address, raw FROM contact_identity WHERE contact_id IN (:ids) "
              + "ORDER BY created_at, id")
          .param("ids", chunk)
          .query(rs -> {
            identities.computeIfAbsent(rs.getObject("contact_id", UUID.class), k -> new java.util.ArrayList<>())
                .add(new Identity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("address"),
                    rs.getString("raw")));
          });
      List<UUID> merged = new java.util.ArrayList<>();
      jdbc.sql("SELECT * FROM contact_contact WHERE id IN (:ids)").param("ids", chunk)
          .query(rs -> {
            UUID id = rs.getObject("id", UUID.class);
            if (rs.getObject("merged_into", UUID.class) != null) {
              merged.add(id);
              return;
            }
            found.put(id, contact(rs, List.copyOf(identities.getOrDefault(id, List.of()))));
          });
      merged.forEach(id -> find(id).ifPresent(contact -> found.put(id, contact)));
    });
    return found;
  }

  public Contact require(UUID id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("contact", id));
  }

  /** Contacts whose identity or name contains the query, case-insensitively; merged ones excluded. */
  public List<Contact> search(String query, int limit) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      return jdbc.sql("SELECT id FROM contact_contact WHERE merged_into IS NULL ORDER BY created_at DESC LIMIT :limit")
          .param("limit", limit).query(UUID.class).list().stream().map(this::load).toList();
    }
    String like = "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.sql("""
        SELECT c.id FROM contact_contact c
        WHERE c.merged_into IS NULL AND (
          LOWER(c.display_name) LIKE :like ESCAPE '\\' OR LOWER(c.given_name) LIKE :like ESCAPE '\\'
          OR LOWER(c.family_name) LIKE :like ESCAPE '\\' OR LOWER(c.organisation) LIKE :like ESCAPE '\\'
          OR EXISTS (SELECT 1 FROM contact_identity i WHERE i.contact_id = c.id
                     AND (LOWER(i.address) LIKE :like ESCAPE '\\' OR LOWER(i.raw) LIKE :like ESCAPE '\\')))
        ORDER BY c.created_at DESC LIMIT :limit""")
        .param("like", like).param("limit", limit).query(UUID.class).list().stream().map(this::load).toList();
  }

  /** The ids of contacts in a customer tier (a segment such as vip; "standard" for those without one). */
  public List<UUID> idsInTier(String tier, int limit) {
    String t = tier == null ? "" : tier.strip().toLowerCase(java.util.Locale.ROOT);
    if (t.isEmpty() || t.equals(Contact.STANDARD_TIER)) {
      return jdbc.sql("SELECT id FROM contact_contact WHERE merged_into IS NULL AND tier IS NULL LIMIT :limit")
          .param("limit", limit).query(UUID.class).list();
    }
    return jdbc.sql("SELECT id FROM contact_contact WHERE merged_into IS NULL AND LOWER(tier) = :tier LIMIT :limit")
        .param("tier", t).param("limit", limit).query(UUID.class).list();
  }

  /**
   * Moves every identity of {@code mergedId} to {@code survivorId}, marks the merged contact as
   * merged, records who did it, and tells the other modules.
   */
  @Transactional
  public ContactMerge merge(UUID survivorId, UUID mergedId, String mergedBy) {
    if (survivorId.equals(mergedId)) {
      throw ProblemException.invalid("merge-with-itself", "A contact cannot be merged with itself.");
    }
    requireUnmerged(survivorId);
    requireUnmerged(mergedId);
    Contact survivorBefore = require(survivorId);
    Contact mergedBefore = require(mergedId);
    OffsetDateTime now = now();
    int moved = jdbc.sql("UPDATE contact_identity SET contact_id = :survivor WHERE contact_id = :merged")
        .param("survivor", survivorId).param("merged", mergedId).update();
    jdbc.sql("""
        UPDATE contact_contact SET
          display_name = COALESCE(display_name, (SELECT m.display_name FROM contact_contact m WHERE m.id = :merged)),
          given_name = COALESCE(given_name, (SELECT m.given_name FROM contact_contact m WHERE m.id = :merged)),
          family_name = COALESCE(family_name, (SELECT m.family_name FROM contact_contact m WHERE m.id = :merged)),
          organisation = COALESCE(organisation, (SELECT m.organisation FROM contact_contact m WHERE m.id = :merged)),
          plan = COALESCE(plan, (SELECT m.plan FROM contact_contact m WHERE m.id = :merged)),
          customer_since = LEAST(COALESCE(customer_since, created_at),
            (SELECT COALESCE(m.customer_since, m.created_at) FROM contact_contact m WHERE m.id = :merged)),
          created_at = LEAST(created_at, (SELECT m.created_at FROM contact_contact m WHERE m.id = :merged))
        WHERE id = :survivor""").param("merged", mergedId).param("survivor", survivorId).update();
    jdbc.sql("UPDATE contact_contact SET merged_into = :survivor, merged_at = :now WHERE id = :merged")
        .param("survivor", survivorId).param("now", now).param("merged", mergedId).update();
    changed(survivorId);
    changed(mergedId);
    UUID mergeId = Ids.newId();
    String mergedName = mergedBefore.displayName() == null && mergedBefore.givenName() == null
        && mergedBefore.familyName() == null ? null : mergedBefore.name();
    List<String> mergedIdentities = identitiesAsWritten(mergedBefore);
    jdbc.sql("""
        INSERT INTO contact_merge (id, survivor_id, merged_id, merged_by, merged_at, identities, merged_name,
          merged_identities)
        VALUES (:id, :survivor, :merged, :by, :now, :moved, :name, :identities)""")
        .param("id", mergeId).param("survivor", survivorId).param("merged", mergedId).param("by", mergedBy)
        .param("now", now).param("moved", moved).param("name", mergedName, java.sql.Types.VARCHAR)
        .param("identities", String.join("\n", mergedIdentities)).update();
    events.publishEvent(new ContactsMerged(survivorId, mergedId, mergedBy, now.toInstant()));
    audit.record(AuditRecord.of("contact.merged", "contact", survivorId, "Merged contact "
        + mergedBefore.name() + " (" + mergedId + ") into " + survivorBefore.name()
        + " by " + mergedBy + "; " + dev.tact.shared.Wording.count(moved, "identity", "identities") + " moved")
        .change(Map.of("survivor", survivorBefore, "merged", mergedBefore), require(survivorId)));
    return new ContactMerge(mergeId, survivorId, mergedId, mergedBy, now.toInstant(), moved, mergedName,
        mergedIdentities);
  }

  /** The identities as the person wrote them, as many as fit the merge record's column (4,000 characters). */
  private static List<String> identitiesAsWritten(Contact contact) {
    List<String> kept = new java.util.ArrayList<>();
    int length = 0;
    for (Identity identity : contact.identities()) {
      String written = identity.raw() == null || identity.raw().isBlank() ? identity.value() : identity.raw();
      written = written.replaceAll("\\s+", " ").strip();
      if (length + written.length() + 1 > 4000) {
        break;
      }
      kept.add(written);
      length += written.length() + 1;
    }
    return kept;
  }

  /** Merges in which this contact survived, newest first. */
  public List<ContactMerge> mergesInto(UUID survivorId) {
    return jdbc.sql("SELECT * FROM contact_merge WHERE survivor_id = :id ORDER BY merged_at DESC")
        .param("id", survivorId)
        .query((rs, n) -> new ContactMerge(rs.getObject("id", UUID.class), rs.getObject("survivor_id", UUID.class),
            rs.getObject("merged_id", UUID.class), rs.getString("merged_by"), instant(rs, "merged_at"),
            rs.getInt("identities"), rs.getString("merged_name"), lines(rs.getString("merged_identities"))))
        .list();
  }

  private static List<String> lines(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
  }

  private void requireUnmerged(UUID id) {
    Boolean merged = jdbc.sql("SELECT merged_into IS NOT NULL FROM contact_contact WHERE id = :id").param("id", id)
        .query(Boolean.class).optional().orElseThrow(() -> ProblemException.notFound("contact", id));
    if (merged) {
      throw ProblemException.conflict("contact-already-merged", "Contact " + id + " was already merged into another contact.");
    }
  }

  private Optional<UUID> ownerOf(Identity identity) {
    return jdbc.sql("SELECT contact_id FROM contact_identity WHERE kind = :kind AND address = :value")
        .param("kind", identity.kind().name()).param("value", identity.value()).query(UUID.class).optional();
  }

  /** Gives the identity to the contact; false when it already belongs to someone (a concurrent first message). */
  private boolean addIdentity(UUID contactId, Identity identity, OffsetDateTime now) {
    changed(contactId);
    return jdbc.sql("""
        INSERT INTO contact_identity (id, contact_id, kind, address, raw, created_at)
        VALUES (:id, :contact, :kind, :value, :raw, :now)
        ON CONFLICT DO NOTHING""")
        .param("id", Ids.newId()).param("contact", contactId).param("kind", identity.kind().name())
        .param("value", identity.value()).param("raw", identity.raw()).param("now", now).update() == 1;
  }

  private Contact load(UUID id) {
    List<Identity> identities = jdbc.sql("SELECT kind, address, raw FROM contact_identity WHERE contact_id = :id ORDER BY created_at, id")
        .param("id", id)
        .query((rs, n) -> new Identity(IdentityKind.valueOf(rs.getString("kind")), rs.getString("address"), rs.getString("raw")))
        .list();
    return jdbc.sql("SELECT * FROM contact_contact WHERE id = :id").param("id", id)
        .query((rs, n) -> contact(rs, identities))
        .single();
  }

  private static Contact contact(java.sql.ResultSet rs, List<Identity> identities) throws java.sql.SQLException {
    java.time.Instant since = instant(rs, "customer_since");
    return new Contact(rs.getObject("id", UUID.class), rs.getString("display_name"), rs.getString("given_name"),
        rs.getString("family_name"), rs.getString("organisation"), rs.getString("locale"), rs.getString("time_zone"),
        rs.getString("country"), rs.getString("subdivision"), rs.getString("tier"),
        since != null ? since : instant(rs, "created_at"), rs.getString("plan"), identities);
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
