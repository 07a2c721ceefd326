package dev.tact.staff.signin.web;

import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.TwoFactorStatus;
import dev.tact.staff.signin.SessionStore;
import dev.tact.staff.signin.SignInPolicy;
import dev.tact.staff.signin.TwoFactor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in agent's own sign-in security: two-factor sign-in, recovery codes, and their sessions. */
@UiController
class AccountSecurityController {

  private static final String PAGE = "/account/security";

  private final StaffDirectory staff;
  private final TwoFactor twoFactor;
  private final SignInPolicy policy;
  private final SessionStore sessions;
  private final AuditLog audit;

  AccountSecurityController(StaffDirectory staff, TwoFactor twoFactor, SignInPolicy policy, SessionStore sessions,
      AuditLog audit) {
    this.staff = staff;
    this.twoFactor = twoFactor;
    this.policy = policy;
    this.sessions = sessions;
    this.audit = audit;
  }

  @GetMapping(PAGE)
  String page(Authentication authentication, HttpServletRequest request, Model model) {
    Agent agent = me(authentication);
    TwoFactorStatus status = twoFactor.status(agent.id());
    model.addAttribute("agent", agent);
    model.addAttribute("twoFactor", status);
    model.addAttribute("required", policy.requiresTwoFactor());
    if (status.setupStarted()) {
      model.addAttribute("enrolment", twoFactor.startEnrolment(agent, false));
    }
    model.addAttribute("sessions", sessions.of(agent.email(), sessionId(request)));
    return "staff/account-security";
  }

  @PostMapping(PAGE + "/two-factor/setup")
  String setUp(Authentication authentication, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, null, () -> twoFactor.startEnrolment(me(authentication), true));
  }

  @PostMapping(PAGE + "/two-factor/confirm")
  String confirm(@RequestParam(defaultValue = "") String code, Authentication authentication,
      RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Two-factor sign-in is on. Keep your recovery codes somewhere safe.",
        () -> redirect.addFlashAttribute("recoveryCodes", twoFactor.confirm(me(authentication), code)));
  }

  @PostMapping(PAGE + "/two-factor/disable")
  String disable(@RequestParam(defaultValue = "") String password, Authentication authentication,
      RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Two-factor sign-in is off.",
        () -> twoFactor.disable(me(authentication), password));
  }

  @PostMapping(PAGE + "/two-factor/recovery-codes")
  String newRecoveryCodes(@RequestParam(defaultValue = "") String password, Authentication authentication,
      RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "New recovery codes made; the old ones no longer work.", () -> {
      List<String> codes = twoFactor.newRecoveryCodes(me(authentication), password);
      redirect.addFlashAttribute("recoveryCodes", codes);
    });
  }

  @PostMapping(PAGE + "/sessions/{id}/end")
  String endSession(@PathVariable String id, Authentication authentication, RedirectAttributes redirect) {
    return Flash.run(redirect, PAGE, "Session ended.", () -> {
      Agent agent = me(authentication);
      if (!sessions.end(agent.email(), id)) {
        throw ProblemException.notFound("session", id);
      }
      audit.recordAlone(AuditRecord.of("signin.session.ended", "agent", agent.id(),
          agent.email() + " ended one of their sessions"));
    });
  }

  @PostMapping(PAGE + "/sessions/end-others")
  String endOtherSessions(Authentication authentication, HttpServletRequest request, RedirectAttributes redirect) {
    Agent agent = me(authentication);
    int ended = sessions.endAll(agent.email(), request.getSession().getId());
    if (ended > 0) {
      audit.recordAlone(AuditRecord.of("signin.sessions.ended", "agent", agent.id(),
          agent.email() + " ended " + dev.tact.shared.Wording.count(ended, "other session", "other sessions") + " of theirs"));
    }
    redirect.addFlashAttribute("notice", "Ended " + dev.tact.shared.Wording.count(ended, "other session", "other sessions") + ".");
    return "redirect:" + PAGE;
  }

  private Agent me(Authentication authentication) {
    return staff.findAgentByEmail(authentication.getName())
        .orElseThrow(() -> new ProblemException(403, "not-an-agent", "Not an agent", "Only agents have this page."));
  }

  private static String sessionId(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? null : session.getId();
  }
}
