/**
 * The front door. Channels hand items to {@link dev.tact.intake.MessageIntake}, which writes
 * each one raw to the durable inbound log (group-committed) before acknowledging; the
 * {@code IntakePipeline} then claims logged items on any node and hands them to the road in
 * ({@code ItemProcessor}): a reader per content type, then the same steps for every channel
 * (channel check, identify sender, thread, noise, file), each saying what happens next. What
 * cannot be read is parked, so that nothing is ever dropped. See ADR 0025.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake",
    allowedDependencies = {"audit", "contact", "conversation", "mail", "noise", "shared", "staff", "timer"})
package dev.tact.intake;
