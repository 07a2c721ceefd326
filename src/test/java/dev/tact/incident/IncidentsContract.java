package dev.tact.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tact.contact.ContactManagement;
import dev.tact.contact.ContactNames;
import dev.tact.contact.IdentityParser;
import dev.tact.intake.MessageIntake;
import dev.tact.mail.MailLimits;
import dev.tact.mail.MailParser;
import dev.tact.mail.ParsedMail;
import dev.tact.intake.MessageSubmission;
import dev.tact.policy.ConsentEntry;
import dev.tact.policy.ConsentLedger;
import dev.tact.policy.ConsentRequest;
import dev.tact.policy.ContactPolicyService;
import dev.tact.policy.Decision;
import dev.tact.policy.DecisionRequest;
import dev.tact.policy.Purpose;
import dev.tact.policy.Vote;
import dev.tact.shared.Channel;
import dev.tact.staff.ApiTokens;
import dev.tact.staff.Role;
import dev.tact.testsupport.JsonApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Incidents end to end over real HTTP, on H2 and PostgreSQL: components and incidents through the API, the public
 * status page served without login (with entity tags, JSON and a feed), a customer's message about the outage linked
 * to the incident, notices to the affected contacts once per update, sales contact denied naming the incident and
 * deferred for the cool-down after it, double opt-in subscriptions, and bad input that changes nothing.
 */
abstract class IncidentsContract {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  ApiTokens tokens;

  @Autowired
  MessageIntake intake;

  @Autowired
  ContactManagement contacts;

  @Autowired
  IdentityParser identities;

  @Autowired
  ContactPolicyService policy;

  @Autowired
  IncidentNotices notices;

  @Autowired
  IncidentProperties properties;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate template;

  @Autowired
  ConsentLedger consents;

  JsonApi admin;
  String suffix;

  @BeforeEach
  void admin() {
    admin = new JsonApi(port, tokens.issue("incident-admin", Role.ADMIN, null).secret());
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void shouldShowADeclaredIncidentOnThePublicStatusPageLinkItsReportsAndDenySalesUntilTheCoolDownEnds()
      throws Exception {
    String hosting = component("Web hosting " + suffix, "sites, cpanel");
    component("Email " + suffix, "mailbox");
    JsonApi.Answer declared = admin.post("/api/v1/incidents", Map.of("title", "Sites unreachable " + suffix,
        "impact", "major", "components", List.of(hosting), "message", "Sites on the EU cluster do not load.",
        "sendNotices", true));
    assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
    String reference = declared.body().path("reference").asString();
    long version = declared.body().path("version").asLong();

    HttpResponse<String> page = status("/status", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Sites unreachable " + suffix, reference, "Partial outage");
    String today = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(LocalDate.now(ZoneOffset.UTC));
    assertThat(page.body()).as("today in the component's history").contains(">" + today + ": Partial outage</li>");
    assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("public"));
    String etag = page.headers().firstValue("ETag").orElseThrow();
    assertThat(status("/status", etag).statusCode()).isEqualTo(304);
    assertThat(status("/status.json", null).body()).contains("\"reference\":\"" + reference + "\"");
    assertThat(status("/status/feed.atom", null).body()).contains("<feed", reference);

    // a customer writes about the outage: the message is linked to the incident
    String sender = "sam-" + suffix + "@example.org";
    intake.submit(new MessageSubmission("email", sender, "Sam Reporter", null, null, "All my sites are down",
        "Hello, all my sites have been down since 9am, customers cannot reach the shop.", "ext-" + suffix, null,
        null));
    UUID reporter = await().atMost(PATIENCE).until(() -> contacts.findByIdentity(identities.parse(sender))
        .map(c -> c.id()).orElse(null), id -> id != null);
    await().atMost(PATIENCE).until(() -> admin.get("/api/v1/incidents/" + reference).body().path("figures")
        .path("reporters").asLong() == 1);
    JsonApi.Answer links = admin.get("/api/v1/incidents/" + reference + "/conversations");
    assertThat(links.body().get(0).path("contactId").asString()).isEqualTo(reporter.toString());
    assertThat(links.body().get(0).path("matchReason").asString()).contains("sites");

    // sales contact to the reporter is denied, naming the incident
    Decision sales = policy.decide(new DecisionRequest(reporter, Channel.EMAIL, Purpose.MARKETING,
        "upgrade offer", null), "sales").decision();
    assertThat(sales.outcome()).isEqualTo(Decision.Outcome.DENY);
    assertThat(suppression(sales)).satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Vote.Kind.DENY);
      assertThat(v.reason()).contains(reference);
    });

    // a lead names a customer with no conversation as affected too
    String patAddress = "pat-" + suffix + "@example.org";
    UUID pat = contacts.resolve(identities.parse(patAddress), new ContactNames("Pat Customer", null, null)).id();
    JsonApi.Answer selected = admin.post("/api/v1/incidents/" + reference + "/contacts",
        Map.of("identities", List.of(patAddress)));
    assertThat(selected.body().path("added").asInt()).as(selected.raw()).isEqualTo(1);
    assertThat(suppression(policy.decide(new DecisionRequest(pat, Channel.EMAIL, Purpose.MARKETING,
        "upgrade offer", null), "sales").decision()).reason()).contains(reference);

    // an update from an out-of-date page changes nothing
    JsonApi.Answer stale = admin.post("/api/v1/incidents/" + reference + "/updates", Map.of("state", "identified",
        "message", "Old news", "version", version - 1));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().path("detail").asString()).contains("changed since");

    // resolved: the page moves it to the past, and sales wait for the cool-down
    JsonApi.Answer resolved = admin.post("/api/v1/incidents/" + reference + "/updates", Map.of("state", "resolved",
        "message", "All sites load again.", "version", version));
    assertThat(resolved.status()).as(resolved.raw()).isEqualTo(200);
    assertThat(status("/status", null).body()).contains("Past incidents", "All sites load again.");
    Instant resolvedAt = Instant.parse(resolved.body().path("resolvedAt").asString());
    Decision later = policy.decide(new DecisionRequest(pat, Channel.EMAIL, Purpose.MARKETING,
        "upgrade offer", null), "sales").decision();
    assertThat(suppression(later)).satisfies(v -> {
      assertThat(v.kind()).isEqualTo(Vote.Kind.DEFER);
      assertThat(v.reason()).contains(reference, "resolved");
      assertThat(v.notBefore()).isEqualTo(resolvedAt.plus(properties.salesCoolDown()));
    });
  }

  @Test
  void shouldNotifyConfirmedSubscribersAndReportersOncePerUpdate() throws Exception {
    String api = component("API " + suffix, "endpoint");
    String subscriber = "sub-" + suffix + "@example.org";
    HttpResponse<String> subscribed = form("/status/subscribe", "email=" + subscriber + "&component=" + api);
    assertThat(subscribed.statusCode()).isEqualTo(200);
    assertThat(subscribed.body()).contains("Check your inbox");
    String token = jdbc.sql("SELECT token FROM status_subscriber WHERE email = :email").param("email", subscriber)
        .query(String.class).single();
    assertThat(outboxRows("status-confirm:%")).isGreaterThanOrEqualTo(1);

    JsonApi.Answer declared = admin.post("/api/v1/incidents", Map.of("title", "API errors " + suffix,
        "impact", "minor", "components", List.of(api), "message", "Some API calls fail.", "sendNotices", true));
    UUID firstUpdate = UUID.fromString(declared.body().path("updates").get(0).path("id").asString());
    // not confirmed yet: no notice for the subscriber
    await().atMost(PATIENCE).until(() -> noticed(firstUpdate));
    assertThat(outboxRows("incident-notice:" + firstUpdate + ":%")).isZero();

    HttpResponse<String> confirmed = status("/status/subscriptions/" + token + "/confirm", null);
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("Subscribed");
    String reference = declared.body().path("reference").asString();
    JsonApi.Answer update = admin.post("/api/v1/incidents/" + reference + "/updates", Map.of("state", "identified",
        "message", "A bad deploy; rolling back.", "sendNotices", true));
    UUID second = UUID.fromString(update.body().path("updates").get(0).path("id").asString());
    await().atMost(PATIENCE).until(() -> outboxRows("incident-notice:" + second + ":%") == 1);
    String text = jdbc.sql("SELECT subject FROM delivery_outbox WHERE idempotency_key LIKE :key")
        .param("key", "incident-notice:" + second + ":%").query(String.class).single();
    assertThat(text).contains("Identified", "API errors " + suffix);

    // a second run (a crash and a retry, another node) queues nothing more
    assertThat(notices.send(second)).isEqualTo(1);
    assertThat(outboxRows("incident-notice:" + second + ":%")).isEqualTo(1);

    // stop the notices: the next update reaches nobody
    assertThat(form("/status/subscriptions/" + token + "/unsubscribe", "").body()).contains("Unsubscribed");
    JsonApi.Answer third = admin.post("/api/v1/incidents/" + reference + "/updates", Map.of("state", "monitoring",
        "message", "Rolled back; watching.", "sendNotices", true));
    UUID thirdId = UUID.fromString(third.body().path("updates").get(0).path("id").asString());
    await().atMost(PATIENCE).until(() -> noticed(thirdId));
    assertThat(outboxRows("incident-notice:" + thirdId + ":%")).isZero();
  }

  @Test
  void shouldNoticeTwoThousandSubscribersOnceEachRecordDenialsAndQueueNothingTwiceAfterACrashOrASecondRun()
      throws Exception {
    String component = component("Object storage " + suffix, "buckets");
    List<UUID> subscribers = subscribers(component, "bulk", 2000);
    List<UUID> optedOut = subscribers.subList(0, 25);
    optedOut.forEach(contact -> consents.record(contact, new ConsentRequest(ConsentEntry.Kind.OPT_OUT, Channel.EMAIL,
        Purpose.TRANSACTIONAL, null, "phone call", "asked to hear nothing more by email", null), "test"));

    JsonApi.Answer declared = admin.post("/api/v1/incidents", Map.of("title", "Buckets unreachable " + suffix,
        "impact", "major", "components", List.of(component), "message", "Uploads fail.", "sendNotices", true));
    assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
    UUID update = UUID.fromString(declared.body().path("updates").get(0).path("id").asString());
    String keys = "incident-notice:" + update + ":%";
    await().atMost(Duration.ofSeconds(120)).until(() -> noticed(update) && outboxRows(keys) == 2000);

    Map<UUID, String> stateOf = noticeStates(update);
    assertThat(stateOf).hasSize(2000).containsOnlyKeys(subscribers);
    assertThat(stateOf.entrySet().stream().filter(e -> e.getValue().equals("DENIED")).map(Map.Entry::getKey))
        .containsExactlyInAnyOrderElementsOf(optedOut);
    assertThat(stateOf.values().stream().filter(s -> s.equals("QUEUED")).count()).isEqualTo(2000 - optedOut.size());
    assertThat(jdbc.sql("""
        SELECT COUNT(*) FROM delivery_outbox o JOIN policy_decision d ON d.id = o.decision_id
        WHERE o.idempotency_key LIKE :key AND o.state = 'DENIED' AND d.outcome = 'DENY' AND d.summary LIKE '%opted out%'
        """).param("key", keys).query(Long.class).single()).isEqualTo(optedOut.size());
    assertThat(decisionsPerContact(subscribers)).containsOnlyKeys(subscribers).allSatisfy((c, n) ->
        assertThat(n).as("decisions for %s", c).isEqualTo(1L));
    byte[] written = jdbc.sql("SELECT content FROM delivery_outbox WHERE idempotency_key = :key")
        .param("key", "incident-notice:" + update + ":" + subscribers.get(1000)).query(byte[].class).single();
    ParsedMail notice = new MailParser(MailLimits.defaults()).parse(written);
    assertThat(notice.to().getFirst().address()).isEqualTo("bulk1000-" + suffix + "@example.org");
    assertThat(notice.subject()).contains("Buckets unreachable " + suffix);
    assertThat(notice.text()).contains("Uploads fail.", "/status/subscriptions/tok-" + suffix + "-1000/unsubscribe");

    // a node stopped after some batches: the batches it had not committed left nothing behind
    List<UUID> lost = subscribers.subList(1000, 2000);
    Map<UUID, UUID> kept = noticeIds(update);
    for (UUID contact : lost) {
      UUID decision = jdbc.sql("SELECT decision_id FROM delivery_outbox WHERE idempotency_key = :key")
          .param("key", "incident-notice:" + update + ":" + contact).query(UUID.class).single();
      jdbc.sql("DELETE FROM delivery_outbox WHERE idempotency_key = :key")
          .param("key", "incident-notice:" + update + ":" + contact).update();
      jdbc.sql("DELETE FROM policy_attempt WHERE decision_id = :d").param("d", decision).update();
      jdbc.sql("DELETE FROM policy_decision WHERE id = :d").param("d", decision).update();
    }
    jdbc.sql("UPDATE incident_update SET noticed_at = NULL, notices_queued = 0 WHERE id = :id").param("id", update)
        .update();

    assertThat(notices.send(update)).isEqualTo(2000);
    assertThat(noticeStates(update)).isEqualTo(stateOf);
    Map<UUID, UUID> resumed = noticeIds(update);
    subscribers.subList(0, 1000).forEach(c -> assertThat(resumed.get(c)).as("kept row of %s", c)
        .isEqualTo(kept.get(c)));
    assertThat(decisionsPerContact(subscribers)).allSatisfy((c, n) -> assertThat(n).isEqualTo(1L));
    assertThat(noticed(update)).isTrue();

    // and a second run of the whole update queues and decides nothing more
    long decisions = count("policy_decision");
    assertThat(notices.send(update)).isEqualTo(2000);
    assertThat(noticeIds(update)).isEqualTo(resumed);
    assertThat(count("policy_decision")).isEqualTo(decisions);
  }

  /** Confirmed subscribers of the component, written by SQL: {@code prefix<i>-<suffix>@example.org}, tokens tok-. */
  private List<UUID> subscribers(String component, String prefix, int count) {
    List<UUID> subscribers = new java.util.ArrayList<>();
    List<Object[]> people = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      UUID contact = UUID.randomUUID();
      subscribers.add(contact);
      String email = prefix + i + "-" + suffix + "@example.org";
      people.add(new Object[] {contact, "Bulk " + i, UUID.randomUUID(), email, UUID.randomUUID(),
          UUID.fromString(component), "tok-" + suffix + "-" + i});
    }
    template.batchUpdate("INSERT INTO contact_contact (id, display_name, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
        people.stream().map(p -> new Object[] {p[0], p[1]}).toList());
    template.batchUpdate("INSERT INTO contact_identity (id, contact_id, kind, address, raw, created_at) "
        + "VALUES (?, ?, 'EMAIL', ?, ?, CURRENT_TIMESTAMP)",
        people.stream().map(p -> new Object[] {p[2], p[0], p[3], p[3]}).toList());
    template.batchUpdate("INSERT INTO status_subscriber (id, contact_id, email, component_id, token, created_at, "
        + "confirmed_at) VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        people.stream().map(p -> new Object[] {p[4], p[0], p[3], p[5], p[6]}).toList());
    return subscribers;
  }

  /**
   * Batches go two at a time, and another run of the same update (a second node, the sweep) may work beside them: the
   * runs at once may fail on a key another one took (that batch rolls back, decisions included), a later run completes
   * what they left, and no contact is ever queued or decided twice.
   */
  @Test
  void shouldNeverQueueOrDecideAContactTwiceWhileRunsOfOneUpdateOverlapWithBatchesInFlight() throws Exception {
    assertThat(properties.noticeBatchesInFlight()).isGreaterThan(1);
    String component = component("Queues " + suffix, "brokers");
    List<UUID> subscribers = subscribers(component, "overlap", 3500);
    JsonApi.Answer declared = admin.post("/api/v1/incidents", Map.of("title", "Brokers down " + suffix,
        "impact", "major", "components", List.of(component), "message", "Messages wait.", "sendNotices", true));
    assertThat(declared.status()).as(declared.raw()).isEqualTo(201);
    UUID update = UUID.fromString(declared.body().path("updates").get(0).path("id").asString());
    String keys = "incident-notice:" + update + ":%";

    // the listener's run is under way; two more start beside it
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
    List<java.util.concurrent.CompletableFuture<Integer>> runs = new java.util.ArrayList<>();
    java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
    for (int i = 0; i < 2; i++) {
      runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          start.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return notices.send(update);
      }, two));
    }
    two.shutdown();
    for (java.util.concurrent.CompletableFuture<Integer> run : runs) {
      try {
        assertThat(run.get(120, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(3500);
      } catch (java.util.concurrent.ExecutionException e) {
        assertThat(e.getCause()).as("only a key taken by another run may stop one").isInstanceOfAny(
            dev.tact.shared.ProblemException.class, org.springframework.dao.DataAccessException.class);
      }
    }
    // whatever the overlapping runs left, a run alone completes
    await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> notices.send(update) == 3500);
    await().atMost(Duration.ofSeconds(120)).until(() -> noticed(update) && outboxRows(keys) == 3500);

    assertThat(noticeStates(update)).hasSize(3500).containsOnlyKeys(subscribers)
        .allSatisfy((contact, state) -> assertThat(state).as("rows of %s", contact).isEqualTo("QUEUED"));
    assertThat(decisionsPerContact(subscribers)).containsOnlyKeys(subscribers).allSatisfy((c, n) ->
        assertThat(n).as("decisions for %s", c).isEqualTo(1L));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM policy_attempt WHERE contact_id IN (SELECT contact_id FROM "
        + "delivery_outbox WHERE idempotency_key LIKE :key)").param("key", keys).query(Long.class).single())
        .isEqualTo(3500);
  }

  private Map<UUID, String> noticeStates(UUID update) {
    Map<UUID, String> states = new java.util.HashMap<>();
    jdbc.sql("SELECT contact_id, state FROM delivery_outbox WHERE idempotency_key LIKE :key")
        .param("key", "incident-notice:" + update + ":%")
        .query(rs -> {
          states.merge(rs.getObject(1, UUID.class), rs.getString(2), (a, b) -> a + "," + b);
        });
    return states;
  }

  private Map<UUID, UUID> noticeIds(UUID update) {
    Map<UUID, UUID> ids = new java.util.HashMap<>();
    jdbc.sql("SELECT contact_id, id FROM delivery_outbox WHERE idempotency_key LIKE :key")
        .param("key", "incident-notice:" + update + ":%")
        .query(rs -> {
          ids.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
    return ids;
  }

  private Map<UUID, Long> decisionsPerContact(List<UUID> contacts) {
    Map<UUID, Long> counts = new java.util.HashMap<>();
    for (int from = 0; from < contacts.size(); from += 500) {
      jdbc.sql("SELECT contact_id, COUNT(*) FROM policy_decision WHERE contact_id IN (:ids) AND purpose = 'TRANSACTIONAL' "
              + "GROUP BY contact_id")
          .param("ids", contacts.subList(from, Math.min(contacts.size(), from + 500)))
          .query(rs -> {
            counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
          });
    }
    return counts;
  }

  @Test
  void shouldRefuseBadInputAndChangeNothing() throws Exception {
    long incidents = count("incident");
    JsonApi.Answer noComponents = admin.post("/api/v1/incidents", Map.of("title", "x", "impact", "major",
        "message", "y"));
    assertThat(noComponents.status()).isEqualTo(422);
    assertThat(noComponents.body().path("detail").asString()).contains("components");
    JsonApi.Answer badImpact = admin.post("/api/v1/incidents", Map.of("title", "x", "impact", "apocalyptic",
        "message", "y", "components", List.of(UUID.randomUUID())));
    assertThat(badImpact.status()).isEqualTo(422);
    JsonApi.Answer unknownComponent = admin.post("/api/v1/incidents", Map.of("title", "x", "impact", "major",
        "message", "y", "components", List.of(UUID.randomUUID())));
    assertThat(unknownComponent.status()).isEqualTo(404);
    assertThat(count("incident")).isEqualTo(incidents);

    String name = "Billing " + suffix;
    component(name, "");
    assertThat(admin.post("/api/v1/admin/components", Map.of("name", name.toUpperCase())).status()).isEqualTo(409);
    assertThat(admin.post("/api/v1/admin/components", Map.of("name", " ")).status()).isEqualTo(422);

    JsonApi.Answer agent = new JsonApi(port, tokens.issue("agent-" + suffix, Role.AGENT, null).secret())
        .post("/api/v1/incidents", Map.of("title", "x"));
    assertThat(agent.status()).isEqualTo(403);

    assertThat(form("/status/subscribe", "email=not-an-address").statusCode()).isEqualTo(422);
    assertThat(status("/status/subscriptions/nonsense/confirm", null).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldServeWhatAnotherNodeChangedAfterItsNextRefresh() throws Exception {
    String id = component("CDN " + suffix, "");
    // another node renamed it (its own transaction bumped the revision this node polls)
    jdbc.sql("UPDATE incident_component SET name = :name, name_key = :key WHERE id = :id")
        .param("name", "Edge network " + suffix).param("key", "edge network " + suffix).param("id", UUID.fromString(id))
        .update();
    jdbc.sql("UPDATE status_revision SET revision = revision + 1 WHERE id = 1").update();

    await().atMost(PATIENCE).until(() -> status("/status", null).body().contains("Edge network " + suffix));
  }

  @Test
  void shouldServeTheStatusPageGzippedToAClientThatAsksForIt() throws Exception {
    component("Gzip " + suffix, "compressed");
    await().atMost(PATIENCE).until(() -> status("/status", null).body().contains("Gzip " + suffix));
    HttpResponse<String> plain = status("/status", null);
    HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
        .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
    assertThat(zipped.body().length).isLessThan(plain.body().getBytes(StandardCharsets.UTF_8).length);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
    }
    String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
    assertThat(zippedTag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
    HttpResponse<byte[]> revalidated = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/status")).header("Accept-Encoding", "gzip").header("If-None-Match", zippedTag).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(revalidated.statusCode()).isEqualTo(304);
    HttpResponse<byte[]> refused = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/status")).header("Accept-Encoding", "gzip;q=0, identity").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
  }

  private static Vote suppression(Decision decision) {
    return decision.votes().stream().filter(v -> v.rule().equals("suppression")).findFirst().orElseThrow();
  }

  private boolean noticed(UUID updateId) {
    return jdbc.sql("SELECT COUNT(*) FROM incident_update WHERE id = :id AND noticed_at IS NOT NULL")
        .param("id", updateId).query(Long.class).single() == 1;
  }

  private long outboxRows(String keyPattern) {
    return jdbc.sql("SELECT COUNT(*) FROM delivery_outbox WHERE idempotency_key LIKE :key").param("key", keyPattern)
        .query(Long.class).single();
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private String component(String name, String keywords) {
    JsonApi.Answer added = admin.post("/api/v1/admin/components", Map.of("name", name, "group", "Hosting",
        "keywords", List.of(keywords.split(",\\s*"))));
    assertThat(added.status()).as(added.raw()).isEqualTo(201);
    return added.body().path("id").asString();
  }

  private HttpResponse<String> status(String path, String etag) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (etag != null) {
      request.header("If-None-Match", etag);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> form(String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
