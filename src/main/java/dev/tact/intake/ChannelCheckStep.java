package dev.tact.intake;

import org.springframework.stereotype.Component;

/** The channel's own reason not to file an item at all (email: a mail loop), before its sender is resolved. */
@Component
class ChannelCheckStep implements ItemStep {

  @Override
  public Next apply(InboundContext context) {
    return context.read().traits().suppression().<Next>map(Next.Suppress::new).orElse(Next.PROCEED);
  }
}
