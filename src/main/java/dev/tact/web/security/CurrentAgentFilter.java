package dev.tact.web.security;

import dev.tact.staff.Agent;
import dev.tact.staff.StaffDirectory;
import dev.tact.staff.TokenPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session is only as good as its agent now: when the signed-in agent was deactivated, or lost a role they signed
 * in with, the session ends at their next request and they are asked to sign in again (a role gained counts from
 * their next sign-in). This holds on every node whatever keeps the sessions, besides the sessions ended on
 * {@code AgentDeactivated}.
 */
class CurrentAgentFilter extends OncePerRequestFilter {

  private final StaffDirectory staff;

  CurrentAgentFilter(StaffDirectory staff) {
    this.staff = staff;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
        || path.equals("/favicon.ico");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)
        && !(authentication.getPrincipal() instanceof TokenPrincipal) && stale(authentication)) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }

  private boolean stale(Authentication authentication) {
    Optional<Agent> agent = staff.findAgentByEmail(authentication.getName());
    if (agent.isEmpty()) {
      return false; // not one of Tact's accounts (a test's mock user): nothing to compare with
    }
    if (!agent.get().active()) {
      return true;
    }
    // a role the agent no longer has ends the session; a new one is theirs from their next sign-in
    Set<String> allowed = Set.copyOf(agent.get().role().authorities());
    return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(a -> a.startsWith("ROLE_") && !allowed.contains(a));
  }
}
