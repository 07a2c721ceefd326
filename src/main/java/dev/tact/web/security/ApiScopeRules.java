package dev.tact.web.security;

import dev.tact.staff.ApiScope;
import dev.tact.staff.TokenPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;

/**
 * The one place that says which scope an API request needs, by method and path: the admin API needs {@code admin};
 * submitting a message or a mail needs {@code intake}, and reading a submitted message's status {@code intake} or
 * {@code read}; any other read needs {@code read} (or {@code write}); everything else {@code write}. Roles are
 * checked besides (the security configuration's rules, and the controllers for lead-only actions). Only tokens have
 * scopes: a request authenticated otherwise is left to the role rules.
 */
final class ApiScopeRules implements AuthorizationManager<HttpServletRequest> {

  /** A denial that names the scope the token lacks. */
  record MissingScope(ApiScope scope) implements AuthorizationResult {

    @Override
    public boolean isGranted() {
      return false;
    }
  }

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Set<String> SUBMISSIONS = Set.of("/api/v1/messages", "/api/v1/messages/batch", "/api/v1/mail");
  private static final Pattern MESSAGE_STATUS = Pattern.compile("/api/v1/messages/[^/]+");

  @Override
  public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, HttpServletRequest request) {
    Authentication caller = authentication.get();
    if (caller == null || !caller.isAuthenticated()) {
      return new AuthorizationDecision(false);
    }
    if (!(caller.getPrincipal() instanceof TokenPrincipal token)) {
      return new AuthorizationDecision(true);
    }
    String path = path(request);
    boolean read = READS.contains(request.getMethod());
    if (read && MESSAGE_STATUS.matcher(path).matches() && token.can(ApiScope.INTAKE)) {
      return new AuthorizationDecision(true);
    }
    ApiScope needed = required(request.getMethod(), path);
    return token.can(needed) ? new AuthorizationDecision(true) : new MissingScope(needed);
  }

  static ApiScope required(String method, String path) {
    if (path.equals("/api/v1/admin") || path.startsWith("/api/v1/admin/")) {
      return ApiScope.ADMIN;
    }
    if ("POST".equals(method) && SUBMISSIONS.contains(path)) {
      return ApiScope.INTAKE;
    }
    return READS.contains(method) ? ApiScope.READ : ApiScope.WRITE;
  }

  /** The path inside the application, without a trailing slash, as the controllers see it. */
  private static String path(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    int semicolon = path.indexOf(';');
    if (semicolon >= 0) {
      path = path.substring(0, semicolon);
    }
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
