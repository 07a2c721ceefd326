package dev.tact.staff.signin.web;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.signin.PendingSignIn;
import dev.tact.staff.signin.SecondStep;
import dev.tact.staff.signin.SignInCompletion;
import dev.tact.staff.signin.LockedRefusals;
import dev.tact.staff.signin.SignInThrottle;
import dev.tact.staff.signin.TwoFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of signing in, for a session whose first factor was accepted: a code from the authenticator app
 * (or a recovery code), or, when two factors are required and the agent has none, setting one up. The session stays
 * anonymous until this step is done; code attempts are throttled like passwords.
 */
@UiController
class SecondFactorController {

  private final TwoFactor twoFactor;
  private final SignInThrottle throttle;
  private final SignInCompletion completion;
  private final StaffDirectory staff;
  private final AuditLog audit;
  private final LockedRefusals refusals;
  private final Clock clock;

  SecondFactorController(TwoFactor twoFactor, SignInThrottle throttle, SignInCompletion completion,
      StaffDirectory staff, AuditLog audit, LockedRefusals refusals, Clock clock) {
    this.refusals = refusals;
    this.twoFactor = twoFactor;
    this.throttle = throttle;
    this.completion = completion;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/login/two-factor")
  String codePage(HttpServletRequest request, RedirectAttributes redirect) {
    return pending(request, SecondStep.CODE).isPresent() ? "staff/two-factor-code" : startAgain(redirect);
  }

  @PostMapping("/login/two-factor")
  String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
      Model model, RedirectAttributes redirect) {
    Optional<PendingSignIn> pending = pending(request, SecondStep.CODE);
    Optional<Agent> agent = pending.flatMap(p -> staff.findAgentByEmail(p.email())).filter(Agent::active);
    if (agent.isEmpty()) {
      return startAgain(redirect);
    }
    SignInThrottle.Attempt attempt = SignInThrottle.code(agent.get().email());
    Optional<Duration> wait = throttle.take(attempt);
    if (wait.isPresent()) {
      refused(agent.get(), wait.get());
      model.addAttribute("problem", SignInThrottle.refusal(wait.get()));
      return "staff/two-factor-code";
    }
    TwoFactor.Verification verification = twoFactor.verify(agent.get(), code);
    if (verification == TwoFactor.Verification.WRONG) {
      audit.recordAlone(AuditRecord.of("signin.failed", "agent", agent.get().id(),
          "Sign-in failed: wrong two-factor code").by(AuditActor.anonymous(agent.get().email())));
      model.addAttribute("problem",
          "That code is not right. Enter the code your app shows now, or one of your recovery codes.");
      return "staff/two-factor-code";
    }
    throttle.giveBack(attempt);
    String method = pending.get().method() + (verification == TwoFactor.Verification.RECOVERY_CODE
        ? " and a recovery code" : " and an authenticator code");
    return finish(request, response, agent.get(), method, redirect);
  }

  @GetMapping("/login/two-factor/enrol")
  String enrolPage(HttpServletRequest request, Model model, RedirectAttributes redirect) {
    Optional<Agent> agent = pending(request, SecondStep.ENROL)
        .flatMap(p -> staff.findAgentByEmail(p.email())).filter(Agent::active);
    if (agent.isEmpty()) {
      return startAgain(redirect);
    }
    model.addAttribute("enrolment", twoFactor.startEnrolment(agent.get(), false));
    return "staff/two-factor-enrol";
  }

  @PostMapping("/login/two-factor/enrol")
  String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
      HttpServletResponse response, Model model, RedirectAttributes redirect) {
    Optional<PendingSignIn> pending = pending(request, SecondStep.ENROL);
    Optional<Agent> agent = pending.flatMap(p -> staff.findAgentByEmail(p.email())).filter(Agent::active);
    if (agent.isEmpty()) {
      return startAgain(redirect);
    }
    SignInThrottle.Attempt attempt = SignInThrottle.code(agent.get().email());
    Optional<Duration> wait = throttle.take(attempt);
    List<String> recoveryCodes;
    try {
      if (wait.isPresent()) {
        refused(agent.get(), wait.get());
        throw ProblemException.invalid("too-many-codes", SignInThrottle.refusal(wait.get()));
      }
      recoveryCodes = twoFactor.confirm(agent.get(), code);
    } catch (ProblemException e) {
      if (wait.isEmpty()) {
        audit.recordAlone(AuditRecord.of("signin.failed", "agent", agent.get().id(),
            "Sign-in failed: wrong code while setting up two-factor sign-in")
            .by(AuditActor.anonymous(agent.get().email())));
      }
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("enrolment", twoFactor.startEnrolment(agent.get(), false));
      return "staff/two-factor-enrol";
    }
    throttle.giveBack(attempt);
    redirect.addFlashAttribute("recoveryCodes", recoveryCodes);
    redirect.addFlashAttribute("notice", "Two-factor sign-in is on. Keep your recovery codes somewhere safe.");
    if (completion.complete(request, response, agent.get().email(),
        pending.get().method() + " and a newly set up authenticator app").isEmpty()) {
      return startAgain(redirect);
    }
    return "redirect:/account/security"; // where the recovery codes are shown, once
  }

  private String finish(HttpServletRequest request, HttpServletResponse response, Agent agent, String method,
      RedirectAttributes redirect) {
    if (completion.complete(request, response, agent.email(), method).isEmpty()) {
      return startAgain(redirect);
    }
    return "redirect:" + completion.landingPage(request, response);
  }

  private void refused(Agent agent, Duration wait) {
    refusals.refused("code:" + agent.id(), agent.id(), agent.email(),
        "Two-factor code refused without checking it: too many wrong codes (try again in "
            + SignInThrottle.describe(wait) + ")");
  }

  private Optional<PendingSignIn> pending(HttpServletRequest request, SecondStep step) {
    return PendingSignIn.of(request, clock.instant()).filter(p -> p.step() == step);
  }

  private static String startAgain(RedirectAttributes redirect) {
    redirect.addFlashAttribute("signinProblem", "Please sign in again: that sign-in expired or can no longer go on.");
    return "redirect:/login";
  }
}
