package dev.tact.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Contacts as the search index reads them: the name as shown, the given and family names, the organisation and every
 * identity as stored and as written, read in batches. A contact merged into another is not searchable itself.
 */
@Component
public class SearchableContacts {

  public record SearchableContact(UUID id, String name, String organisation, List<String> identities) {}

  private final JdbcClient jdbc;

  public SearchableContacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The contacts with these ids that exist and were not merged away. */
  public List<SearchableContact> load(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<UUID, String[]> names = new LinkedHashMap<>();
    jdbc.sql("""
        SELECT id, display_name, given_name, family_name, organisation FROM contact_contact
         WHERE id IN (:ids) AND merged_into IS NULL""")
        .param("ids", ids)
        .query(rs -> {
          names.put(rs.getObject("id", UUID.class), new String[] {rs.getString("display_name"),
              rs.getString("given_name"), rs.getString("family_name"), rs.getString("organisation")});
        });
    if (names.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<String>> identities = new LinkedHashMap<>();
    jdbc.sql("SELECT contact_id, address, raw FROM contact_identity WHERE contact_id IN (:ids) ORDER BY created_at, id")
        .param("ids", names.keySet())
        .query(rs -> {
          UUID contact = rs.getObject("contact_id", UUID.class);
          List<String> mine = identities.computeIfAbsent(contact, k -> new ArrayList<>());
          mine.add(rs.getString("address"));
          if (!rs.getString("raw").equals(rs.getString("address"))) {
            mine.add(rs.getString("raw"));
          }
        });
    List<SearchableContact> contacts = new ArrayList<>();
    names.forEach((id, n) -> {
      List<String> mine = identities.getOrDefault(id, List.of());
      contacts.add(new SearchableContact(id, name(n, mine), n[3], List.copyOf(mine)));
    });
    return contacts;
  }

  /** Every contact not merged away, in batches of about {@code batchSize}, in id order. */
  public void forEach(int batchSize, Consumer<List<SearchableContact>> batch) {
    UUID after = null;
    while (true) {
      List<UUID> ids = (after == null
          ? jdbc.sql("SELECT id FROM contact_contact ORDER BY id LIMIT :n")
          : jdbc.sql("SELECT id FROM contact_contact WHERE id > :after ORDER BY id LIMIT :n").param("after", after))
          .param("n", batchSize).query(UUID.class).list();
      if (ids.isEmpty()) {
        return;
      }
      batch.accept(load(ids));
      after = ids.getLast();
    }
  }

  /** The name as {@link Contact#name()} shows it, with the given and family names when a display name hides them. */
  private static String name(String[] n, List<String> identities) {
    String joined = ((n[1] == null ? "" : n[1]) + " " + (n[2] == null ? "" : n[2])).strip();
    if (n[0] != null && !n[0].isBlank()) {
      return joined.isEmpty() || n[0].contains(joined) ? n[0] : n[0] + " (" + joined + ")";
    }
    return !joined.isEmpty() ? joined : identities.isEmpty() ? "(unknown)" : identities.getFirst();
  }
}
