package dev.tact.noise.web;

import dev.tact.conversation.Actors;
import dev.tact.conversation.ConversationManagement;
import dev.tact.conversation.ConversationSummary;
import dev.tact.noise.FreeMailDomains;
import dev.tact.noise.HeldGroup;
import dev.tact.noise.HeldMessage;
import dev.tact.noise.LinkedReport;
import dev.tact.noise.MailBombs;
import dev.tact.noise.NoiseControl;
import dev.tact.noise.RateLimits;
import dev.tact.shared.PageRequest;
import dev.tact.shared.PageResult;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@ApiController
@Tag(name = "Noise control", description = "Linked reports, splits, held mail-bombs and their limits")
class NoiseApiController {

  record HeldGroupDetails(HeldGroup group, List<HeldMessage> messages) {}

  record LimitsRequest(Integer perSender, Integer perDomain, Integer windowSeconds) {}

  record LimitsView(UUID teamId, int perSender, int perDomain, long windowSeconds) {
    static LimitsView of(RateLimits limits) {
      return new LimitsView(limits.teamId(), limits.perSender(), limits.perDomain(), limits.window().toSeconds());
    }
  }

  private final NoiseControl noise;
  private final MailBombs mailBombs;
  private final ConversationManagement conversations;
  private final FreeMailDomains freeMail;
  private final StaffPrincipals principals;
  private final Actors actors;

  NoiseApiController(NoiseControl noise, MailBombs mailBombs, ConversationManagement conversations,
      FreeMailDomains freeMail, StaffPrincipals principals, Actors actors) {
    this.noise = noise;
    this.mailBombs = mailBombs;
    this.conversations = conversations;
    this.freeMail = freeMail;
    this.principals = principals;
    this.actors = actors;
  }

  @Operation(summary = "Who reported a conversation",
      description = "The report that opened it (kind ORIGINAL) and every copy that joined it (DUPLICATE): reporter "
          + "(the sender, or the staff member who forwarded it), channel, time, the forwarder's comment, the intake "
          + "item with the raw message. A split report names the conversation it now belongs to.")
  @GetMapping("/api/v1/conversations/{reference}/reports")
  List<LinkedReport> reports(@PathVariable String reference) {
    return noise.reports(resolve(reference));
  }

  @Operation(summary = "Split a wrongly joined report out into a conversation of its own",
      description = "The report's message opens a new conversation, which is answered; the split is noted in both. "
          + "The report that opened the conversation, or one split before: 409.")
  @PostMapping("/api/v1/conversations/{reference}/reports/{reportId}/split")
  @ResponseStatus(HttpStatus.CREATED)
  ConversationSummary split(@PathVariable String reference, @PathVariable UUID reportId,
      Authentication authentication) {
    return noise.split(resolve(reference), reportId, actors.of(authentication));
  }

  @Operation(summary = "Held mail-bomb groups", description = "status held (default), released or discarded.")
  @GetMapping("/api/v1/noise/held")
  List<HeldGroup> held(@RequestParam(required = false) String status) {
    return mailBombs.groups(parseStatus(status));
  }

  @GetMapping("/api/v1/noise/held/{id}")
  HeldGroupDetails heldGroup(@PathVariable UUID id) {
    return new HeldGroupDetails(mailBombs.requireGroup(id), mailBombs.messages(id));
  }

  @Operation(summary = "Release a held group", description = "Each of its messages is then filed as usual.")
  @PostMapping("/api/v1/noise/held/{id}/release")
  HeldGroup release(@PathVariable UUID id, Authentication authentication) {
    return mailBombs.release(id, principals.name(authentication));
  }

  @Operation(summary = "Discard a held group",
      description = "Nothing is filed; the raw messages stay in the inbound log.")
  @PostMapping("/api/v1/noise/held/{id}/discard")
  HeldGroup discard(@PathVariable UUID id, Authentication authentication) {
    return mailBombs.discard(id, principals.name(authentication));
  }

  @Operation(summary = "Mail-bomb limits in force for a team, or the default (no teamId)")
  @GetMapping("/api/v1/admin/noise/limits")
  LimitsView limits(@RequestParam(required = false) UUID teamId) {
    return LimitsView.of(mailBombs.limitsFor(teamId));
  }

  @Operation(summary = "Set the default mail-bomb limits",
      description = "perSender and perDomain: new conversations per windowSeconds (60 to 604800) before the rest "
          + "are held.")
  @PutMapping("/api/v1/admin/noise/limits")
  LimitsView setDefault(@RequestBody LimitsRequest request) {
    LimitsRequest r = require(request);
    return LimitsView.of(mailBombs.setLimits(null, r.perSender(), r.perDomain(), r.windowSeconds()));
  }

  @PutMapping("/api/v1/admin/noise/limits/{teamId}")
  LimitsView setTeam(@PathVariable UUID teamId, @RequestBody LimitsRequest request) {
    LimitsRequest r = require(request);
    return LimitsView.of(mailBombs.setLimits(teamId, r.perSender(), r.perDomain(), r.windowSeconds()));
  }

  @DeleteMapping("/api/v1/admin/noise/limits/{teamId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void clearTeam(@PathVariable UUID teamId) {
    mailBombs.clearLimits(teamId);
  }

  @Operation(summary = "Free-mail providers: their senders are limited one by one, never as a domain",
      description = "The shipped list (gmail.com, gmx.de, qq.com, …) with the admins' changes; q: part of a domain.")
  @GetMapping("/api/v1/admin/noise/free-mail-domains")
  PageResult<String> freeMailDomains(@RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
    return freeMail.list(q, new PageRequest(page, size));
  }

  @Operation(summary = "The admins' changes to the shipped free-mail list, newest first")
  @GetMapping("/api/v1/admin/noise/free-mail-domains/changes")
  List<FreeMailDomains.FreeMailDomain> freeMailChanges() {
    return freeMail.changes();
  }

  @Operation(summary = "Whether a domain is on the free-mail list, shipped, and who changed that")
  @GetMapping("/api/v1/admin/noise/free-mail-domains/{domain}")
  FreeMailDomains.FreeMailDomain freeMailDomain(@PathVariable String domain) {
    return freeMail.describe(domain);
  }

  @Operation(summary = "Put a domain on the free-mail list", description = "Audited; nothing changes when it is on it.")
  @PutMapping("/api/v1/admin/noise/free-mail-domains/{domain}")
  FreeMailDomains.FreeMailDomain addFreeMailDomain(@PathVariable String domain, Authentication authentication) {
    return freeMail.add(domain, principals.name(authentication));
  }

  @Operation(summary = "Take a domain off the free-mail list",
      description = "Its senders count against the per-domain limit again. Audited; not on the list: 404.")
  @DeleteMapping("/api/v1/admin/noise/free-mail-domains/{domain}")
  FreeMailDomains.FreeMailDomain removeFreeMailDomain(@PathVariable String domain, Authentication authentication) {
    return freeMail.remove(domain, principals.name(authentication));
  }

  private static LimitsRequest require(LimitsRequest request) {
    if (request == null) {
      throw ProblemException.invalid("invalid-limits", "The body must give perSender, perDomain and windowSeconds.");
    }
    return request;
  }

  private static HeldGroup.Status parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return HeldGroup.Status.HELD;
    }
    try {
      return HeldGroup.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid("invalid-status", "status must be held, released or discarded.");
    }
  }

  private UUID resolve(String reference) {
    return conversations.requireByReference(reference).id();
  }
}
