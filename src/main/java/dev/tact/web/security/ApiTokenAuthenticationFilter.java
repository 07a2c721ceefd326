package dev.tact.web.security;

import dev.tact.audit.AuditActor;
import dev.tact.audit.AuditedPrincipal;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.TokenPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer tact_…} against the stored token hashes. */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;

  ApiTokenAuthenticationFilter(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Optional<TokenPrincipal> principal = tokens.authenticate(header.substring(7).strip());
      principal.ifPresent(p -> {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(p));
        SecurityContextHolder.setContext(context);
      });
    }
    chain.doFilter(request, response);
  }

  static final class TokenAuthentication extends AbstractAuthenticationToken implements AuditedPrincipal {

    private final TokenPrincipal principal;

    TokenAuthentication(TokenPrincipal principal) {
      super(AuthorityUtils.createAuthorityList(principal.role().authorities()));
      this.principal = principal;
      setAuthenticated(true);
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
