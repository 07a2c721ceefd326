import java.sql.*;
public class SkipLockedProbe { public static void main(String[] a) throws Exception {
  String url = "jdbc:h2:file:/tmp/h2plans/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  String q = a[0];
  try (Connection c1 = DriverManager.getConnection(url, "sa", ""); Connection c2 = DriverManager.getConnection(url, "sa", "")) {
    c1.setAutoCommit(false); c2.setAutoCommit(false);
    for (Connection c : new Connection[] {c1, c2}) { long t = System.nanoTime();
      try (ResultSet r = c.createStatement().executeQuery(q)) { while (r.next()) System.out.print(r.getString(1) + " "); }
      System.out.printf("(%.1f ms)%n", (System.nanoTime() - t) / 1e6); }
  } } }
