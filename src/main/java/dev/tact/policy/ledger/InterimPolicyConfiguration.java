package dev.tact.policy.ledger;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ContactPolicy;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TEMPORARY, until the rules engine ({@code RuleBasedContactPolicy}) is merged: a minimal policy
 * so that the ledgers, the audit and the API run. It only knows opt-outs and marketing consent;
 * no time windows, holidays, caps or suppression. Any other {@link ContactPolicy} bean replaces it.
 */
@Configuration(proxyBeanMethods = false)
class InterimPolicyConfiguration {

  @Bean
  @ConditionalOnMissingBean(ContactPolicy.class)
  ContactPolicy interimContactPolicy() {
    return InterimPolicyConfiguration::decide;
  }

  static Decision decide(DecisionRequest request, PolicyFacts facts) {
    if (request.purpose() != Purpose.MARKETING) {
      Vote vote = new Vote("interim-transactional", Vote.Kind.ALLOW, null, "Transactional contact is allowed.");
      return new Decision(Decision.Outcome.ALLOW, null, List.of(vote), vote.reason());
    }
    Optional<ConsentEntry> optOut = facts.consents().stream()
        .filter(c -> c.kind() == ConsentEntry.Kind.OPT_OUT && c.purpose() == Purpose.MARKETING)
        .filter(c -> c.channel() == null || c.channel() == request.channel())
        .filter(c -> c.subject() == null || c.subject().equals(request.subject()))
        .findFirst();
    if (optOut.isPresent()) {
      ConsentEntry o = optOut.get();
      Vote vote = new Vote("opt-out", Vote.Kind.DENY, null, "The contact opted out of marketing"
          + (o.channel() == null ? " on every channel" : " by " + o.channel()) + " on " + o.recordedAt()
          + " (" + o.source() + "); an opt-out is honoured forever.");
      return new Decision(Decision.Outcome.DENY, null, List.of(vote), vote.reason());
    }
    boolean consent = facts.consents().stream()
        .filter(c -> c.purpose() == Purpose.MARKETING)
        .filter(c -> c.channel() == null || c.channel() == request.channel())
        .anyMatch(c -> c.kind() == ConsentEntry.Kind.EXPRESS || (c.kind() == ConsentEntry.Kind.IMPLIED
            && c.expiresAt() != null && c.expiresAt().isAfter(request.proposedAt())));
    if (!consent) {
      Vote vote = new Vote("marketing-consent", Vote.Kind.DENY, null,
          "No express or unexpired implied consent to marketing by " + request.channel() + ".");
      return new Decision(Decision.Outcome.DENY, null, List.of(vote), vote.reason());
    }
    Vote vote = new Vote("marketing-consent", Vote.Kind.ALLOW, null,
        "The contact consented to marketing by " + request.channel() + ".");
    return new Decision(Decision.Outcome.ALLOW, null, List.of(vote), vote.reason());
  }
}
