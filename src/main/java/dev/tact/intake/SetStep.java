package dev.tact.intake;

import java.util.List;

/**
 * A step that works on the whole claimed set at once, because its result for one item does not depend on
 * what is filed for another (reading). It sets each context's {@link InboundContext#next()}.
 */
interface SetStep {

  void applyAll(List<InboundContext> contexts);
}
