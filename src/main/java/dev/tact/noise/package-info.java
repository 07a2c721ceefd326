/**
 * Noise control, between the contact and the conversation on the way in: a copy of a message
 * already filed joins that conversation as a linked report instead of opening another; a sender
 * or domain past its rate limit is held in one group an agent releases or discards; vendor
 * pitches go to one owner. Entry point: {@link dev.tact.noise.NoiseControl}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Noise control",
    allowedDependencies = {"audit", "conversation", "mail", "routing", "shared", "staff"})
package dev.tact.noise;
