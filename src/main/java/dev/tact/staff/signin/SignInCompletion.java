package dev.tact.staff.signin;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditLog;
import dev.tact.audit.AuditRecord;
import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.StaffPrincipals;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * The one place an agent becomes signed in, whatever the factors were: a fresh session id, an authentication with the
 * agent's email as name and their role's authorities (exactly what a password alone gives), the session's sign-in
 * facts, and {@code signin.succeeded} in the audit log. Anything before this leaves the session anonymous.
 */
@Component
public class SignInCompletion {

  /** Where leads and admins land after signing in (agents land in their inbox). */
  static final String LEADS_HOME = "/dashboard";

  private final UserDetailsService users;
  private final StaffDirectory staff;
  private final AuditLog audit;
  private final Clock clock;
  private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
      new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
  private final RequestCache requestCache = SignInSetup.REQUEST_CACHE;

  SignInCompletion(UserDetailsService users, StaffDirectory staff, AuditLog audit, Clock clock) {
    this.users = users;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
  }

  /** Signs the agent in; empty (and nothing changed) when they no longer may. */
  public Optional<Authentication> complete(HttpServletRequest request, HttpServletResponse response, String email,
      String method) {
    UserDetails user;
    try {
      user = users.loadUserByUsername(email);
    } catch (UsernameNotFoundException e) {
      return Optional.empty();
    }
    Optional<Agent> agent = staff.findAgentByEmail(email).filter(Agent::active);
    if (!user.isEnabled() || agent.isEmpty()) {
      return Optional.empty();
    }
    UserDetails principal = User.withUsername(user.getUsername()).password("").authorities(user.getAuthorities())
        .build();
    Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
        user.getAuthorities());
    HttpSession session = request.getSession(false);
    if (session != null) {
      request.changeSessionId(); // the id that was used before signing in never names a signed-in session
    }
    session = request.getSession(true);
    PendingSignIn.clear(session);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    SessionFacts.record(session, request, method, clock.instant());
    audit.recordAlone(AuditRecord.of("signin.succeeded", "agent", agent.get().id(),
        "Signed in with " + method).by(new AuditActor(AuditActor.Kind.AGENT, agent.get().email())));
    return Optional.of(authentication);
  }

  /** Leaves the request and its session without any authentication (a first factor that needs a second). */
  public void forget(HttpServletRequest request, HttpServletResponse response) {
    SecurityContextHolder.clearContext();
    contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
  }

  /** Where to go after signing in: the page that asked for it, or home (leads and admins: the dashboard). */
  public String landingPage(HttpServletRequest request, HttpServletResponse response) {
    SavedRequest saved = requestCache.getRequest(request, response);
    if (saved != null) {
      requestCache.removeRequest(request, response);
    }
    String home = StaffPrincipals.isLead(SecurityContextHolder.getContext().getAuthentication()) ? LEADS_HOME : "/";
    if (saved == null) {
      return home;
    }
    java.net.URI asked = java.net.URI.create(saved.getRedirectUrl());
    boolean askedForHome = "/".equals(asked.getPath()) && asked.getQuery() == null;
    return askedForHome && LEADS_HOME.equals(home) ? request.getContextPath() + home : saved.getRedirectUrl();
  }
}
