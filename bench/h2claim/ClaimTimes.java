import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims on a big backlog on H2 (docs/notes-h2claim.md): the old single FOR UPDATE SKIP LOCKED statements against the
 * stores' claims of this commit (called by reflection: they are package-private), each by two transactions at once
 * (the first holds its batch while the second claims). Usage: bench/h2claim/run.sh [rows]
 */
public class ClaimTimes {

  static final String URL = "jdbc:h2:file:/tmp/h2claim/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
  static DriverManagerDataSource data;
  static TransactionTemplate transactions;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    data = new DriverManagerDataSource(URL, "sa", "");
    transactions = new TransactionTemplate(new DataSourceTransactionManager(data));
    if (!Files.exists(Path.of("/tmp/h2claim/db.mv.db"))) {
      migrateAndFill(rows);
    }
    JdbcClient jdbc = JdbcClient.create(data);
    String ts = "TIMESTAMP WITH TIME ZONE '2026-12-07 00:00:00+00'";
    for (int round = 1; round <= 3; round++) {
      System.out.println("round " + round);
      compare("intake ItemStore.claimDue(now, 100)", """
          SELECT id FROM intake_item WHERE state = 'PENDING' AND next_attempt_at <= %s
          ORDER BY next_attempt_at, id LIMIT 100 FOR UPDATE SKIP LOCKED""".formatted(ts),
          () -> call(store("dev.tact.intake.ItemStore", jdbc, new JdbcTemplate(data)), "claimDue", NOW, 100));
      compare("timer TimerStore.claimDue(kinds, now, 100)", """
          SELECT kind, timer_key FROM timer_entry WHERE state = 'WAITING' AND kind IN ('sla.deadline', 'survey.send')
          AND next_attempt_at <= %s ORDER BY next_attempt_at LIMIT 100 FOR UPDATE SKIP LOCKED""".formatted(ts),
          () -> call(store("dev.tact.timer.TimerStore", jdbc), "claimDue", List.of("sla.deadline", "survey.send"),
              NOW, 100));
      compare("delivery OutboxStore.claim(node, now, lease, 50, false)", """
          SELECT id FROM delivery_outbox WHERE due_at <= %s AND kind <> 'EMAIL' ORDER BY due_at LIMIT 50
          FOR UPDATE SKIP LOCKED""".formatted(ts),
          () -> call(store("dev.tact.delivery.OutboxStore", jdbc, new NamedParameterJdbcTemplate(data)), "claim",
              "node", NOW, NOW.plusSeconds(60), 50, false));
      compare("noise NoiseLocks.claimUnusedBefore(now) (batch 500)", """
          SELECT lock_key FROM noise_lock WHERE last_used_at < %s ORDER BY last_used_at LIMIT 500
          FOR UPDATE SKIP LOCKED""".formatted(ts),
          () -> call(store("dev.tact.noise.NoiseLocks", jdbc, Clock.systemUTC()), "claimUnusedBefore", NOW));
    }
  }

  /** Two transactions at once, first with the old statement, then with the store's claim. */
  static void compare(String what, String oldSql, Supplier<List<?>> claim) throws Exception {
    System.out.println("  " + what);
    System.out.println("    before: " + twoClaimers(() -> {
      List<Object> keys = new ArrayList<>();
      JdbcClient.create(data).sql(oldSql).query(rs -> {
        keys.add(rs.getObject(1));
      });
      return keys;
    }));
    System.out.println("    after:  " + twoClaimers(claim));
  }

  static String twoClaimers(Supplier<List<?>> claim) throws Exception {
    CountDownLatch firstClaimed = new CountDownLatch(1);
    CountDownLatch secondDone = new CountDownLatch(1);
    long[] firstNanos = new long[1];
    var pool = Executors.newSingleThreadExecutor();
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> transactions.execute(status -> {
      long t = System.nanoTime();
      int n = claim.get().size();
      firstNanos[0] = System.nanoTime() - t;
      firstClaimed.countDown();
      try {
        secondDone.await();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      status.setRollbackOnly();
      return n;
    }), pool);
    firstClaimed.await();
    long[] secondNanos = new long[1];
    int second = transactions.execute(status -> {
      long t = System.nanoTime();
      int n = claim.get().size();
      secondNanos[0] = System.nanoTime() - t;
      status.setRollbackOnly();
      return n;
    });
    secondDone.countDown();
    int firstCount = first.get();
    pool.shutdown();
    return "first claimer %d rows in %.1f ms, second (while the first holds its batch) %d rows in %.1f ms"
        .formatted(firstCount, firstNanos[0] / 1e6, second, secondNanos[0] / 1e6);
  }

  static Object store(String name, Object... arguments) {
    try {
      Constructor<?> constructor = Class.forName(name).getDeclaredConstructors()[0];
      constructor.setAccessible(true);
      return constructor.newInstance(arguments);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<?> call(Object store, String method, Object... arguments) {
    try {
      for (Method m : store.getClass().getDeclaredMethods()) {
        if (m.getName().equals(method) && m.getParameterCount() == arguments.length) {
          m.setAccessible(true);
          return (List<?>) m.invoke(store, arguments);
        }
      }
      throw new IllegalStateException("no " + method);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static void migrateAndFill(int rows) throws Exception {
    Path migrations = Path.of("src/main/resources/db/migration");
    List<Path> files;
    try (var listing = Files.list(migrations)) {
      files = listing.sorted(Comparator.comparingInt(p -> Integer.parseInt(
          p.getFileName().toString().substring(1, p.getFileName().toString().indexOf("__"))))).toList();
    }
    try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
      for (Path file : files) {
        org.h2.tools.RunScript.execute(c, Files.newBufferedReader(file));
      }
      String range = "FROM (SELECT \"X\" AS x FROM SYSTEM_RANGE(1, " + rows + ")) r";
      String at = "TIMESTAMP WITH TIME ZONE '2026-12-01 00:00:00+00' + x * INTERVAL '1' SECOND";
      s.execute("INSERT INTO intake_item (id, channel, content_type, payload, received_at, state, attempts, "
          + "next_attempt_at, message_id) SELECT RANDOM_UUID(), 'web', 'application/json', '{}', " + at
          + ", 'PENDING', 0, " + at + ", RANDOM_UUID() " + range);
      s.execute("INSERT INTO timer_entry (kind, timer_key, due_at, state, attempts, next_attempt_at, schedule_id, "
          + "scheduled_at) SELECT CASE WHEN MOD(x, 4) = 0 THEN 'survey.send' ELSE 'sla.deadline' END, 'k' || x, " + at
          + ", 'WAITING', 0, " + at + ", RANDOM_UUID(), " + at + " " + range);
      s.execute("INSERT INTO delivery_outbox (id, idempotency_key, kind, purpose, cause, header_message_id, state, "
          + "due_at, created_at, updated_at) SELECT RANDOM_UUID(), 'k' || x, 'WEBHOOK', 'TRANSACTIONAL', 'bench', "
          + "'h' || x || '@bench', 'QUEUED', " + at + ", " + at + ", " + at + " " + range);
      s.execute("INSERT INTO noise_lock (lock_key, last_used_at) SELECT 'sender:s' || x || '@example.com', " + at
          + " " + range);
      s.execute("ANALYZE");
    }
  }
}
