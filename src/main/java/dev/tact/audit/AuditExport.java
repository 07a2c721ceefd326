package dev.tact.audit;

import dev.tact.shared.CsvWriter;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the audit log for people and programs: pages of entries with before and after as JSON, and exports of
 * every entry matching a filter as CSV (RFC 4180) or a JSON array, written entry by entry as they are read (an
 * export of any size never sits in memory). Each export is itself recorded, with its filter, as
 * {@code audit.exported}.
 */
@Service
public class AuditExport {

  /** The export formats. */
  public enum Format {
    CSV("text/csv; charset=utf-8", "csv"),
    JSON("application/json", "json");

    private final String contentType;
    private final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }

    public String contentType() {
      return contentType;
    }

    public String fileName() {
      return "audit-log." + extension;
    }

    public static Format parse(String value) {
      try {
        return valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ProblemException.invalid("unknown-format", "Unknown export format '" + value + "': use csv or json.");
      }
    }
  }

  static final List<String> CSV_COLUMNS = List.of("at", "actor_kind", "actor", "source", "action", "target_type",
      "target_id", "summary", "before", "after");

  private final AuditLog log;
  private final JsonMapper json;

  AuditExport(AuditLog log, JsonMapper json) {
    this.log = log;
    this.json = json;
  }

  /** A page of the entries matching the filter, newest first. */
  public PageResult<AuditEntryView> page(AuditFilter filter, ZoneId zone, PageRequest page) {
    PageResult<AuditEntry> entries = log.search(filter.toQuery(zone), page);
    return new PageResult<>(entries.items().stream().map(this::view).toList(), entries.page(), entries.size(),
        entries.total());
  }

  /** The entry with before and after read as JSON. */
  public AuditEntryView view(AuditEntry e) {
    return new AuditEntryView(e.id(), e.at(), e.actor().kind(), e.actor().name(), e.source(), e.action(),
        e.targetType(), e.targetId(), e.summary(), tree(e.before()), tree(e.after()));
  }

  /** Before or after as indented JSON text for people, or null. */
  public String pretty(String jsonText) {
    return jsonText == null ? null : json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(jsonText));
  }

  /**
   * Writes every entry matching the filter, oldest first, and records the export (also one that broke off, with
   * how far it got). A filter that cannot be read is a 422 before anything is written.
   */
  public void export(AuditFilter filter, ZoneId zone, Format format, OutputStream out) throws IOException {
    AuditQuery query = filter.toQuery(zone);
    AtomicLong written = new AtomicLong();
    boolean complete = false;
    try {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      if (format == Format.CSV) {
        writer.write(CsvWriter.row(CSV_COLUMNS));
      } else {
        writer.write("[");
      }
      log.each(query, entry -> {
        try {
          if (format == Format.CSV) {
            writer.write(CsvWriter.row(csvCells(entry)));
          } else {
            writer.write((written.get() == 0 ? "\n" : ",\n") + json.writeValueAsString(view(entry)));
          }
          written.incrementAndGet();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      if (format == Format.JSON) {
        writer.write(written.get() == 0 ? "]\n" : "\n]\n");
      }
      writer.flush();
      complete = true;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("format", format.name().toLowerCase(Locale.ROOT));
      after.put("filter", filter.given());
      after.put("entries", written.get());
      after.put("complete", complete);
      String outcome = complete ? "Exported " : "Export broke off after ";
      log.record(AuditRecord.of("audit.exported", "audit-log", null, outcome + dev.tact.shared.Wording.count(written.get(), "audit entry", "audit entries") + " as "
          + format.name() + " (" + filter.describe() + ")").change(null, after));
    }
  }

  private static List<String> csvCells(AuditEntry e) {
    return List.of(e.at().toString(), e.actor().kind().name(), e.actor().name(), nullToEmpty(e.source()), e.action(),
        nullToEmpty(e.targetType()), nullToEmpty(e.targetId()), e.summary(), nullToEmpty(e.before()),
        nullToEmpty(e.after()));
  }

  private JsonNode tree(String text) {
    return text == null ? null : json.readTree(text);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
