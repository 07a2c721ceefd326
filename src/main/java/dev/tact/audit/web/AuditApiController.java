package dev.tact.audit.web;

import dev.tact.audit.AuditEntryView;
import dev.tact.audit.AuditExport;
import dev.tact.audit.AuditFilter;
import dev.tact.audit.AuditLog;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log for admins' programs: filtered pages, the actions recorded so far, and exports. */
@ApiController
@RequestMapping("/api/v1/admin/audit")
@Tag(name = "Administration", description = "Admin role only")
class AuditApiController {

  private final AuditExport export;
  private final AuditLog log;

  AuditApiController(AuditExport export, AuditLog log) {
    this.export = export;
    this.log = log;
  }

  @Operation(summary = "Audit entries, newest first",
      description = "action: an action or a prefix ending in a dot (routing.); actor: part of who; target: a target "
          + "id; text: part of the summary; from, until: dates (UTC days, both included) or ISO-8601 instants.")
  @GetMapping
  PageResult<AuditEntryView> entries(@RequestParam(required = false) String action,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String target,
      @RequestParam(required = false) String text, @RequestParam(required = false) String from,
      @RequestParam(required = false) String until, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return export.page(new AuditFilter(action, actor, target, text, from, until), ZoneOffset.UTC,
        new PageRequest(page, size));
  }

  @Operation(summary = "The actions recorded so far")
  @GetMapping("/actions")
  List<String> actions() {
    return log.actions();
  }

  @Operation(summary = "Export the filtered entries",
      description = "format csv (RFC 4180; cells starting with = + - @ get a leading ') or json (an array), oldest "
          + "first, streamed. The export is recorded in the audit log (audit.exported) with its filter.")
  @GetMapping("/export")
  void export(@RequestParam(defaultValue = "csv") String format, @RequestParam(required = false) String action,
      @RequestParam(required = false) String actor, @RequestParam(required = false) String target,
      @RequestParam(required = false) String text, @RequestParam(required = false) String from,
      @RequestParam(required = false) String until, HttpServletResponse response) throws IOException {
    AuditExport.Format chosen = AuditExport.Format.parse(format);
    AuditFilter filter = new AuditFilter(action, actor, target, text, from, until);
    filter.toQuery(ZoneOffset.UTC); // a bad date is a 422 before the download starts
    response.setContentType(chosen.contentType());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chosen.fileName() + "\"");
    export.export(filter, ZoneOffset.UTC, chosen, response.getOutputStream());
  }
}
