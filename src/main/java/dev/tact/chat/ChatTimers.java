package dev.tact.chat;

import dev.tact.timer.TimerHandler;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The chat's durable timers (they fire once across nodes, in a transaction with what they change): no agent took
 * a waiting chat in time, and a visitor did not come back.
 */
@Configuration(proxyBeanMethods = false)
class ChatTimers {

  @Bean
  TimerHandler chatNoAgentTimer(@Lazy Chats chats) {
    return TimerHandler.of(Chats.NO_AGENT_TIMER, timer -> chats.noAgentCame(UUID.fromString(timer.key())));
  }

  @Bean
  TimerHandler chatVisitorGoneTimer(@Lazy Chats chats) {
    return TimerHandler.of(Chats.VISITOR_GONE_TIMER, timer -> chats.visitorGone(UUID.fromString(timer.key())));
  }

  @Bean
  TimerHandler chatFilingTimer(@Lazy Chats chats) {
    return TimerHandler.of(Chats.FILING_TIMER, timer -> chats.checkFiling(UUID.fromString(timer.key())));
  }
}
