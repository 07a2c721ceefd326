package dev.tact.web.security;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditedPrincipal;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.TokenPrincipal;
import dev.tact.staff.TokenRateLimiter;
import dev.tact.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer tact_…} against the stored token hashes (revoked and expired tokens
 * are not found, so the request stays unauthenticated), then holds the token to its rate limit: past it, 429 with
 * {@code Retry-After} before anything else runs.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;
  private final ProblemResponses problems;
  private final TokenRateLimiter limiter;

  ApiTokenAuthenticationFilter(ApiTokens tokens, TokenRateLimiter limiter, ProblemResponses problems) {
    this.tokens = tokens;
    this.limiter = limiter;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<TokenPrincipal> principal = tokens.authenticate(header.substring(7).strip());
      if (principal.isPresent()) {
        long wait = principal.get().tokenId().equals(request.getAttribute(TokenRateLimiter.COUNTED)) ? 0
            : limiter.secondsToWait(principal.get());
        if (wait > 0) {
          response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
          problems.write(response, 429, "rate-limited", "Too many requests",
              TokenRateLimiter.refusal(principal.get(), wait));
          return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(principal.get()));
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }

  static final class TokenAuthentication extends AbstractAuthenticationToken implements AuditedPrincipal {

    private final TokenPrincipal principal;

    TokenAuthentication(TokenPrincipal principal) {
      super(AuthorityUtils.createAuthorityList(authorities(principal)));
      this.principal = principal;
      setAuthenticated(true);
    }

    private static List<String> authorities(TokenPrincipal principal) {
      List<String> authorities = new ArrayList<>(principal.role().authorities());
      principal.scopes().forEach(scope -> authorities.add(scope.authority()));
      return authorities;
    }

    @Override
    public Object getCredentials() {
      return "";
    }

    @Override
    public TokenPrincipal getPrincipal() {
      return principal;
    }

    @Override
    public String getName() {
      return "token:" + principal.name();
    }

    @Override
    public AuditActor auditActor() {
      return new AuditActor(AuditActor.Kind.TOKEN, principal.name());
    }
  }
}
