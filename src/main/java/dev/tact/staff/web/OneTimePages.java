package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.staff.LinkCheck;
import dev.tact.staff.LinkProblems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * What the public one-time link pages share: the secret is in their address, so they tell browsers not to keep
 * them or pass the address on, and a link that does not work gets a page saying why and what to do.
 */
final class OneTimePages {

  private OneTimePages() {}

  static void protect(HttpServletResponse response) {
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex");
  }

  /** The "this link does not work" page, with the status the problem has (410 or 404). */
  static String problem(LinkCheck check, String what, Model model, HttpServletResponse response) {
    return problem(LinkProblems.of(check.status(), what), model, response);
  }

  static String problem(ProblemException problem, Model model, HttpServletResponse response) {
    response.setStatus(problem.status());
    model.addAttribute("title", problem.title());
    model.addAttribute("detail", problem.getMessage());
    return "staff/link-problem";
  }

  /** A problem with the link itself (not with what was typed into its form). */
  static boolean aboutTheLink(ProblemException problem) {
    return problem.code().startsWith("link-");
  }
}
