package dev.tact.web.api;

import dev.tact.intake.InboundItem;
import dev.tact.intake.InboundItems;
import dev.tact.intake.ItemState;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import dev.tact.staff.ApiToken;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.IssuedApiToken;
import dev.tact.staff.Role;
import dev.tact.web.security.TactPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Admin role only")
class AdminApiController {

  record TokenRequest(String name, String role) {}

  private final InboundItems items;
  private final ApiTokens tokens;
  private final TactPrincipals principals;

  AdminApiController(InboundItems items, ApiTokens tokens, TactPrincipals principals) {
    this.items = items;
    this.tokens = tokens;
    this.principals = principals;
  }

  @Operation(summary = "Inbound log entries by state", description = "state: pending, done, duplicate, parked or suppressed")
  @GetMapping("/inbound")
  PageResult<InboundItem> inbound(@RequestParam(defaultValue = "parked") String state,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size) {
    return items.list(parseState(state), new PageRequest(page, size));
  }

  @GetMapping("/inbound/{id}")
  InboundItem item(@PathVariable UUID id) {
    return items.require(id);
  }

  @Operation(summary = "An item's raw content as received (an email's MIME)")
  @GetMapping("/inbound/{id}/raw")
  ResponseEntity<byte[]> raw(@PathVariable UUID id) {
    byte[] raw = items.rawContent(id).orElseThrow(() -> ProblemException.notFound("raw-content", id));
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + id + ".eml\"")
        .header("X-Content-Type-Options", "nosniff").body(raw);
  }

  @Operation(summary = "Retry a parked item")
  @PostMapping("/inbound/{id}/retry")
  InboundItem retry(@PathVariable UUID id) {
    return items.retry(id);
  }

  @GetMapping("/tokens")
  List<ApiToken> tokens() {
    return tokens.list();
  }

  @Operation(summary = "Create an API token", description = "The secret is in this response only; it is stored hashed.")
  @PostMapping("/tokens")
  @ResponseStatus(HttpStatus.CREATED)
  IssuedApiToken createToken(@RequestBody TokenRequest request, Authentication authentication) {
    UUID creator = principals.agent(authentication).map(a -> a.id()).orElse(null);
    return tokens.issue(request.name(), request.role() == null ? Role.AGENT : Role.parse(request.role()), creator);
  }

  @DeleteMapping("/tokens/{id}")
  ApiToken revoke(@PathVariable UUID id) {
    return tokens.revoke(id);
  }

  private static ItemState parseState(String state) {
    try {
      return ItemState.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("unknown-state", "Unknown state '" + state + "': use pending, done, duplicate, parked or suppressed.");
    }
  }
}
