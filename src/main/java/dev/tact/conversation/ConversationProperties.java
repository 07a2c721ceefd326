package dev.tact.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxTextLength the longest message, reply or note text accepted, in characters
 * @param messageIdDomain the right-hand side of the Message-IDs Tact gives its replies (use a domain of yours)
 */
@ConfigurationProperties("tact.conversation")
public record ConversationProperties(@DefaultValue("100000") int maxTextLength,
    @DefaultValue("tact.localhost") String messageIdDomain) {}
