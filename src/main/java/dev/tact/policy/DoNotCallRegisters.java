package dev.tact.policy;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.contact.ContactProperties;
import dev.tact.shared.CsvReader;
import dev.tact.shared.InLists;
import dev.tact.shared.ProblemException;
import java.io.Reader;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The do-not-call registers admins load (the US National DNC Registry, Canada's National DNCL, the UK TPS and
 * CTPS, our own list): numbers with the day each was registered, from a CSV file of any size (read and written a
 * thousand rows at a time, never held whole in memory) or through the API. A load adds to a register or replaces
 * it (a fresh copy of a national register: R2 wants one at most 31 days old); either is all or nothing, so a bad
 * row changes nothing. A number listed twice keeps its earliest date. Loads, removals and edits are audited.
 */
@Service
public class DoNotCallRegisters {

  /** Whether a load adds to the register or replaces what it held. */
  public enum Mode {
    ADD,
    REPLACE
  }

  /** A number and the day it was registered, as given. */
  public record Entry(String number, String registeredOn) {}

  /** A loaded register: how many numbers, and the last load. */
  public record Summary(DoNotCallRegister register, long entries, Instant loadedAt, String loadedBy,
      String lastLoad) {}

  /** What a load did. */
  public record LoadResult(DoNotCallRegister register, Mode mode, long rows, long entries) {}

  static final int BATCH = 1000;
  private static final int MAX_ERRORS = 20;
  private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final Clock clock;
  private final AuditLog audit;
  private final String defaultRegion;
  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

  DoNotCallRegisters(JdbcClient jdbc, JdbcTemplate template, Clock clock, AuditLog audit,
      ContactProperties contactProperties) {
    this.jdbc = jdbc;
    this.template = template;
    this.clock = clock;
    this.audit = audit;
    this.defaultRegion = contactProperties.defaultRegion().toUpperCase(Locale.ROOT);
  }

  /** Every loaded register, in the order of {@link DoNotCallRegister}. */
  public List<Summary> registers() {
    Map<String, Summary> loaded = new LinkedHashMap<>();
    jdbc.sql("SELECT * FROM policy_dnc_register").query(rs -> {
      Summary s = summary(rs);
      loaded.put(s.register().name(), s);
    });
    List<Summary> result = new ArrayList<>();
    for (DoNotCallRegister register : DoNotCallRegister.values()) {
      Optional.ofNullable(loaded.get(register.name())).ifPresent(result::add);
    }
    return result;
  }

  public Optional<Summary> register(DoNotCallRegister register) {
    return jdbc.sql("SELECT * FROM policy_dnc_register WHERE register = :r").param("r", register.name())
        .query((rs, n) -> summary(rs)).optional();
  }

  /**
   * Loads a CSV file: a number and the day it was registered per row (a header row is skipped; other columns are
   * ignored). Numbers without a country code are read in the register's country. A bad row (up to 20 are listed)
   * rejects the whole file with a 422 and changes nothing.
   *
   * @param what how the load is described in the register and the audit log ("tps-2026-11.csv")
   */
  @Transactional
  public LoadResult load(DoNotCallRegister register, Reader csv, Mode mode, String what, String by) {
    CsvReader reader = new CsvReader(csv);
    CsvReader.Row first = nextFilled(reader);
    CsvReader.Row start = first != null && isHeader(first) ? nextFilled(reader) : first;
    Iterator<CsvReader.Row> rows = new Iterator<>() {
      private CsvReader.Row next = start;

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public CsvReader.Row next() {
        CsvReader.Row row = next;
        next = nextFilled(reader);
        return row;
      }
    };
    return write(register, rows, mode, what, "line", by);
  }

  /** Loads entries given through the API, as {@link #load} does a file (at most 10,000 per call). */
  @Transactional
  public LoadResult add(DoNotCallRegister register, List<Entry> entries, Mode mode, String by) {
    if (entries == null || entries.isEmpty()) {
      throw ProblemException.invalid("empty-entries", "Give at least one entry: a number and its registeredOn date.");
    }
    if (entries.size() > 10_000) {
      throw ProblemException.invalid("too-many-entries", entries.size() + " entries; at most 10000 per call "
          + "(upload a CSV file for more).");
    }
    List<CsvReader.Row> rows = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      rows.add(new CsvReader.Row(i + 1, List.of(e == null || e.number() == null ? "" : e.number(),
          e == null || e.registeredOn() == null ? "" : e.registeredOn())));
    }
    return write(register, rows.iterator(), mode, entries.size() + " entries through the API", "entry", by);
  }

  private static CsvReader.Row nextFilled(CsvReader reader) {
    CsvReader.Row row = reader.next();
    while (row != null && row.blank()) {
      row = reader.next();
    }
    return row;
  }

  private LoadResult write(DoNotCallRegister register, Iterator<CsvReader.Row> rows, Mode mode, String what,
      String unit, String by) {
    Optional<Summary> before = register(register);
    if (mode == Mode.REPLACE) {
      jdbc.sql("DELETE FROM policy_dnc_entry WHERE register = :r").param("r", register.name()).update();
    }
    LocalDate latest = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
    List<String> errors = new ArrayList<>();
    Map<String, LocalDate> batch = new LinkedHashMap<>();
    long count = 0;
    while (rows.hasNext()) {
      CsvReader.Row row = rows.next();
      count++;
      try {
        String number = number(register, row.field(0));
        LocalDate registeredOn = date(row.field(1), latest);
        batch.merge(number, registeredOn, (a, b) -> a.isBefore(b) ? a : b);
      } catch (ProblemException e) {
        errors.add(unit + " " + row.line() + ": " + e.getMessage());
        if (errors.size() >= MAX_ERRORS) {
          break;
        }
      }
      if (batch.size() >= BATCH && errors.isEmpty()) {
        flush(register, batch);
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("invalid-register-file", "Nothing was loaded into " + register.title() + ". "
          + String.join(" ", errors));
    }
    if (count == 0) {
      throw ProblemException.invalid("empty-register-file", "No numbers to load: each row needs a number and the "
          + "date it was registered (2011-10-03).");
    }
    flush(register, batch);
    long entries = jdbc.sql("SELECT COUNT(*) FROM policy_dnc_entry WHERE register = :r").param("r", register.name())
        .query(Long.class).single();
    String described = (mode == Mode.REPLACE ? "replaced by " : "added ") + what + ": " + dev.tact.shared.Wording.count(count, "row", "rows");
    saveSummary(register, entries, described, by);
    audit.record(AuditRecord.of("policy.dnc.loaded", "dnc-register", register.slug(),
            register.title() + ": " + described + ", " + dev.tact.shared.Wording.count(entries, "number", "numbers") + " now")
        .change(before.map(s -> Map.of("entries", s.entries())).orElse(null),
            Map.of("entries", entries, "mode", mode.name(), "rows", count, "load", what)));
    return new LoadResult(register, mode, count, entries);
  }

  /** Takes a number off a register; false when it was not on it. */
  @Transactional
  public boolean remove(DoNotCallRegister register, String raw, String by) {
    String number = number(register, raw);
    Optional<DoNotCallListing> listed = lookup(register, number);
    if (listed.isEmpty()) {
      return false;
    }
    jdbc.sql("DELETE FROM policy_dnc_entry WHERE register = :r AND phone = :p").param("r", register.name())
        .param("p", number).update();
    long entries = register(register).map(Summary::entries).orElse(1L) - 1;
    saveSummary(register, entries, "removed " + number, by);
    audit.record(AuditRecord.of("policy.dnc.entry-removed", "dnc-register", register.slug(),
        number + " taken off " + register.title()).change(Map.of("number", number, "registeredOn",
        listed.get().registeredOn().toString()), null));
    return true;
  }

  /** Removes a whole register and its numbers; the number of entries it held (0 when it was not loaded). */
  @Transactional
  public long clear(DoNotCallRegister register, String by) {
    Optional<Summary> before = register(register);
    if (before.isEmpty()) {
      return 0;
    }
    jdbc.sql("DELETE FROM policy_dnc_entry WHERE register = :r").param("r", register.name()).update();
    jdbc.sql("DELETE FROM policy_dnc_register WHERE register = :r").param("r", register.name()).update();
    audit.record(AuditRecord.of("policy.dnc.removed", "dnc-register", register.slug(),
        register.title() + " removed with its "
            + dev.tact.shared.Wording.count(before.get().entries(), "number", "numbers"))
        .change(Map.of("entries", before.get().entries(), "lastLoad", before.get().lastLoad()), null));
    return before.get().entries();
  }

  /** Whether a number (as written, read in the register's country) is on the register, and since when. */
  public Optional<DoNotCallListing> lookup(DoNotCallRegister register, String raw) {
    String number = number(register, raw);
    return jdbc.sql("SELECT * FROM policy_dnc_entry WHERE register = :r AND phone = :p")
        .param("r", register.name()).param("p", number).query((rs, n) -> listing(rs)).optional();
  }

  /** A page of a register's numbers, in number order. */
  public List<DoNotCallListing> entries(DoNotCallRegister register, int limit, int offset) {
    return jdbc.sql("SELECT * FROM policy_dnc_entry WHERE register = :r ORDER BY phone LIMIT :limit OFFSET :offset")
        .param("r", register.name()).param("limit", limit).param("offset", offset).query((rs, n) -> listing(rs))
        .list();
  }

  /** The listings of these E.164 numbers on every register, a query per 1,000 numbers: for the policy's facts. */
  public List<DoNotCallListing> listingsOf(Collection<String> numbers) {
    List<DoNotCallListing> listings = new ArrayList<>();
    InLists.forEachSlice(numbers, phones ->
        jdbc.sql("SELECT * FROM policy_dnc_entry WHERE phone IN (:phones) ORDER BY registered_on, register")
            .param("phones", phones)
            .query(rs -> {
              listings.add(listing(rs));
            }));
    return listings;
  }

  private void flush(DoNotCallRegister register, Map<String, LocalDate> batch) {
    if (batch.isEmpty()) {
      return;
    }
    // Looked up by number alone, the register compared here: with the register in the WHERE clause H2 walks the
    // whole register by its primary key and tests every row against the list, so a load grew with the square of
    // its size.
    Map<String, LocalDate> listed = new HashMap<>();
    jdbc.sql("SELECT register, phone, registered_on FROM policy_dnc_entry WHERE phone IN (:phones)")
        .param("phones", List.copyOf(batch.keySet()))
        .query(rs -> {
          if (register.name().equals(rs.getString("register"))) {
            listed.put(rs.getString("phone"), rs.getObject("registered_on", LocalDate.class));
          }
        });
    // a number listed again keeps its earliest registration date: it is blocked from then on
    List<Map.Entry<String, LocalDate>> earlier = batch.entrySet().stream()
        .filter(row -> listed.containsKey(row.getKey()) && row.getValue().isBefore(listed.get(row.getKey())))
        .toList();
    List<Map.Entry<String, LocalDate>> added = batch.entrySet().stream()
        .filter(row -> !listed.containsKey(row.getKey())).toList();
    template.batchUpdate("UPDATE policy_dnc_entry SET registered_on = ? WHERE register = ? AND phone = ?", earlier,
        BATCH, (ps, row) -> {
          ps.setObject(1, row.getValue());
          ps.setString(2, register.name());
          ps.setString(3, row.getKey());
        });
    template.batchUpdate("INSERT INTO policy_dnc_entry (register, phone, registered_on) VALUES (?, ?, ?)", added,
        BATCH, (ps, row) -> {
          ps.setString(1, register.name());
          ps.setString(2, row.getKey());
          ps.setObject(3, row.getValue());
        });
    batch.clear();
  }

  private void saveSummary(DoNotCallRegister register, long entries, String lastLoad, String by) {
    String described = lastLoad.length() > 300 ? lastLoad.substring(0, 299) + "…" : lastLoad;
    Supplier<Integer> update = () -> jdbc.sql("""
        UPDATE policy_dnc_register SET entries = :entries, loaded_at = :at, loaded_by = :by, last_load = :load
        WHERE register = :r""").param("entries", entries).param("at", utc(clock.instant())).param("by", by)
        .param("load", described).param("r", register.name()).update();
    if (update.get() == 0) {
      jdbc.sql("""
          INSERT INTO policy_dnc_register (register, entries, loaded_at, loaded_by, last_load)
          VALUES (:r, :entries, :at, :by, :load)""").param("r", register.name()).param("entries", entries)
          .param("at", utc(clock.instant())).param("by", by).param("load", described).update();
    }
  }

  /** The number in E.164, read in the register's country when written without a country code. */
  String number(DoNotCallRegister register, String raw) {
    if (raw == null || raw.isBlank()) {
      throw ProblemException.invalid("missing-number", "a phone number is required.");
    }
    String region = register.region() != null ? register.region() : defaultRegion;
    try {
      PhoneNumber number = phones.parse(raw.strip(), region);
      if (!phones.isPossibleNumber(number)) {
        throw ProblemException.invalid("invalid-number", "'" + raw.strip() + "' is not a phone number.");
      }
      return phones.format(number, PhoneNumberFormat.E164);
    } catch (NumberParseException e) {
      throw ProblemException.invalid("invalid-number", "'" + raw.strip() + "' is not a phone number.");
    }
  }

  private static LocalDate date(String raw, LocalDate latest) {
    if (raw == null || raw.isBlank()) {
      throw ProblemException.invalid("missing-registration-date",
          "the date the number was registered is required (2011-10-03).");
    }
    String v = raw.strip();
    LocalDate date;
    try {
      date = LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v.replace('/', '-'));
    } catch (DateTimeException e) {
      throw ProblemException.invalid("invalid-registration-date",
          "'" + v + "' is not a date such as 2011-10-03.");
    }
    if (date.isAfter(latest) || date.isBefore(EARLIEST)) {
      throw ProblemException.invalid("invalid-registration-date",
          "registration date " + date + " must be between 1990-01-01 and today.");
    }
    return date;
  }

  private static boolean isHeader(CsvReader.Row row) {
    return row.field(0).chars().anyMatch(Character::isLetter) && !row.field(0).toLowerCase(Locale.ROOT)
        .startsWith("+");
  }

  private static DoNotCallListing listing(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new DoNotCallListing(DoNotCallRegister.valueOf(rs.getString("register")), rs.getString("phone"),
        rs.getObject("registered_on", LocalDate.class));
  }

  private static Summary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Summary(DoNotCallRegister.valueOf(rs.getString("register")), rs.getLong("entries"),
        instant(rs, "loaded_at"), rs.getString("loaded_by"), rs.getString("last_load"));
  }
}
