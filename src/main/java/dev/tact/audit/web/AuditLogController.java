package dev.tact.audit.web;

import dev.tact.audit.AuditEntryView;
import dev.tact.audit.AuditExport;
import dev.tact.audit.AuditFilter;
import dev.tact.audit.AuditLog;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiFormat;
import dev.tact.shared.web.UiController;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Admin → Audit log (security restricts /admin/** to admins): the entries newest first with filters and paging,
 * before and after on demand, and the filtered entries as CSV or JSON.
 */
@UiController
@RequestMapping("/admin/audit")
class AuditLogController {

  static final int PAGE_SIZE = 50;

  /** One row of the table: the entry, and before/after indented for reading. */
  record Row(AuditEntryView entry, String before, String after) {}

  /** A choice of the action filter: a prefix ("routing." for all of routing) or one action. */
  record ActionChoice(String value, String label) {}

  private final AuditLog log;
  private final AuditExport export;

  AuditLogController(AuditLog log, AuditExport export) {
    this.log = log;
    this.export = export;
  }

  @GetMapping
  String page(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page,
      @ModelAttribute(name = "fmt", binding = false) UiFormat fmt, Model model) {
    model.addAttribute("actions", actionChoices(log.actions()));
    model.addAttribute("query", filter.given());
    try {
      PageResult<AuditEntryView> result = export.page(filter, fmt.zone(),
          new PageRequest(Math.max(page, 0), PAGE_SIZE));
      model.addAttribute("result", result);
      model.addAttribute("rows", result.items().stream().map(this::row).toList());
    } catch (ProblemException e) {
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("rows", List.of());
    }
    model.addAttribute("csvUrl", link("/admin/audit/export", filter, Map.of("format", "csv")));
    model.addAttribute("jsonUrl", link("/admin/audit/export", filter, Map.of("format", "json")));
    model.addAttribute("previousUrl", link("/admin/audit", filter, Map.of("page", Integer.toString(page - 1))));
    model.addAttribute("nextUrl", link("/admin/audit", filter, Map.of("page", Integer.toString(page + 1))));
    return "audit/log";
  }

  /** The filtered entries as a download, oldest first, streamed; the export is itself recorded. */
  @GetMapping("/export")
  void export(@ModelAttribute AuditFilter filter, @RequestParam(defaultValue = "csv") String format,
      @ModelAttribute(name = "fmt", binding = false) UiFormat fmt, HttpServletResponse response) throws IOException {
    AuditExport.Format chosen = AuditExport.Format.parse(format);
    filter.toQuery(fmt.zone()); // a bad date is a readable error page, not a broken download
    response.setContentType(chosen.contentType());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chosen.fileName() + "\"");
    response.setHeader("X-Content-Type-Options", "nosniff");
    export.export(filter, fmt.zone(), chosen, response.getOutputStream());
  }

  private Row row(AuditEntryView view) {
    return new Row(view, view.before() == null ? null : export.pretty(view.before().toString()),
        view.after() == null ? null : export.pretty(view.after().toString()));
  }

  /** Every prefix of the actions recorded so far ("routing.", "routing.rule."), then the actions themselves. */
  static List<ActionChoice> actionChoices(List<String> actions) {
    TreeSet<String> prefixes = new TreeSet<>();
    for (String action : actions) {
      for (int dot = action.indexOf('.'); dot > 0 && dot < action.length() - 1; dot = action.indexOf('.', dot + 1)) {
        prefixes.add(action.substring(0, dot + 1));
      }
    }
    return java.util.stream.Stream.concat(prefixes.stream().map(p -> new ActionChoice(p, p + "* (all)")),
        actions.stream().map(a -> new ActionChoice(a, a))).toList();
  }

  /** The path with the filters (and extra parameters) as its query, for links that keep the filters. */
  static String link(String path, AuditFilter filter, Map<String, String> extra) {
    Map<String, String> parameters = new LinkedHashMap<>(filter.given());
    parameters.putAll(extra);
    return path + "?" + String.join("&", parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
  }
}
