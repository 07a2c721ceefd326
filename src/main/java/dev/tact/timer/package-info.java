/**
 * Durable timers and the one claim worker. {@link dev.tact.timer.ClaimWorkers} works any module's {@link
 * dev.tact.timer.WorkQueue}: batches claimed with {@code FOR UPDATE SKIP LOCKED}, a fallback one item at a time in
 * savepoints, back-off and parking, a {@link dev.tact.timer.WakeUp} and metrics. {@link dev.tact.timer.Timers}
 * schedules durable one-shot timers that a module's {@link dev.tact.timer.TimerHandler} fires once across nodes.
 * See ADRs 0010 and 0026.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Timers and workers",
    allowedDependencies = {"shared"})
package dev.tact.timer;
