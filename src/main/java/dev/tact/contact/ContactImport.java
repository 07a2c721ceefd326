package dev.tact.contact;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.CsvReader;
import dev.tact.shared.ProblemException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports contacts from CSV, read a row at a time: a header row naming the columns (any order, any case): {@code
 * name}, {@code email}, {@code phone}, {@code customer since} (a date such as 2019-03-01) and {@code plan} (or
 * {@code value}); each row needs an email address or a phone number. A row whose email or phone is already a
 * contact's updates that contact (new identities attached, missing names filled in, customer since and plan set
 * when given); other rows create contacts. All or nothing: any bad row (up to 20 are listed) imports nothing.
 */
@Service
public class ContactImport {

  /** What an import did. */
  public record Result(int rows, int created, int updated) {}

  private static final int MAX_ERRORS = 20;
  private static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("name", "name"), Map.entry("display name", "name"), Map.entry("full name", "name"),
      Map.entry("email", "email"), Map.entry("e-mail", "email"), Map.entry("email address", "email"),
      Map.entry("phone", "phone"), Map.entry("phone number", "phone"), Map.entry("telephone", "phone"),
      Map.entry("customer since", "since"), Map.entry("customersince", "since"), Map.entry("since", "since"),
      Map.entry("plan", "plan"), Map.entry("value", "plan"), Map.entry("plan/value", "plan"));

  private final ContactManagement contacts;
  private final IdentityParser identities;
  private final AuditLog audit;

  ContactImport(ContactManagement contacts, IdentityParser identities, AuditLog audit) {
    this.contacts = contacts;
    this.identities = identities;
    this.audit = audit;
  }

  @Transactional
  public Result importCsv(Reader reader) {
    CsvReader csv = new CsvReader(reader);
    CsvReader.Row header = csv.next();
    if (header == null) {
      throw ProblemException.invalid("empty-import", "The file is empty: give a header row and a row per contact.");
    }
    Map<String, Integer> columns = columns(header);
    List<String> errors = new ArrayList<>();
    int rows = 0;
    int created = 0;
    int updated = 0;
    for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
      if (row.blank()) {
        continue;
      }
      rows++;
      try {
        if (apply(row, columns)) {
          created++;
        } else {
          updated++;
        }
      } catch (ProblemException e) {
        errors.add("line " + row.line() + ": " + e.getMessage());
        if (errors.size() >= MAX_ERRORS) {
          break;
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("invalid-import", "Nothing was imported. " + String.join(" ", errors));
    }
    if (rows == 0) {
      throw ProblemException.invalid("empty-import", "The file has a header row but no contacts.");
    }
    audit.record(AuditRecord.of("contact.imported", "contact", null, "Imported " + dev.tact.shared.Wording.count(rows, "contact row", "contact rows") + " from CSV: "
        + created + " created, " + updated + " updated").change(null, Map.of("rows", rows, "created", created,
        "updated", updated)));
    return new Result(rows, created, updated);
  }

  /** True when the row created a contact, false when it updated one. */
  private boolean apply(CsvReader.Row row, Map<String, Integer> columns) {
    String name = field(row, columns, "name");
    List<Identity> given = new ArrayList<>();
    String email = field(row, columns, "email");
    String phone = field(row, columns, "phone");
    if (!email.isEmpty()) {
      given.add(identities.email(email));
    }
    if (!phone.isEmpty()) {
      given.add(identities.phone(phone));
    }
    if (given.isEmpty()) {
      throw ProblemException.invalid("missing-identity", "an email address or a phone number is required.");
    }
    LocalDate since = CustomerDetails.date(field(row, columns, "since"));
    CustomerDetails customer = new CustomerDetails(since, field(row, columns, "plan"));
    ContactNames names = new ContactNames(name, null, null);
    Set<UUID> owners = new LinkedHashSet<>();
    for (Identity identity : given) {
      contacts.findByIdentity(identity).map(Contact::id).ifPresent(owners::add);
    }
    if (owners.size() > 1) {
      throw ProblemException.conflict("identities-of-two-contacts", "'" + email + "' and '" + phone
          + "' belong to two different contacts (" + owners + "); merge them first.");
    }
    Optional<UUID> existing = owners.stream().findFirst();
    if (existing.isEmpty()) {
      contacts.create(names, given, customer);
      return true;
    }
    UUID id = existing.get();
    for (Identity identity : given) {
      contacts.attach(id, identity);
    }
    contacts.fillNames(id, names);
    contacts.amendCustomer(id, customer);
    return false;
  }

  private static String field(CsvReader.Row row, Map<String, Integer> columns, String column) {
    Integer index = columns.get(column);
    return index == null ? "" : row.field(index);
  }

  private static Map<String, Integer> columns(CsvReader.Row header) {
    Map<String, Integer> columns = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String title = header.field(i).toLowerCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
      String column = COLUMNS.get(title);
      if (column != null) {
        columns.putIfAbsent(column, i);
      } else if (!title.isEmpty()) {
        unknown.add(header.field(i));
      }
    }
    if (!columns.containsKey("email") && !columns.containsKey("phone")) {
      throw ProblemException.invalid("invalid-import-header", "The first row must name the columns: name, email, "
          + "phone, customer since, plan (email or phone at least)" + (unknown.isEmpty() ? "."
          : "; not understood: " + String.join(", ", unknown) + "."));
    }
    return columns;
  }
}
