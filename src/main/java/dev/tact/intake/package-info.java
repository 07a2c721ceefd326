/**
 * The front door. Channels hand items to {@link dev.tact.intake.MessageIntake}, which writes
 * each one raw to the durable inbound log (group-committed) before acknowledging; the
 * {@code IntakePipeline} then turns logged items into conversation messages on any node, and
 * parks what fails so that nothing is ever dropped.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package dev.tact.intake;
