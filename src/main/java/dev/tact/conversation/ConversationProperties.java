package dev.tact.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxTextLength the longest message, reply or note text accepted, in characters */
@ConfigurationProperties("tact.conversation")
public record ConversationProperties(@DefaultValue("100000") int maxTextLength) {}
