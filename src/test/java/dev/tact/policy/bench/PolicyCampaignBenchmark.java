package dev.tact.policy.bench;

import dev.tact.TactApplication;
import dev.tact.policy.AuditedDecision;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.PolicySettingsService;
import dev.tact.policy.Purpose;
import dev.tact.shared.Channel;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaign benchmark (run by {@code bench/policy-campaign.sh}): on an empty PostgreSQL database,
 * Tact migrates it, N contacts are made with SQL (phones, zones, consents, opt-outs, history), and
 * one marketing campaign to all of them is decided end to end through {@link
 * ContactPolicyService#decideAll} (facts from PostgreSQL, policy, audit rows). Prints key=value lines.
 */
public final class PolicyCampaignBenchmark {

  private PolicyCampaignBenchmark() {}

  public static void main(String[] args) {
    String url = args[0];
    int contacts = Integer.parseInt(args[1]);
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TactApplication.class)
        .run("--server.port=0", "--server.address=127.0.0.1", "--spring.datasource.url=" + url, "--tact.demo.enabled=false", "--spring.jmx.enabled=false",
            "--tact.intake.imap.enabled=false", "--logging.level.root=WARN")) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      long seedStart = System.nanoTime();
      seed(jdbc, contacts);
      System.out.printf("seed_seconds=%.2f%n", (System.nanoTime() - seedStart) / 1e9);
      System.out.println("policy=" + context.getBean(PolicySettingsService.class).policy().getClass().getName());
      List<UUID> ids = jdbc.sql("SELECT id FROM contact_contact ORDER BY id").query(UUID.class).list();
      Instant at = LocalDateTime.of(2031, 6, 18, 14, 0).atZone(ZoneId.of("America/Toronto")).toInstant();
      List<DecisionRequest> campaign = ids.stream()
          .map(id -> new DecisionRequest(id, Channel.EMAIL, Purpose.MARKETING, "summer-offer", at)).toList();
      ContactPolicyService service = context.getBean(ContactPolicyService.class);
      for (int run = 1; run <= 3; run++) {
        long start = System.nanoTime();
        List<AuditedDecision> decided = service.decideAll(campaign, "benchmark");
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<Decision.Outcome, Long> outcomes = decided.stream()
            .collect(Collectors.groupingBy(d -> d.decision().outcome(), Collectors.counting()));
        System.out.printf("run=%d decisions=%d seconds=%.2f per_second=%.0f outcomes=%s%n", run, decided.size(),
            seconds, decided.size() / seconds, outcomes);
      }
      System.out.println("audit_rows=" + jdbc.sql("SELECT COUNT(*) FROM policy_decision").query(Long.class).single());
    }
  }

  /** PostgreSQL-only SQL: the benchmark runs on PostgreSQL. */
  private static void seed(JdbcClient jdbc, int n) {
    Function<String, Integer> run = sql -> jdbc.sql(sql).param("n", n).update();
    run.apply("""
        INSERT INTO contact_contact (id, display_name, time_zone, country, subdivision, created_at)
        SELECT md5('c' || g)::uuid, 'Bench ' || g,
          CASE WHEN g % 3 = 0 THEN NULL
               ELSE (ARRAY['America/Winnipeg','America/Toronto','America/New_York','Europe/Berlin'])[1 + g % 4] END,
          (ARRAY['CA','CA','US','DE'])[1 + g % 4], (ARRAY['mb','on','fl',NULL])[1 + g % 4], now()
        FROM generate_series(1, :n) g""");
    run.apply("""
        INSERT INTO contact_identity (id, contact_id, kind, address, raw, created_at)
        SELECT md5('p' || g)::uuid, md5('c' || g)::uuid, 'PHONE',
          '+1' || (ARRAY['204','416','212','208','850'])[1 + g % 5] || lpad((2000000 + g)::text, 7, '0'),
          '+1' || (ARRAY['204','416','212','208','850'])[1 + g % 5] || lpad((2000000 + g)::text, 7, '0'), now()
        FROM generate_series(1, :n) g""");
    run.apply("""
        INSERT INTO contact_identity (id, contact_id, kind, address, raw, created_at)
        SELECT md5('e' || g)::uuid, md5('c' || g)::uuid, 'EMAIL', 'bench' || g || '@example.com',
          'bench' || g || '@example.com', now()
        FROM generate_series(1, :n) g""");
    run.apply("""
        INSERT INTO policy_consent (id, contact_id, kind, channel, purpose, subject, source, evidence, recorded_by,
          recorded_at, expires_at)
        SELECT md5('k' || g)::uuid, md5('c' || g)::uuid,
          CASE WHEN g % 10 = 0 THEN 'OPT_OUT' WHEN g % 7 = 0 THEN 'IMPLIED' ELSE 'EXPRESS' END,
          'EMAIL', 'MARKETING', NULL, 'benchmark', 'seed', 'benchmark', now() - interval '30 days',
          CASE WHEN g % 10 <> 0 AND g % 7 = 0 THEN now() + interval '180 days' END
        FROM generate_series(1, :n) g WHERE g % 5 <> 1""");
    run.apply("""
        INSERT INTO policy_attempt (id, contact_id, channel, purpose, subject, attempted_at, decision_id, actor)
        SELECT md5('a' || g || '-' || k)::uuid, md5('c' || g)::uuid, 'EMAIL', 'MARKETING', 'spring-offer',
          now() - (k * interval '20 days'), NULL, 'benchmark'
        FROM generate_series(1, :n) g, generate_series(1, 2) k WHERE g % 4 = 0""");
    jdbc.sql("ANALYZE").update();
  }
}
