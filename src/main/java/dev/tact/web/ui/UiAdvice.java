package dev.tact.web.ui;

import dev.tact.shared.web.UiController;
import dev.tact.shared.web.UiFormat;
import dev.tact.shared.ProblemException;
import dev.tact.staff.AgentZones;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page of the agent UI shares: the formatting helper in the reader's zone, and domain errors on pages
 * that are read (GET) shown as a readable page instead of a stack trace.
 */
@Order(Ordered.HIGHEST_PRECEDENCE) // before the Problem Details advice, which answers JSON
@ControllerAdvice(basePackages = "dev.tact.web.ui", annotations = UiController.class)
class UiAdvice {

  private final AgentZones zones;

  UiAdvice(AgentZones zones) {
    this.zones = zones;
  }

  /** Times in the reader's own zone: the agent's profile zone, else the site's. */
  @ModelAttribute("fmt")
  UiFormat format(Authentication authentication) {
    return new UiFormat(zones.of(authentication));
  }

  @ExceptionHandler(ProblemException.class)
  ModelAndView problem(ProblemException e) {
    return page(HttpStatus.valueOf(e.status()), e.title(), e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView badParameter(MethodArgumentTypeMismatchException e) {
    return page(HttpStatus.BAD_REQUEST, "Invalid address",
        "'" + e.getValue() + "' is not a valid value for " + e.getName() + ".");
  }

  private ModelAndView page(HttpStatus status, String title, String detail) {
    ModelAndView view = new ModelAndView("problem");
    view.setStatus(status);
    view.addObject("fmt", new UiFormat(zones.ofSignedIn()));
    view.addObject("title", title);
    view.addObject("detail", detail);
    return view;
  }
}
