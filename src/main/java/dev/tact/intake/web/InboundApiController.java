package dev.tact.intake.web;

import dev.tact.intake.InboundItem;
import dev.tact.intake.InboundItems;
import dev.tact.intake.ItemState;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController
@RequestMapping("/api/v1/admin")
@Tag(name = "Administration", description = "Admin role only")
class InboundApiController {

  private final InboundItems items;

  InboundApiController(InboundItems items) {
    this.items = items;
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

  private static ItemState parseState(String state) {
    try {
      return ItemState.valueOf(state.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("unknown-state", "Unknown state '" + state + "': use pending, done, duplicate, parked or suppressed.");
    }
  }
}
