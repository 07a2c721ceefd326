package dev.tact.web.ui;

import dev.tact.shared.web.Flash;
import dev.tact.intake.InboundItems;
import dev.tact.intake.ItemState;
import dev.tact.shared.PageRequest;
import dev.tact.shared.ProblemException;
import dev.tact.staff.IssuedApiToken;
import dev.tact.staff.Role;
import dev.tact.staff.ApiTokens;
import dev.tact.web.security.TactPrincipals;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages (security restricts /admin/** to admins): parked inbound items and API tokens. */
@Controller
@RequestMapping("/admin")
class AdminController {

  private final InboundItems items;
  private final ApiTokens tokens;
  private final TactPrincipals principals;

  AdminController(InboundItems items, ApiTokens tokens, TactPrincipals principals) {
    this.items = items;
    this.tokens = tokens;
    this.principals = principals;
  }

  /** Parked items (failed, retryable) or suppressed ones (read, deliberately not filed, with the reason). */
  @GetMapping("/inbound")
  String inbound(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "parked") String state,
      Model model) {
    ItemState shown = "suppressed".equals(state) ? ItemState.SUPPRESSED : ItemState.PARKED;
    model.addAttribute("state", shown.name().toLowerCase(java.util.Locale.ROOT));
    model.addAttribute("result", items.list(shown, new PageRequest(Math.max(page, 0), 25)));
    return "admin/inbound";
  }

  /** The raw MIME of an email item, for an admin to look at what could not be read. */
  @GetMapping("/inbound/{id}/raw")
  ResponseEntity<byte[]> raw(@PathVariable UUID id) {
    byte[] raw = items.rawContent(id).orElseThrow(() -> ProblemException.notFound("raw-content", id));
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".eml\"")
        .header("X-Content-Type-Options", "nosniff").body(raw);
  }

  @PostMapping("/inbound/{id}/retry")
  String retry(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/inbound", "Item " + id + " is queued again.", () -> items.retry(id));
  }

  @GetMapping("/tokens")
  String tokens(Model model) {
    model.addAttribute("tokens", tokens.list());
    model.addAttribute("roles", Role.values());
    return "admin/tokens";
  }

  /** Shows the new secret on this response only; it is never stored in the session or shown again. */
  @PostMapping("/tokens")
  String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "AGENT") String role,
      Authentication auth, Model model) {
    try {
      UUID creator = principals.agent(auth).map(a -> a.id()).orElse(null);
      IssuedApiToken issued = tokens.issue(name, Role.parse(role), creator);
      model.addAttribute("issued", issued);
    } catch (ProblemException e) {
      model.addAttribute("problem", e.getMessage());
    }
    return tokens(model);
  }

  @PostMapping("/tokens/{id}/revoke")
  String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/tokens", "Token revoked.", () -> tokens.revoke(id));
  }
}
