package dev.tact.policy.web;

import dev.tact.policy.AuditedDecision;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.OptOutReview;
import dev.tact.policy.OptOutReviews;
import dev.tact.policy.PolicyChannels;
import dev.tact.policy.PolicyRequests;
import dev.tact.policy.Vote;
import dev.tact.shared.ProblemException;
import dev.tact.shared.web.ApiController;
import dev.tact.staff.StaffPrincipals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@ApiController
@RequestMapping("/api/v1/policy")
@Tag(name = "Contact policy")
class PolicyApiController {

  static final int MAX_BATCH = 10_000;

  record DecisionBody(UUID contactId, String channel, String purpose, String subject, Instant proposedAt) {}

  record BatchBody(List<DecisionBody> requests) {}

  record DecisionView(UUID decisionId, UUID contactId, String channel, String purpose, String subject,
      Instant proposedAt, Decision.Outcome outcome, Instant notBefore, String summary, List<Vote> votes,
      String askedBy, Instant decidedAt) {

    static DecisionView of(AuditedDecision a) {
      DecisionRequest r = a.request();
      return new DecisionView(a.id(), r.contactId(), PolicyChannels.name(r.channel()), r.purpose().name(), r.subject(),
          r.proposedAt(), a.decision().outcome(), a.decision().notBefore(), a.decision().summary(),
          a.decision().votes(), a.askedBy(), a.decidedAt());
    }
  }

  record BatchView(int allowed, int deferred, int denied, List<DecisionView> decisions) {}

  private final ContactPolicyService policy;
  private final OptOutReviews reviews;
  private final StaffPrincipals principals;

  PolicyApiController(ContactPolicyService policy, OptOutReviews reviews, StaffPrincipals principals) {
    this.policy = policy;
    this.reviews = reviews;
    this.principals = principals;
  }

  @Operation(summary = "May we contact this person now (or at proposedAt)?",
      description = "ALLOW, DEFER until notBefore, or DENY, with every rule's vote and reason. Every decision is "
          + "audited; decisionId is its token.")
  @PostMapping("/decisions")
  DecisionView decide(@RequestBody DecisionBody body, Authentication authentication) {
    return DecisionView.of(policy.decide(request(body), principals.who(authentication)));
  }

  @Operation(summary = "Decide a campaign (at most 10,000 requests)",
      description = "All or nothing: an unknown contact or a bad request rejects the batch and nothing is audited.")
  @PostMapping("/decisions/batch")
  BatchView decideBatch(@RequestBody BatchBody body, Authentication authentication) {
    if (body.requests() == null || body.requests().isEmpty()) {
      throw ProblemException.invalid("empty-batch", "Give at least one request in requests.");
    }
    if (body.requests().size() > MAX_BATCH) {
      throw ProblemException.invalid("batch-too-large",
          body.requests().size() + " requests; a batch has at most " + MAX_BATCH + ".");
    }
    List<DecisionRequest> requests = body.requests().stream().map(PolicyApiController::request).toList();
    List<DecisionView> views = policy.decideAll(requests, principals.who(authentication)).stream()
        .map(DecisionView::of).toList();
    return new BatchView(count(views, Decision.Outcome.ALLOW), count(views, Decision.Outcome.DEFER),
        count(views, Decision.Outcome.DENY), views);
  }

  @Operation(summary = "Why (not)? An audited decision with every vote")
  @GetMapping("/decisions/{id}")
  DecisionView decision(@PathVariable UUID id) {
    return policy.find(id).map(DecisionView::of).orElseThrow(() -> ProblemException.notFound("decision", id));
  }

  @Operation(summary = "Inbound messages that may be opt-outs, for an agent to confirm or dismiss")
  @GetMapping("/optout-reviews")
  List<OptOutReview> reviews(@RequestParam(defaultValue = "open") String status,
      @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 500) {
      throw ProblemException.invalid("invalid-limit", "limit must be between 1 and 500.");
    }
    OptOutReview.Status wanted;
    try {
      wanted = OptOutReview.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw ProblemException.invalid("unknown-status", "Unknown status '" + status + "': use open, confirmed or dismissed.");
    }
    return reviews.list(wanted, limit);
  }

  @Operation(summary = "It is an opt-out: record it with the message as evidence")
  @PostMapping("/optout-reviews/{id}/confirm")
  OptOutReview confirm(@PathVariable UUID id, Authentication authentication) {
    return reviews.confirm(id, principals.who(authentication));
  }

  @Operation(summary = "It is not an opt-out")
  @PostMapping("/optout-reviews/{id}/dismiss")
  OptOutReview dismiss(@PathVariable UUID id, Authentication authentication) {
    return reviews.dismiss(id, principals.who(authentication));
  }

  private static DecisionRequest request(DecisionBody body) {
    if (body == null || body.contactId() == null) {
      throw ProblemException.invalid("missing-contact", "contactId is required.");
    }
    return new DecisionRequest(body.contactId(), PolicyRequests.channel(body.channel(), true),
        PolicyRequests.purpose(body.purpose()), body.subject(), body.proposedAt());
  }

  private static int count(List<DecisionView> views, Decision.Outcome outcome) {
    return (int) views.stream().filter(v -> v.outcome() == outcome).count();
  }
}
