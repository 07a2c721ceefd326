package dev.tact.delivery.web;

import dev.tact.shared.web.Flash;
import dev.tact.delivery.Outbox;
import dev.tact.delivery.OutboxState;
import dev.tact.shared.PageRequest;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.StaffPrincipals;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page of the outbox: every outbound message by state, with retry and cancel. */
@UiController
@RequestMapping("/admin/outbox")
class OutboxAdminController {

  private final Outbox outbox;
  private final StaffPrincipals principals;

  OutboxAdminController(Outbox outbox, StaffPrincipals principals) {
    this.outbox = outbox;
    this.principals = principals;
  }

  @GetMapping
  String list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page, Model model) {
    OutboxState filter = parse(state);
    model.addAttribute("state", filter == null ? "" : filter.name().toLowerCase(Locale.ROOT));
    model.addAttribute("states", OutboxState.values());
    model.addAttribute("counts", outbox.counts());
    model.addAttribute("result", outbox.list(filter, new PageRequest(page, 50)));
    model.addAttribute("relayWarning", outbox.relayWarning());
    return "delivery/outbox";
  }

  @PostMapping("/{id}/retry")
  String retry(@PathVariable UUID id, @RequestParam(required = false) String state, Authentication authentication,
      RedirectAttributes redirect) {
    return Flash.run(redirect, back(state), "The message is queued again.",
        () -> outbox.retry(id, principals.who(authentication)));
  }

  @PostMapping("/{id}/cancel")
  String cancel(@PathVariable UUID id, @RequestParam(required = false) String state, Authentication authentication,
      RedirectAttributes redirect) {
    return Flash.run(redirect, back(state), "The message is cancelled.",
        () -> outbox.cancel(id, principals.who(authentication)));
  }

  private static String back(String state) {
    OutboxState filter = parse(state);
    return filter == null ? "/admin/outbox" : "/admin/outbox?state=" + filter.name().toLowerCase(Locale.ROOT);
  }

  private static OutboxState parse(String state) {
    if (state == null || state.isBlank()) {
      return null;
    }
    try {
      return OutboxState.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-state", "Unknown state '" + state + "'.");
    }
  }
}
