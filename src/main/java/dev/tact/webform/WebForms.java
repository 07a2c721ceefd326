package dev.tact.webform;

import static dev.tact.shared.SqlTime.instant;
import static dev.tact.shared.SqlTime.utc;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.intake.MessageIntake;
import dev.tact.shared.ControlCharacters;
import dev.tact.shared.Ids;
import dev.tact.shared.ProblemException;
import dev.tact.staff.StaffDirectory;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The forms admins configure (Admin → Web forms, {@code /api/v1/admin/forms}); {@code contact} exists from the start. */
@Service
public class WebForms {

  static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?");
  static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  static final Set<String> RESERVED_KEYS = Set.of("name", "email", "phone", "subject", "message", "ticket", "nonce",
      "website", "files");
  static final int MAX_FIELDS = 20;
  static final int MAX_FIELD_LENGTH = 2000;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final AuditLog audit;
  private final MessageIntake intake;
  private final StaffDirectory staff;
  private final Clock clock;

  WebForms(JdbcClient jdbc, JsonMapper json, AuditLog audit, MessageIntake intake, StaffDirectory staff,
      Clock clock) {
    this.staff = staff;
    this.jdbc = jdbc;
    this.json = json;
    this.audit = audit;
    this.intake = intake;
    this.clock = clock;
  }

  public List<WebForm> all() {
    return jdbc.sql("SELECT * FROM webform_form ORDER BY slug").query(this::form).list();
  }

  public Optional<WebForm> find(String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT * FROM webform_form WHERE slug = :slug").param("slug", slug).query(this::form).optional();
  }

  public WebForm require(String slug) {
    return find(slug).orElseThrow(() -> ProblemException.notFound("form", slug));
  }

  /** An enabled form, or 404 (customers see no difference between a disabled form and none). */
  public WebForm requireEnabled(String slug) {
    return find(slug).filter(WebForm::enabled).orElseThrow(() -> ProblemException.notFound("form", slug));
  }

  /** Adds a form; a bad one is a 422 and a slug in use a 409, and nothing is written. */
  @Transactional
  public WebForm create(WebFormRequest request) {
    WebForm form = validated(Ids.newId(), request, null);
    if (find(form.slug()).isPresent()) {
      throw ProblemException.conflict("form-slug-in-use", "A form with the address '" + form.slug() + "' exists.");
    }
    jdbc.sql("""
        INSERT INTO webform_form (id, slug, title, intro, fields_json, max_file_bytes, max_files, frame_ancestors,
          team_id, enabled, updated_at)
        VALUES (:id, :slug, :title, :intro, :fields, :maxFileBytes, :maxFiles, :ancestors, :team, :enabled, :at)""")
        .params(columns(form)).update();
    audit.record(AuditRecord.of("webform.created", "webform", form.id(), "Added web form " + form.slug())
        .change(null, form));
    return form;
  }

  /** Changes a form (its slug stays); unknown: 404; a bad change is a 422 and the form stays as it was. */
  @Transactional
  public WebForm update(String slug, WebFormRequest request) {
    WebForm before = require(slug);
    WebForm form = validated(before.id(), request, before);
    jdbc.sql("""
        UPDATE webform_form SET title = :title, intro = :intro, fields_json = :fields, max_file_bytes = :maxFileBytes,
          max_files = :maxFiles, frame_ancestors = :ancestors, team_id = :team, enabled = :enabled, updated_at = :at
        WHERE id = :id""").params(columns(form)).update();
    audit.record(AuditRecord.of("webform.updated", "webform", form.id(), "Changed web form " + form.slug())
        .change(before, form));
    return form;
  }

  /** Deletes a form: its page answers 404 from now on; conversations it opened stay. */
  @Transactional
  public void delete(String slug) {
    WebForm before = require(slug);
    jdbc.sql("DELETE FROM webform_form WHERE id = :id").param("id", before.id()).update();
    audit.record(AuditRecord.of("webform.deleted", "webform", before.id(), "Deleted web form " + before.slug())
        .change(before, null));
  }

  private java.util.Map<String, Object> columns(WebForm form) {
    java.util.Map<String, Object> columns = new java.util.HashMap<>();
    columns.put("id", form.id());
    columns.put("slug", form.slug());
    columns.put("title", form.title());
    columns.put("intro", form.intro());
    columns.put("fields", json.writeValueAsString(form.fields()));
    columns.put("maxFileBytes", form.maxFileBytes());
    columns.put("maxFiles", form.maxFiles());
    columns.put("ancestors", String.join(" ", form.frameAncestors()));
    columns.put("team", form.teamId());
    columns.put("enabled", form.enabled());
    columns.put("at", utc(form.updatedAt()));
    return columns;
  }

  private WebForm validated(UUID id, WebFormRequest r, WebForm before) {
    if (r == null) {
      throw ProblemException.invalid("missing-form", "Send the form as JSON.");
    }
    String slug = before != null ? before.slug() : r.slug() == null ? "" : r.slug().strip().toLowerCase(Locale.ROOT);
    if (!SLUG.matcher(slug).matches()) {
      throw ProblemException.invalid("invalid-slug", "The address must be 1 to 60 lower-case letters, digits or "
          + "hyphens, not starting or ending with a hyphen (e.g. 'returns').");
    }
    String title = line("title", r.title(), 200, true);
    String intro = r.intro() == null || r.intro().isBlank() ? null : r.intro().strip();
    if (intro != null && intro.length() > 2000) {
      throw ProblemException.invalid("field-too-long", "The introduction is longer than 2000 characters.");
    }
    List<FormField> fields = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    List<FormField> given = r.fields() == null ? List.of() : r.fields();
    if (given.size() > MAX_FIELDS) {
      throw ProblemException.invalid("too-many-fields", "A form may have at most " + MAX_FIELDS + " extra fields.");
    }
    for (FormField f : given) {
      if (f == null) {
        continue;
      }
      String label = line("field label", f.label(), 100, true);
      String key = f.key() == null || f.key().isBlank() ? keyOf(label) : f.key().strip();
      if (!KEY.matcher(key).matches()) {
        throw ProblemException.invalid("invalid-field-key", "The key '" + key + "' of field '" + label + "' must be "
            + "a lower-case letter, then up to 39 lower-case letters, digits or underscores.");
      }
      if (RESERVED_KEYS.contains(key) || !keys.add(key)) {
        throw ProblemException.invalid("duplicate-field-key", "The key '" + key + "' is used twice or by the form "
            + "itself; choose another.");
      }
      int max = f.maxLength() <= 0 ? 200 : f.maxLength();
      if (max > MAX_FIELD_LENGTH) {
        throw ProblemException.invalid("invalid-max-length", "A field's maximum length is at most "
            + MAX_FIELD_LENGTH + " characters.");
      }
      fields.add(new FormField(key, label, f.required(), max));
    }
    long maxFileBytes = r.maxFileBytes() == null ? before == null ? 10L * 1024 * 1024 : before.maxFileBytes()
        : r.maxFileBytes();
    if (maxFileBytes < 0 || maxFileBytes > intake.maxMailBytes()) {
      throw ProblemException.invalid("invalid-file-limit", "The attachment limit is 0 (no attachments) to "
          + intake.maxMailBytes() + " bytes.");
    }
    int maxFiles = r.maxFiles() == null ? before == null ? 5 : before.maxFiles() : r.maxFiles();
    if (maxFiles < 0 || maxFiles > 10) {
      throw ProblemException.invalid("invalid-file-count", "A form takes 0 to 10 attachments.");
    }
    List<String> ancestors = new ArrayList<>();
    for (String origin : r.frameAncestors() == null ? List.<String>of() : r.frameAncestors()) {
      if (origin == null || origin.isBlank()) {
        continue;
      }
      ancestors.add(origin(origin.strip()));
    }
    if (r.teamId() != null && staff.team(r.teamId()).isEmpty()) {
      throw ProblemException.invalid("unknown-team", "teamId " + r.teamId() + " is not a team.");
    }
    boolean enabled = r.enabled() == null ? before == null || before.enabled() : r.enabled();
    return new WebForm(id, slug, title, intro, List.copyOf(fields), maxFileBytes, maxFiles, List.copyOf(ancestors),
        r.teamId(), enabled, clock.instant());
  }

  /** {@code *}, or a web origin {@code scheme://host[:port]} without path. */
  static String origin(String value) {
    if (value.equals("*")) {
      return value;
    }
    try {
      URI uri = new URI(value);
      boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
      if (web && uri.getHost() != null && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
          && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
            + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
      }
    } catch (java.net.URISyntaxException e) {
      // answered below
    }
    throw ProblemException.invalid("invalid-origin", "'" + value + "' is not an origin such as https://shop.example "
        + "(scheme and host, no path), nor '*'.");
  }

  private static String keyOf(String label) {
    String key = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
      key = "field_" + key;
    }
    return key.length() > 40 ? key.substring(0, 40) : key;
  }

  private static String line(String what, String value, int max, boolean required) {
    String v = value == null ? "" : value.strip();
    if (required && v.isEmpty()) {
      throw ProblemException.invalid("missing-" + what.replace(' ', '-'), "The " + what + " is required.");
    }
    if (v.length() > max) {
      throw ProblemException.invalid("field-too-long", "The " + what + " is longer than " + max + " characters.");
    }
    if (ControlCharacters.firstIn(v) >= 0) {
      throw ProblemException.invalid("control-characters", "The " + what + " is one line of text.");
    }
    return v;
  }

  private WebForm form(ResultSet rs, int row) throws SQLException {
    List<FormField> fields = json.readValue(rs.getString("fields_json"), new TypeReference<List<FormField>>() {});
    String ancestors = rs.getString("frame_ancestors");
    return new WebForm(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
        rs.getString("intro"), List.copyOf(fields), rs.getLong("max_file_bytes"), rs.getInt("max_files"),
        ancestors == null || ancestors.isBlank() ? List.of() : Arrays.asList(ancestors.strip().split("\\s+")),
        rs.getObject("team_id", UUID.class), rs.getBoolean("enabled"), instant(rs, "updated_at"));
  }
}
