package dev.tact.policy.web;

import dev.tact.policy.DoNotCallListing;
import dev.tact.policy.DoNotCallRegister;
import dev.tact.policy.DoNotCallRegisters;
import dev.tact.policy.PolicyChannels;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController
@RequestMapping("/api/v1/admin/policy/do-not-call")
@Tag(name = "Administration", description = "Admin role only")
class DoNotCallApiController {

  /** A register Tact knows, loaded or not. */
  record RegisterView(String register, String title, String rows, List<String> channels, long entries,
      Instant loadedAt, String loadedBy, String lastLoad) {}

  record EntriesBody(String mode, List<DoNotCallRegisters.Entry> entries) {}

  record Removed(String register, String number, boolean removed) {}

  record Cleared(String register, long entries) {}

  private final DoNotCallRegisters registers;
  private final StaffPrincipals principals;

  DoNotCallApiController(DoNotCallRegisters registers, StaffPrincipals principals) {
    this.registers = registers;
    this.principals = principals;
  }

  @Operation(summary = "The do-not-call registers: us-dnc, ca-dncl, uk-tps, uk-ctps, internal, with what is loaded")
  @GetMapping
  List<RegisterView> list() {
    return Arrays.stream(DoNotCallRegister.values()).map(r -> {
      var loaded = registers.register(r);
      return new RegisterView(r.slug(), r.title(), r.rows(),
          r.channels().stream().map(c -> PolicyChannels.name(c).toLowerCase(Locale.ROOT)).sorted().toList(),
          loaded.map(DoNotCallRegisters.Summary::entries).orElse(0L),
          loaded.map(DoNotCallRegisters.Summary::loadedAt).orElse(null),
          loaded.map(DoNotCallRegisters.Summary::loadedBy).orElse(null),
          loaded.map(DoNotCallRegisters.Summary::lastLoad).orElse(null));
    }).toList();
  }

  @Operation(summary = "Add numbers to a register, or replace it (at most 10,000 entries)",
      description = "mode: add (default) or replace; entries: [{\"number\": \"2045550123\", \"registeredOn\": "
          + "\"2011-10-03\"}]. Numbers without a country code are read in the register's country. All or nothing.")
  @PostMapping("/{register}/entries")
  DoNotCallRegisters.LoadResult add(@PathVariable String register, @RequestBody EntriesBody body,
      Authentication authentication) {
    if (body == null) {
      throw ProblemException.invalid("empty-entries", "Give entries: a number and its registeredOn date each.");
    }
    return registers.add(register(register), body.entries(), mode(body.mode()), principals.who(authentication));
  }

  @Operation(summary = "Load a register from a CSV file of any size (text/csv body)",
      description = "A number and the date it was registered per row (2045550123,2011-10-03); a header row is "
          + "skipped. mode=replace for a fresh copy of a national register, add (default) to add. Read and written "
          + "a thousand rows at a time; a bad row loads nothing and is named in the 422.")
  @PostMapping(path = "/{register}/upload", consumes = {"text/csv", "text/plain", "application/octet-stream"})
  DoNotCallRegisters.LoadResult upload(@PathVariable String register, @RequestParam(defaultValue = "add") String mode,
      @RequestParam(defaultValue = "API upload") String name, HttpServletRequest request,
      Authentication authentication) throws IOException {
    DoNotCallRegister which = register(register);
    try (Reader reader = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
      return registers.load(which, reader, mode(mode), name, principals.who(authentication));
    }
  }

  @Operation(summary = "Look a number up on a register, or list a page of its numbers")
  @GetMapping("/{register}/entries")
  List<DoNotCallListing> entries(@PathVariable String register, @RequestParam(required = false) String number,
      @RequestParam(defaultValue = "100") int limit, @RequestParam(defaultValue = "0") int offset) {
    DoNotCallRegister which = register(register);
    if (number != null && !number.isBlank()) {
      return registers.lookup(which, number).map(List::of).orElse(List.of());
    }
    if (limit < 1 || limit > 1000 || offset < 0) {
      throw ProblemException.invalid("invalid-limit", "limit must be between 1 and 1000, offset 0 or more.");
    }
    return registers.entries(which, limit, offset);
  }

  @Operation(summary = "Take a number off a register")
  @DeleteMapping("/{register}/entries/{number}")
  Removed remove(@PathVariable String register, @PathVariable String number, Authentication authentication) {
    boolean removed = registers.remove(register(register), number, principals.who(authentication));
    if (!removed) {
      throw new ProblemException(404, "number-not-listed", "Number not listed",
          number + " is not on " + register(register).title() + ".");
    }
    return new Removed(register, number, true);
  }

  @Operation(summary = "Remove a register and all its numbers")
  @DeleteMapping("/{register}")
  Cleared clear(@PathVariable String register, Authentication authentication) {
    DoNotCallRegister which = register(register);
    return new Cleared(which.slug(), registers.clear(which, principals.who(authentication)));
  }

  static DoNotCallRegister register(String value) {
    return DoNotCallRegister.bySlug(value).orElseThrow(() -> new ProblemException(404, "unknown-register",
        "Register not found", "No do-not-call register '" + value + "': use us-dnc, ca-dncl, uk-tps, uk-ctps or "
            + "internal."));
  }

  static DoNotCallRegisters.Mode mode(String value) {
    if (value == null || value.isBlank()) {
      return DoNotCallRegisters.Mode.ADD;
    }
    try {
      return DoNotCallRegisters.Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("unknown-mode", "Unknown mode '" + value + "': use add or replace.");
    }
  }
}
