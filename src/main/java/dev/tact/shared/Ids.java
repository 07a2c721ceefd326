package dev.tact.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Time-ordered UUIDs, version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit
 * counter that keeps ids made within one millisecond increasing on this node, then 62 random
 * bits that keep nodes apart without any coordination or seed.
 */
public final class Ids {

  private static final Ids DEFAULT = new Ids(Clock.systemUTC(), new SecureRandom());

  private final Clock clock;
  private final SecureRandom random;
  private final ReentrantLock lock = new ReentrantLock();
  private long lastMillis = -1;
  private int counter;

  Ids(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  /** A new version-7 UUID from the system clock. */
  public static UUID newId() {
    return DEFAULT.next();
  }

  UUID next() {
    long millis;
    int sequence;
    lock.lock();
    try {
      millis = Math.max(clock.millis(), lastMillis);
      if (millis == lastMillis) {
        counter++;
        if (counter > 0xFFF) {
          // 4096 ids in one millisecond: borrow the next millisecond rather than repeat.
          millis++;
          counter = 0;
        }
      } else {
        counter = random.nextInt(0x400); // random start leaves room to count up
      }
      lastMillis = millis;
      sequence = counter;
    } finally {
      lock.unlock();
    }
    long most = (millis << 16) | 0x7000L | sequence;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }

  /** The Unix milliseconds a version-7 id was made at. */
  public static long timestampOf(UUID id) {
    if (id.version() != 7) {
      throw new IllegalArgumentException("not a version-7 UUID: " + id);
    }
    return id.getMostSignificantBits() >>> 16;
  }
}
