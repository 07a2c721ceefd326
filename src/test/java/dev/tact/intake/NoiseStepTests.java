package dev.tact.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tact.noise.NoiseDecision;
import dev.tact.shared.Ids;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoiseStepTests {

  private final UUID itemMessage = Ids.newId();
  private final UUID conversation = Ids.newId();
  private final UUID report = Ids.newId();
  private final UUID group = Ids.newId();

  @Test
  void shouldFileWhatIsNewOrFollowsUp() {
    assertThat(NoiseStep.nextFor(new NoiseDecision.New("no copy"), itemMessage)).isEqualTo(Next.PROCEED);
    assertThat(NoiseStep.nextFor(new NoiseDecision.FollowUp("continues"), itemMessage)).isEqualTo(Next.PROCEED);
  }

  @Test
  void shouldEndTheRoadOfACopyAsAReportOfItsConversation() {
    assertThat(NoiseStep.nextFor(new NoiseDecision.Duplicate(conversation, report, 0.9, "A copy."), itemMessage))
        .isEqualTo(new Next.JoinedAsReport(conversation, "A copy."));
  }

  @Test
  void shouldPointARedeliveryAtTheReportItCameAsElseAtItsOwnMessage() {
    assertThat(NoiseStep.nextFor(new NoiseDecision.Redelivery(conversation, report, null, "Again."), itemMessage))
        .isEqualTo(new Next.RedeliveredCopy(report, conversation, "Again."));
    assertThat(NoiseStep.nextFor(new NoiseDecision.Redelivery(null, null, group, "Held again."), itemMessage))
        .isEqualTo(new Next.RedeliveredCopy(itemMessage, null, "Held again."));
  }

  @Test
  void shouldHoldWhatIsPastARateLimitInItsGroup() {
    assertThat(NoiseStep.nextFor(new NoiseDecision.Held(group, "Held: sender:x is past its rate limit."), itemMessage))
        .isEqualTo(new Next.Hold(group, "Held: sender:x is past its rate limit."));
  }
}
