package dev.tact.bench.policy;

import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ContactPolicies;
import dev.tact.policy.ContactPolicy;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.OutboundChannel;
import dev.tact.policy.PolicyFacts;
import dev.tact.policy.PolicySettings;
import dev.tact.policy.Purpose;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Contact-policy decisions per second on one thread with the facts in memory (issue 6 goal: 200,000 per core).
 * {@code decideMix} takes in turn: an allowed sales call, a sales call deferred over Thanksgiving in Manitoba, one
 * denied by an opt-out, a text to a +1-208 number (Boise and Los Angeles) at varying hours, and a support reply;
 * the other two measure the costliest kinds alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PolicyDecisionBenchmark {

  private record Ask(DecisionRequest request, PolicyFacts facts) {}

  private final ContactPolicy policy = ContactPolicies.standard(PolicySettings.defaults());
  private final List<Ask> mix = new ArrayList<>();
  private Ask holiday;
  private Ask multiZone;
  private int next;

  @Setup
  public void facts() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    ConsentEntry phone = express(OutboundChannel.PHONE_CALL);
    ConsentEntry sms = express(OutboundChannel.SMS);
    PolicyFacts toronto = facts(id, ZoneId.of("America/Toronto"), Set.of(), "CA", "on", List.of(phone));
    PolicyFacts winnipeg = facts(id, ZoneId.of("America/Winnipeg"), Set.of(), "CA", "mb", List.of(phone));
    PolicyFacts saidNo = facts(id, ZoneId.of("America/Winnipeg"), Set.of(), "CA", "mb", List.of(phone,
        new ConsentEntry(ConsentEntry.Kind.OPT_OUT, OutboundChannel.PHONE_CALL, Purpose.MARKETING, "ssl-cert",
            "agent note", "not interested", Instant.parse("2011-10-10T16:05:00Z"), null)));
    PolicyFacts idaho = facts(id, null, Set.of(ZoneId.of("America/Boise"), ZoneId.of("America/Los_Angeles")), "US",
        "id", List.of(sms));
    holiday = new Ask(sales(id, OutboundChannel.PHONE_CALL, local("2011-10-10T11:00", "America/Winnipeg")), winnipeg);
    multiZone = new Ask(sales(id, OutboundChannel.SMS, local("2026-06-09T07:30", "America/Boise")), idaho);
    mix.add(new Ask(sales(id, OutboundChannel.PHONE_CALL, local("2026-06-09T10:00", "America/Toronto")), toronto));
    mix.add(holiday);
    mix.add(new Ask(sales(id, OutboundChannel.PHONE_CALL, local("2011-10-10T11:00", "America/Winnipeg")), saidNo));
    for (int hour = 6; hour < 23; hour += 4) {
      mix.add(new Ask(sales(id, OutboundChannel.SMS, local("2026-06-10T%02d:15".formatted(hour), "America/Boise")),
          idaho));
    }
    mix.add(new Ask(new DecisionRequest(id, OutboundChannel.SOCIAL, Purpose.TRANSACTIONAL, "case 12",
        local("2011-10-10T11:00", "America/Winnipeg")), saidNo));
  }

  /** One decision per call over the mix, in turn. */
  @Benchmark
  public Decision decideMix() {
    Ask ask = mix.get(next);
    next = next + 1 == mix.size() ? 0 : next + 1;
    return policy.decide(ask.request(), ask.facts());
  }

  /** Thanksgiving in Manitoba: deferred after three rounds of votes. */
  @Benchmark
  public Decision decideDeferredOverHoliday() {
    return policy.decide(holiday.request(), holiday.facts());
  }

  /** A +1-208 number at 07:30 Boise: deferred until the window holds in both zones. */
  @Benchmark
  public Decision decideMultiZonePhone() {
    return policy.decide(multiZone.request(), multiZone.facts());
  }

  private static PolicyFacts facts(UUID id, ZoneId zone, Set<ZoneId> phoneZones, String country, String subdivision,
      List<ConsentEntry> consents) {
    return new PolicyFacts(id, zone, phoneZones, country, subdivision, OutboundChannel.PHONE_CALL, consents, List.of(),
        false, false, false, null);
  }

  private static ConsentEntry express(OutboundChannel channel) {
    return new ConsentEntry(ConsentEntry.Kind.EXPRESS, channel, Purpose.MARKETING, null, "web form", "form 17",
        Instant.parse("2010-05-01T12:00:00Z"), null);
  }

  private static DecisionRequest sales(UUID id, OutboundChannel channel, Instant at) {
    return new DecisionRequest(id, channel, Purpose.MARKETING, "ssl-cert", at);
  }

  private static Instant local(String dateTime, String zone) {
    return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
  }
}
