package dev.tact.contact;

import dev.tact.shared.Ids;
import dev.tact.shared.InLists;
import dev.tact.shared.MultiRowInsert;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ContactManagement#resolve} for a list of senders in a few statements, answering for each what resolving
 * them one after another would: the owners of all identities read at once, the new contacts and their identities
 * inserted together (an identity that comes twice makes one contact: the first creates it, the later ones find it
 * and fill in the names it lacks), names filled in once per contact. When another transaction gave one of the new
 * identities to a contact of its own meanwhile, that one is the person: the senders of that identity are resolved
 * again one by one.
 */
final class SendersResolution {

  private static final MultiRowInsert CONTACTS = new MultiRowInsert(
      "INSERT INTO contact_contact (id, display_name, given_name, family_name, created_at)", 5, "");
  private static final MultiRowInsert IDENTITIES = new MultiRowInsert(
      "INSERT INTO contact_identity (id, contact_id, kind, address, raw, created_at)", 6, "ON CONFLICT DO NOTHING");

  private record Key(IdentityKind kind, String value) {

    static Key of(Identity identity) {
      return new Key(identity.kind(), identity.value());
    }
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Function<Collection<UUID>, Map<UUID, Contact>> existing;
  private final BiFunction<Identity, ContactNames, Contact> resolveOne;
  private final BiConsumer<UUID, ContactNames> fillNames;
  private final Consumer<UUID> changed;

  SendersResolution(JdbcClient jdbc, JdbcTemplate template, Function<Collection<UUID>, Map<UUID, Contact>> existing,
      BiFunction<Identity, ContactNames, Contact> resolveOne, BiConsumer<UUID, ContactNames> fillNames,
      Consumer<UUID> changed) {
    this.jdbc = jdbc;
    this.template = template;
    this.existing = existing;
    this.resolveOne = resolveOne;
    this.fillNames = fillNames;
    this.changed = changed;
  }

  List<Contact> resolveAll(List<NamedIdentity> senders, Instant now) {
    Map<Key, UUID> owners = owners(senders.stream().map(s -> Key.of(s.identity())).toList());
    Map<UUID, Contact> current = owners.isEmpty() ? new HashMap<>() : new HashMap<>(existing.apply(owners.values()));
    Map<UUID, Identity> created = new LinkedHashMap<>();
    Set<UUID> renamed = new LinkedHashSet<>();
    Instant createdAt = now.truncatedTo(ChronoUnit.MICROS);
    List<Contact> answers = new ArrayList<>(senders.size());
    for (NamedIdentity sender : senders) {
      Key key = Key.of(sender.identity());
      UUID id = owners.get(key);
      Contact contact = id == null ? null : current.get(id);
      if (contact == null) {
        // a new person (or an owner that vanished since: resolving one by one finds out which)
        contact = id != null ? resolveOne.apply(sender.identity(), sender.names()) : newContact(sender, createdAt);
        owners.put(key, contact.id());
        if (id == null) {
          created.put(contact.id(), sender.identity());
        }
      } else if (!sender.names().isEmpty()) {
        Contact filled = filled(contact, sender.names());
        if (!sameNames(filled, contact) && !created.containsKey(contact.id())) {
          renamed.add(contact.id());
        }
        contact = filled;
      }
      current.put(contact.id(), contact);
      answers.add(contact);
    }
    boolean allInserted = insert(created, current, createdAt);
    renamed.forEach(id -> fillNames.accept(id, namesOf(current.get(id))));
    List<Key> lost = allInserted ? List.of() : lostToOthers(created);
    if (!lost.isEmpty()) {
      for (int i = 0; i < senders.size(); i++) {
        NamedIdentity sender = senders.get(i);
        if (lost.contains(Key.of(sender.identity()))) {
          answers.set(i, resolveOne.apply(sender.identity(), sender.names()));
        }
      }
    }
    return answers;
  }

  private Map<Key, UUID> owners(List<Key> keys) {
    Map<Key, UUID> owners = new HashMap<>();
    Map<IdentityKind, List<String>> byKind = new LinkedHashMap<>();
    new LinkedHashSet<>(keys).forEach(key -> byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(key.value()));
    byKind.forEach((kind, values) -> {
      InLists.forEachSlice(values, slice ->
          jdbc.sql("SELECT address, contact_id FROM contact_identity WHERE kind = :kind AND address IN (:values)")
              .param("kind", kind.name()).param("values", slice)
              .query((RowCallbackHandler) rs ->
                  owners.put(new Key(kind, rs.getString("address")), rs.getObject("contact_id", UUID.class))));
    });
    return owners;
  }

  private static Contact newContact(NamedIdentity sender, Instant createdAt) {
    ContactNames names = sender.names();
    return new Contact(Ids.newId(), names.displayName(), names.givenName(), names.familyName(), null, null, null, null,
        null, null, createdAt, null, List.of(sender.identity()));
  }

  private static Contact filled(Contact c, ContactNames names) {
    return new Contact(c.id(), c.displayName() != null ? c.displayName() : names.displayName(),
        c.givenName() != null ? c.givenName() : names.givenName(),
        c.familyName() != null ? c.familyName() : names.familyName(), c.organisation(), c.locale(), c.timeZone(),
        c.country(), c.subdivision(), c.tier(), c.customerSince(), c.plan(), c.identities());
  }

  private static ContactNames namesOf(Contact contact) {
    return new ContactNames(contact.displayName(), contact.givenName(), contact.familyName());
  }

  private static boolean sameNames(Contact a, Contact b) {
    return Objects.equals(a.displayName(), b.displayName()) && Objects.equals(a.givenName(), b.givenName())
        && Objects.equals(a.familyName(), b.familyName());
  }

  /**
   * Inserts the new contacts with the names the senders gave them (the first sender's, filled in by the later ones);
   * false when some of their identities were not inserted (another contact has them).
   */
  private boolean insert(Map<UUID, Identity> created, Map<UUID, Contact> current, Instant createdAt) {
    if (created.isEmpty()) {
      return true;
    }
    var at = createdAt.atOffset(ZoneOffset.UTC);
    List<Object[]> contacts = new ArrayList<>();
    List<Object[]> identities = new ArrayList<>();
    created.forEach((id, identity) -> {
      Contact contact = current.get(id);
      contacts.add(new Object[] {id, contact.displayName(), contact.givenName(), contact.familyName(), at});
      identities.add(new Object[] {Ids.newId(), id, identity.kind().name(), identity.value(), identity.raw(), at});
      changed.accept(id);
    });
    CONTACTS.insert(template, contacts);
    return IDENTITIES.insert(template, identities) == identities.size();
  }

  /**
   * The new identities another transaction gave a contact of its own a moment ago (their insert did nothing): the
   * contacts made for them here are deleted.
   */
  private List<Key> lostToOthers(Map<UUID, Identity> created) {
    Map<Key, UUID> owners = owners(created.values().stream().map(Key::of).toList());
    List<UUID> orphans = new ArrayList<>();
    List<Key> lost = new ArrayList<>();
    created.forEach((id, identity) -> {
      if (!id.equals(owners.get(Key.of(identity)))) {
        orphans.add(id);
        lost.add(Key.of(identity));
      }
    });
    if (!orphans.isEmpty()) {
      jdbc.sql("DELETE FROM contact_contact WHERE id IN (:ids)").param("ids", orphans).update();
    }
    return lost;
  }
}
