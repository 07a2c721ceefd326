package dev.tact.intake.web;

import dev.tact.intake.InboundItems;
import dev.tact.intake.ItemState;
import dev.tact.shared.PageRequest;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of inbound items (security restricts /admin/** to admins): parked and suppressed ones. */
@UiController
@RequestMapping("/admin/inbound")
class InboundAdminController {

  private final InboundItems items;

  InboundAdminController(InboundItems items) {
    this.items = items;
  }

  /** Parked items (failed, retryable) or suppressed ones (read, deliberately not filed, with the reason). */
  @GetMapping
  String inbound(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "parked") String state,
      Model model) {
    ItemState shown = "suppressed".equals(state) ? ItemState.SUPPRESSED : ItemState.PARKED;
    model.addAttribute("state", shown.name().toLowerCase(Locale.ROOT));
    model.addAttribute("result", items.list(shown, new PageRequest(Math.max(page, 0), 25)));
    return "intake/inbound";
  }

  /** The raw MIME of an email item, for an admin to look at what could not be read. */
  @GetMapping("/{id}/raw")
  ResponseEntity<byte[]> raw(@PathVariable UUID id) {
    byte[] raw = items.rawContent(id).orElseThrow(() -> ProblemException.notFound("raw-content", id));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".eml\"")
        .header("X-Content-Type-Options", "nosniff").body(raw);
  }

  @PostMapping("/{id}/retry")
  String retry(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/inbound", "Item " + id + " is queued again.", () -> items.retry(id));
  }
}
