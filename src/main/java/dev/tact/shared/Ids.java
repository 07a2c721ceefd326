package dev.tact.shared;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Time-ordered UUIDs, version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit
 * counter that keeps ids made within one millisecond increasing on this node, then 62 random
 * bits that keep nodes apart without any coordination or seed.
 *
 * <p>The random bits come from a CSPRNG (DRBG), so ids stay unguessable, but drawn {@value #POOL} longs at a time:
 * asking {@code NativePRNG} for each id (two a message) cost about 9% of intake's CPU, behind its global lock.
 */
public final class Ids {

  static final int POOL = 512;

  private static final Ids DEFAULT = new Ids(Clock.systemUTC(), drbg());

  private final Clock clock;
  private final SecureRandom random;
  private final ReentrantLock lock = new ReentrantLock();
  private final long[] pool = new long[POOL];
  private int drawn = POOL;
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
    long bits;
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
        counter = (int) (randomBits() & 0x3FF); // random start leaves room to count up
      }
      lastMillis = millis;
      sequence = counter;
      bits = randomBits();
    } finally {
      lock.unlock();
    }
    long most = (millis << 16) | 0x7000L | sequence;
    long least = (bits & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least);
  }

  /** The next 64 random bits of the pool, refilled from the CSPRNG when used up; called under the lock. */
  private long randomBits() {
    if (drawn == POOL) {
      byte[] block = new byte[POOL * Long.BYTES];
      random.nextBytes(block);
      ByteBuffer.wrap(block).asLongBuffer().get(pool);
      drawn = 0;
    }
    return pool[drawn++];
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  /** The Unix milliseconds a version-7 id was made at. */
  public static long timestampOf(UUID id) {
    if (id.version() != 7) {
      throw new IllegalArgumentException("not a version-7 UUID: " + id);
    }
    return id.getMostSignificantBits() >>> 16;
  }
}
