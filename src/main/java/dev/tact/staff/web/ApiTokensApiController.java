package dev.tact.staff.web;

import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.ApiRateLimit;
import dev.tact.staff.ApiScope;
import dev.tact.staff.ApiToken;
import dev.tact.staff.ApiTokenRequest;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.IssuedApiToken;
import dev.tact.staff.Role;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Admin role only")
class ApiTokensApiController {

  /**
   * @param scopes intake, read, write, admin (default: every scope the role implies)
   * @param expiresAt an ISO-8601 instant in the future, or none
   * @param rateLimit the token's own limit, or none for {@code tact.api.token-rate-limit}
   */
  record TokenRequest(String name, String role, List<String> scopes, String expiresAt, RateLimitRequest rateLimit) {}

  /** {@code {"perSecond":50,"burst":100}}, {@code {"unlimited":true}}, or {@code {}} for the default. */
  record RateLimitRequest(Boolean unlimited, Integer perSecond, Integer burst) {

    ApiRateLimit toLimit() {
      if (Boolean.TRUE.equals(unlimited)) {
        return ApiRateLimit.UNLIMITED;
      }
      return perSecond == null && burst == null ? null : ApiRateLimit.of(perSecond, burst);
    }
  }

  private final ApiTokens tokens;
  private final StaffPrincipals principals;

  ApiTokensApiController(ApiTokens tokens, StaffPrincipals principals) {
    this.tokens = tokens;
    this.principals = principals;
  }

  @Operation(summary = "Every API token", description = "state active, expired or revoked; never the secret.")
  @GetMapping("/tokens")
  List<ApiToken> tokens() {
    return tokens.list();
  }

  @GetMapping("/tokens/{id}")
  ApiToken token(@PathVariable UUID id) {
    return tokens.require(id);
  }

  @Operation(summary = "Create an API token", description = "The secret is in this response only; it is stored hashed. "
      + "scopes: intake (submit messages and read their status), read, write (read and change), admin (this API; "
      + "admin role only); default: all the role implies. expiresAt: optional ISO-8601 instant. rateLimit: "
      + "{perSecond, burst} or {unlimited:true}; default tact.api.token-rate-limit.")
  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  IssuedApiToken createToken(@RequestBody TokenRequest request, Authentication authentication) {
    if (request == null) {
      throw ProblemException.invalid("invalid-token", "The body must describe a token: name, role, scopes…");
    }
    UUID creator = principals.agent(authentication).map(a -> a.id()).orElse(null);
    Role role = request.role() == null ? Role.AGENT : Role.parse(request.role());
    Set<ApiScope> scopes = request.scopes() == null ? null
        : request.scopes().stream().map(ApiScope::parse).collect(Collectors.toSet());
    ApiRateLimit limit = request.rateLimit() == null ? null : request.rateLimit().toLimit();
    return tokens.issue(new ApiTokenRequest(request.name(), role, scopes, instant(request.expiresAt()), limit),
        creator, principals.who(authentication));
  }

  @Operation(summary = "Revoke an API token", description = "At once; revoking a revoked token changes nothing.")
  @DeleteMapping("/tokens/{id}")
  ApiToken revoke(@PathVariable UUID id, Authentication authentication) {
    return tokens.revoke(id, principals.who(authentication));
  }

  @Operation(summary = "Set a token's rate limit", description = "{perSecond, burst}, {unlimited:true}, or {} for "
      + "tact.api.token-rate-limit again; applies from the token's next request.")
  @PutMapping("/tokens/{id}/rate-limit")
  ApiToken rateLimit(@PathVariable UUID id, @RequestBody(required = false) RateLimitRequest request) {
    return tokens.setRateLimit(id, request == null ? null : request.toLimit());
  }

  private static Instant instant(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.invalid("invalid-expiry", "expiresAt must be an ISO-8601 instant such as "
          + "2027-01-31T17:00:00Z, not '" + value + "'.");
    }
  }
}
