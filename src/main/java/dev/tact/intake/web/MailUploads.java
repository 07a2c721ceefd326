package dev.tact.intake.web;

import dev.tact.intake.IntakeProperties;
import dev.tact.shared.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;

/**
 * The raw-mail uploads this node reads at once ({@code tact.intake.max-concurrent-mail-uploads}): each may hold up
 * to {@code tact.intake.max-mail-bytes} in memory while it is read, so the rest are turned away (429, Retry-After)
 * instead of queued. Gauge {@code tact.intake.mail.uploads}: uploads being read now.
 */
@Component
class MailUploads {

  /** An upload's place among those read at once; closing it gives the place back. */
  interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  private final Semaphore slots;
  private final int max;

  MailUploads(IntakeProperties properties, MeterRegistry meters) {
    this.max = properties.maxConcurrentMailUploads();
    this.slots = new Semaphore(max);
    Gauge.builder("tact.intake.mail.uploads", this, MailUploads::inProgress)
        .description("Raw mail uploads being read now").register(meters);
  }

  /** A place for one upload, or 429 when all are taken. */
  Slot take() {
    if (!slots.tryAcquire()) {
      throw new ProblemException(429, "too-many-uploads", "Too many uploads",
          "This server reads at most " + max + " mails at once; send this one again in a moment.");
    }
    return slots::release;
  }

  int inProgress() {
    return max - slots.availablePermits();
  }
}
