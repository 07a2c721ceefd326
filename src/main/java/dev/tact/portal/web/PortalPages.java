package dev.tact.portal.web;

import dev.tact.shared.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the portal's pages share: a problem is a readable portal page (never the agent UI's), and a refusal by a rate
 * limit is a 429 page with Retry-After.
 */
abstract class PortalPages {

  @ExceptionHandler(ProblemException.class)
  ModelAndView problem(ProblemException e) {
    return problemPage(HttpStatus.valueOf(e.status()), e.title(), e.getMessage());
  }

  static ModelAndView problemPage(HttpStatus status, String title, String detail) {
    ModelAndView view = new ModelAndView("portal/problem");
    view.setStatus(status);
    view.addObject("title", title);
    view.addObject("detail", detail);
    return view;
  }

  /** The conversation a customer named is not theirs, or does not exist: the same page either way. */
  static ModelAndView notFound() {
    return problemPage(HttpStatus.NOT_FOUND, "No such conversation",
        "We found no conversation of yours with this number.");
  }

  static ModelAndView tooMany(HttpServletResponse response, long seconds) {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    long minutes = (seconds + 59) / 60;
    return problemPage(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", "Please wait "
        + (seconds < 60 ? seconds + (seconds == 1 ? " second" : " seconds")
            : minutes + (minutes == 1 ? " minute" : " minutes")) + " and try again.");
  }
}
