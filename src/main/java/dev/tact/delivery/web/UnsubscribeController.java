package dev.tact.delivery.web;

import dev.tact.delivery.Unsubscribes;
import dev.tact.policy.Purpose;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ProblemDetails;
import dev.tact.shared.web.UiController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The unsubscribe link of outgoing mail, open to anyone who has it (the signed token is the
 * permission). GET only shows a confirmation page, because mail scanners follow links; POST with
 * {@code List-Unsubscribe=One-Click} (RFC 8058, or the page's button) records the opt-out at once.
 */
@UiController
@RequestMapping("/unsubscribe/{token}")
class UnsubscribeController {

  static final String ONE_CLICK = "One-Click";

  private final Unsubscribes unsubscribes;

  UnsubscribeController(Unsubscribes unsubscribes) {
    this.unsubscribes = unsubscribes;
  }

  @GetMapping
  ModelAndView confirm(@PathVariable String token) {
    Purpose purpose = unsubscribes.purposeOf(token);
    return page(HttpStatus.OK, "confirm", purpose).addObject("token", token);
  }

  @PostMapping
  ModelAndView unsubscribe(@PathVariable String token,
      @RequestParam(name = "List-Unsubscribe", required = false) String listUnsubscribe,
      @RequestParam(name = "confirmed", required = false) String confirmedOnPage) {
    if (!ONE_CLICK.equals(listUnsubscribe)) {
      throw new ProblemException(400, "not-one-click", "Not an unsubscribe request",
          "Send the form field List-Unsubscribe=One-Click (RFC 8058), or use the button on the page of this link.");
    }
    Purpose purpose = unsubscribes.purposeOf(token);
    unsubscribes.unsubscribe(token, confirmedOnPage != null ? "confirmation page" : "one-click POST (RFC 8058)");
    return page(HttpStatus.OK, "done", purpose);
  }

  @ExceptionHandler(value = ProblemException.class, produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView problemPage(ProblemException e) {
    return page(HttpStatus.valueOf(e.status()), "problem", null).addObject("title", e.title())
        .addObject("detail", e.getMessage());
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> problem(ProblemException e) {
    return ResponseEntity.status(e.status())
        .body(ProblemDetails.of(e.status(), e.code(), e.title(), e.getMessage()));
  }

  private static ModelAndView page(HttpStatus status, String state, Purpose purpose) {
    ModelAndView view = new ModelAndView("delivery/unsubscribe");
    view.setStatus(status);
    view.addObject("state", state);
    view.addObject("marketing", purpose != Purpose.TRANSACTIONAL);
    return view;
  }
}
