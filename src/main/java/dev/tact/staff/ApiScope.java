package dev.tact.staff;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tact.shared.ProblemException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What an API token may be used for. A token has one or more; its role still decides which lead- and admin-only
 * actions it may take within them.
 */
public enum ApiScope {
  /** Submitting messages ({@code POST /api/v1/messages}, {@code POST /api/v1/mail}) and reading their status. */
  INTAKE,
  /** Reading the non-admin API. */
  READ,
  /** Reading and changing through the non-admin API: replies, notes, assignment, status… */
  WRITE,
  /** The {@code /api/v1/admin/**} API; only for tokens of the admin role. */
  ADMIN;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The authority a token with this scope holds. */
  public String authority() {
    return "SCOPE_" + id();
  }

  /** Whether holding this scope grants {@code wanted}: write includes read. */
  public boolean grants(ApiScope wanted) {
    return this == wanted || (this == WRITE && wanted == READ);
  }

  /** The scopes of a token that was made before scopes existed: everything its role could do. */
  public static Set<ApiScope> impliedBy(Role role) {
    return role == Role.ADMIN ? EnumSet.allOf(ApiScope.class) : EnumSet.of(INTAKE, READ, WRITE);
  }

  @JsonCreator
  public static ApiScope parse(String value) {
    for (ApiScope scope : values()) {
      if (scope.id().equals(value == null ? "" : value.strip().toLowerCase(Locale.ROOT))) {
        return scope;
      }
    }
    throw ProblemException.invalid("unknown-scope", "Unknown scope '" + value + "': use intake, read, write or admin.");
  }

  /** The scopes in a stored or posted list, checked against the role: at least one, admin only for admins. */
  public static Set<ApiScope> checked(Collection<ApiScope> scopes, Role role) {
    if (scopes == null || scopes.isEmpty()) {
      throw ProblemException.invalid("missing-scope",
          "A token needs at least one scope: intake, read, write or admin.");
    }
    Set<ApiScope> set = EnumSet.copyOf(scopes);
    if (set.contains(ADMIN) && role != Role.ADMIN) {
      throw ProblemException.invalid("scope-needs-admin-role", "Only a token of the admin role may have the admin scope.");
    }
    return set;
  }

  static String store(Set<ApiScope> scopes) {
    return String.join(",", scopes.stream().map(ApiScope::id).toList());
  }

  static Set<ApiScope> load(String stored) {
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String part : stored.split(",")) {
      if (!part.isBlank()) {
        scopes.add(parse(part));
      }
    }
    return scopes;
  }
}
