package dev.tact.staff;

import dev.tact.shared.ProblemException;

/** Why a one-time link does not work, as a problem with a sentence for the person who opened it. */
public final class LinkProblems {

  private LinkProblems() {}

  /** {@code what}: "invitation", "password reset" or "setup". */
  public static ProblemException of(LinkStatus status, String what) {
    return switch (status) {
      case EXPIRED -> new ProblemException(410, "link-expired", "This link has expired",
          "This " + what + " link has expired. " + nextStep(what));
      case USED -> new ProblemException(410, "link-used", "This link was used already",
          "This " + what + " link was used already; it works only once. " + nextStep(what));
      case REVOKED -> new ProblemException(410, "link-revoked", "This link no longer works",
          "This " + what + " link was replaced by a newer one or withdrawn. " + nextStep(what));
      case UNKNOWN, VALID -> new ProblemException(404, "link-not-found", "This link is not valid",
          "This " + what + " link is not valid: check that it was copied whole, or ask for a new one.");
    };
  }

  private static String nextStep(String what) {
    return switch (what) {
      case "invitation" -> "If you chose your password already, log in; otherwise ask an admin to send a new invitation.";
      case "password reset" -> "Ask for a new link on the login page (Forgot your password?).";
      default -> "Restart Tact to print a new setup link, or log in if an admin exists.";
    };
  }
}
