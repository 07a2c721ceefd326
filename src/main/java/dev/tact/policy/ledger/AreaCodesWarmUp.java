package dev.tact.policy.ledger;

import dev.tact.policy.calendar.AreaCodes;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the area-code table (a second or two of reading libphonenumber's geocoding data, once per process) in the
 * background when Tact is up, so that the first decision about a phone-only contact does not wait for it.
 */
@Component
class AreaCodesWarmUp {

  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    Thread.ofVirtual().name("area-codes-warm-up").start(AreaCodes::all);
  }
}
