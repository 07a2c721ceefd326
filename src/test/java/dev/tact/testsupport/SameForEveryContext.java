package dev.tact.testsupport;

import org.springframework.test.context.ContextCustomizer;

/**
 * A {@link ContextCustomizer} that does the same for every context: equal to every other instance of its class, so
 * that it is part of each context's cache key without keeping apart test classes that would otherwise share one.
 */
public abstract class SameForEveryContext implements ContextCustomizer {

  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass();
  }

  @Override
  public final int hashCode() {
    return getClass().hashCode();
  }
}
