package dev.tact.shared.web;

import dev.tact.shared.ProblemException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Post/Redirect/Get with a message: runs an action and leaves its outcome for the next page. */
public final class Flash {

  private Flash() {}

  /** Runs the action; a domain error becomes a readable message on the page redirected to. */
  public static String run(RedirectAttributes redirect, String redirectTo, String notice, Runnable action) {
    try {
      action.run();
      if (notice != null) {
        redirect.addFlashAttribute("notice", notice);
      }
    } catch (ProblemException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:" + redirectTo;
  }
}
