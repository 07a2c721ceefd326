package dev.tact.incident.web;

import dev.tact.incident.IncidentProperties;
import dev.tact.incident.StatusSubscriptions;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.VisitorRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The status page's subscription forms: subscribe (the answer is the same whether the address was known), confirm
 * by the emailed link, and stop notices (a button, so that a mail scanner following the link stops nothing).
 */
@Controller
class StatusSubscriptionController {

  private static final String PAGE = "incident/subscription";

  private final StatusSubscriptions subscriptions;
  private final IncidentProperties properties;
  private final VisitorRateLimiter limits = new VisitorRateLimiter(5, 5, 100_000);

  StatusSubscriptionController(StatusSubscriptions subscriptions, IncidentProperties properties) {
    this.subscriptions = subscriptions;
    this.properties = properties;
  }

  @PostMapping("/status/subscribe")
  String subscribe(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String component,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    long wait = limits.secondsToWait(request.getRemoteAddr());
    if (wait > 0) {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(wait));
      return page(model, "Too many requests", "Please try again in " + wait + " seconds.");
    }
    try {
      subscriptions.subscribe(email, component.isBlank() ? null : UUID.fromString(component.strip()));
    } catch (ProblemException e) {
      response.setStatus(e.status());
      return page(model, "Not subscribed", e.getMessage());
    } catch (IllegalArgumentException e) {
      response.setStatus(422);
      return page(model, "Not subscribed", "Choose a component from the list.");
    }
    return page(model, "Check your inbox", "If the address can receive mail, a link to confirm is on its way. "
        + "Nothing is sent until you open it.");
  }

  @GetMapping("/status/subscriptions/{token}/confirm")
  String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
    return subscriptions.confirm(token).map(found -> page(model, "Subscribed", "You will hear from us when an "
        + "incident affects " + found.scope() + " (" + found.email() + ").")).orElseGet(() -> {
          response.setStatus(404);
          return page(model, "Link not valid", "This link is not valid or the subscription was stopped.");
        });
  }

  @GetMapping("/status/subscriptions/{token}/unsubscribe")
  String askUnsubscribe(@PathVariable String token, HttpServletResponse response, Model model) {
    return subscriptions.find(token).map(found -> {
      model.addAttribute("token", token);
      return page(model, "Stop incident notices?", "Notices about " + found.scope() + " to " + found.email() + ".");
    }).orElseGet(() -> {
      response.setStatus(404);
      return page(model, "Link not valid", "This link is not valid.");
    });
  }

  @PostMapping("/status/subscriptions/{token}/unsubscribe")
  String unsubscribe(@PathVariable String token, HttpServletResponse response, Model model) {
    return subscriptions.unsubscribe(token).map(found -> page(model, "Unsubscribed", "No more incident notices "
        + "about " + found.scope() + " go to " + found.email() + ".")).orElseGet(() -> {
          response.setStatus(404);
          return page(model, "Link not valid", "This link is not valid.");
        });
  }

  private String page(Model model, String heading, String text) {
    model.addAttribute("title", properties.statusTitle());
    model.addAttribute("heading", heading);
    model.addAttribute("text", text);
    return PAGE;
  }
}
