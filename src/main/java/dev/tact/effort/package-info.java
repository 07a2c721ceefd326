/**
 * Customer effort per conversation: the messages the customer had to send, hand-offs, reopens, channel switches,
 * repeat contacts about the same topic and the business time they waited, folded into one explained score.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer effort",
    allowedDependencies = {"shared"})
package dev.tact.effort;
