package dev.tact.staff.web;

import dev.tact.shared.web.Flash;
import dev.tact.shared.web.UiController;
import dev.tact.shared.ProblemException;
import dev.tact.staff.ApiRateLimit;
import dev.tact.staff.ApiScope;
import dev.tact.staff.ApiTokenRequest;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.IssuedApiToken;
import dev.tact.staff.Role;
import dev.tact.staff.StaffPrincipals;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of API tokens (security restricts /admin/** to admins): issue, limit, revoke. */
@UiController
@RequestMapping("/admin/tokens")
class ApiTokensAdminController {

  private final ApiTokens tokens;
  private final StaffPrincipals principals;

  ApiTokensAdminController(ApiTokens tokens, StaffPrincipals principals) {
    this.tokens = tokens;
    this.principals = principals;
  }

  @GetMapping
  String tokens(@RequestParam(required = false) UUID revoke, @RequestParam(required = false) UUID limit,
      Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", TokenForm.empty());
    }
    model.addAttribute("tokens", tokens.list());
    model.addAttribute("roles", Role.values());
    model.addAttribute("scopes", ApiScope.values());
    model.addAttribute("defaultLimit", tokens.defaultRateLimit());
    model.addAttribute("revoking", revoke == null ? null : tokens.require(revoke));
    model.addAttribute("limiting", limit == null ? null : tokens.require(limit));
    return "staff/tokens";
  }

  /**
   * Creates a token and redirects (post/redirect/get), so that reloading the page never creates another. The secret
   * travels to that one next page as a flash attribute, is shown there once, and is never stored.
   */
  @PostMapping
  String create(@ModelAttribute TokenForm form, Authentication auth, Model model, RedirectAttributes redirect) {
    try {
      UUID creator = principals.agent(auth).map(a -> a.id()).orElse(null);
      IssuedApiToken issued = tokens.issue(form.request(), creator, principals.who(auth));
      redirect.addFlashAttribute("issuedName", issued.token().name());
      redirect.addFlashAttribute("issuedSecret", issued.secret());
      return "redirect:/admin/tokens";
    } catch (ProblemException e) {
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("form", form);
      return tokens(null, null, model);
    }
  }

  /** Reached only from the confirmation shown by {@code GET /admin/tokens?revoke=<id>}. */
  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable UUID id, Authentication auth, RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/tokens", null, () -> {
      String name = tokens.require(id).name();
      tokens.revoke(id, principals.who(auth));
      redirect.addFlashAttribute("notice", "Token " + name + " revoked.");
    });
  }

  @PostMapping("/{id}/rate-limit")
  String rateLimit(@PathVariable UUID id, @RequestParam(defaultValue = "default") String limit,
      @RequestParam(required = false) Integer perSecond, @RequestParam(required = false) Integer burst,
      RedirectAttributes redirect) {
    return Flash.run(redirect, "/admin/tokens", "Rate limit saved.",
        () -> tokens.setRateLimit(id, TokenForm.limit(limit, perSecond, burst)));
  }

  /** The create form as posted; {@code limit} is default, custom (perSecond and burst) or unlimited. */
  record TokenForm(String name, String role, List<String> scopes, String expiresAt, String limit, Integer perSecond,
      Integer burst) {

    static TokenForm empty() {
      return new TokenForm("", Role.AGENT.name(), List.of(ApiScope.READ.id()), "", "default", null, null);
    }

    public boolean has(ApiScope scope) {
      return scopes != null && scopes.contains(scope.id());
    }

    ApiTokenRequest request() {
      Set<ApiScope> parsed = scopes == null ? Set.of()
          : scopes.stream().map(ApiScope::parse).collect(Collectors.toSet());
      return new ApiTokenRequest(name, Role.parse(role), parsed, expiry(expiresAt), limit(limit, perSecond, burst));
    }

    /** The expiry as typed into a datetime-local field, in the zone the pages show times in. */
    private static Instant expiry(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      try {
        return LocalDateTime.parse(value.strip()).atZone(ZoneId.systemDefault()).toInstant();
      } catch (DateTimeParseException e) {
        throw ProblemException.invalid("invalid-expiry", "The expiry '" + value + "' is not a date and time.");
      }
    }

    static ApiRateLimit limit(String mode, Integer perSecond, Integer burst) {
      return switch (mode == null ? "default" : mode) {
        case "unlimited" -> ApiRateLimit.UNLIMITED;
        case "custom" -> ApiRateLimit.of(perSecond, burst);
        default -> null;
      };
    }
  }
}
