package dev.tact.delivery.pacing.bench;

import dev.tact.delivery.pacing.DomainPacer;
import dev.tact.delivery.pacing.PacingProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Pacing accuracy: a 20/s limit for one domain under a backlog far larger than it (10 senders that
 * always have mail for it, and a second busy domain sharing the global cap). Simulated: the senders
 * ask for slots with simulated time. Real: threads wait until their slot on the wall clock and
 * note when they really "sent". Prints key=value lines for bench/pacing-accuracy.sh.
 * Arguments: seconds (default 60), mode simulated|real|both.
 */
public final class PacingAccuracyBenchmark {

  static final double LIMIT = 20;

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    String mode = args.length > 1 ? args[1] : "both";
    if (!mode.equals("real")) {
      report("simulated", simulated(seconds), seconds);
    }
    if (!mode.equals("simulated")) {
      report("real", real(seconds), seconds);
    }
  }

  static DomainPacer pacer() {
    var settings = new PacingProperties(true, 1, 5, 10, 200,
        Map.of("gmail.com", new PacingProperties.Limit(LIMIT, 20)), PacingProperties.Warmup.OFF);
    return new DomainPacer(settings);
  }

  /** Offsets (ns from the start) of the sends to gmail.com that fell inside the run. */
  static List<Long> simulated(int seconds) {
    DomainPacer pacer = pacer();
    Instant start = Instant.parse("2026-11-23T10:00:00Z");
    Instant end = start.plusSeconds(seconds);
    Instant now = start;
    List<Long> sends = new ArrayList<>();
    while (now.isBefore(end)) {
      for (int sender = 0; sender < 10; sender++) {
        Instant slot = pacer.reserve("gmail.com", now);
        pacer.reserve("outlook.com", now);
        if (slot.isBefore(end)) {
          sends.add(Duration.between(start, slot).toNanos());
        }
      }
      now = now.plusMillis(1);
    }
    return sends;
  }

  static List<Long> real(int seconds) throws InterruptedException {
    DomainPacer pacer = pacer();
    long startNanos = System.nanoTime();
    Instant start = Instant.now();
    long endNanos = startNanos + TimeUnit.SECONDS.toNanos(seconds);
    List<Long> sends = Collections.synchronizedList(new ArrayList<>());
    ExecutorService senders = Executors.newFixedThreadPool(10);
    for (int t = 0; t < 10; t++) {
      senders.submit(() -> {
        while (System.nanoTime() < endNanos) {
          long nowNanos = System.nanoTime();
          Instant slot = pacer.reserve("gmail.com", start.plusNanos(nowNanos - startNanos));
          long slotNanos = startNanos + Duration.between(start, slot).toNanos();
          while (System.nanoTime() < slotNanos) {
            LockSupport.parkNanos(slotNanos - System.nanoTime());
          }
          long sentAt = System.nanoTime();
          if (sentAt < endNanos) {
            sends.add(sentAt - startNanos);
          }
        }
      });
    }
    senders.shutdown();
    senders.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    return sends;
  }

  static void report(String mode, List<Long> sends, int seconds) {
    double whole = sends.size() / (double) seconds;
    long oneSecond = TimeUnit.SECONDS.toNanos(1);
    long afterBurst = sends.stream().filter(ns -> ns >= oneSecond).count();
    double steady = afterBurst / (double) (seconds - 1);
    int[] perSecond = new int[seconds];
    sends.forEach(ns -> perSecond[(int) Math.min(seconds - 1, ns / oneSecond)]++);
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int s = 1; s < seconds; s++) {
      min = Math.min(min, perSecond[s]);
      max = Math.max(max, perSecond[s]);
    }
    System.out.printf("mode=%s seconds=%d sends=%d rate=%.3f deviation_pct=%.2f steady_rate=%.3f "
            + "steady_deviation_pct=%.2f first_second=%d min_second=%d max_second=%d%n", mode, seconds, sends.size(),
        whole, 100 * (whole - LIMIT) / LIMIT, steady, 100 * (steady - LIMIT) / LIMIT, perSecond[0], min, max);
  }
}
