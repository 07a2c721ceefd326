/**
 * Texts and social messages: the generic signed inbound webhook any SMS or social adapter can post to, and the
 * Twilio adapter (its inbound SMS webhook with Twilio's request signature, its status callbacks, and replies sent
 * through Twilio's Messages API from the outbox, as the SMS channel's {@link dev.tact.delivery.ChannelSender}).
 * Inbound messages enter through {@link dev.tact.intake.MessageIntake}; replies leave through delivery. See ADR 0033.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Texts and social messages",
    allowedDependencies = {"delivery", "intake", "shared"})
package dev.tact.sms;
