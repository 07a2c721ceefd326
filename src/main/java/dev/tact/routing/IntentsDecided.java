package dev.tact.routing;

import java.util.List;

/**
 * The front door decided the intents of conversations that messages filed together opened, in one transaction
 * (ADR 0058). Each decision was also published on its own ({@link IntentDecided}) for listeners in the transaction
 * (SLA clocks); an after-commit listener that takes these leaves the single ones of a batch out in its condition
 * ({@code !@frontDoor.routedTogether(#decided)}). At most as many as the messages of one {@code MessagesFiled}.
 */
public record IntentsDecided(List<IntentDecided> decisions) {

  public IntentsDecided {
    decisions = List.copyOf(decisions);
  }
}
