import java.sql.*; import java.nio.file.*;
public class RunSql { public static void main(String[] a) throws Exception {
  try (Connection c = DriverManager.getConnection("jdbc:h2:file:/tmp/h2plans/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
    String all = a.length > 0 ? Files.readString(Path.of(a[0])) : new String(System.in.readAllBytes());
    for (String s : all.split(";\\s*\\n")) { s = s.strip(); if (s.isEmpty() || s.startsWith("--")&&!s.contains("\n")) continue;
      long t = System.nanoTime(); int rows = 0;
      try (Statement st = c.createStatement()) {
        boolean rs = st.execute(s);
        if (rs) { ResultSet r = st.getResultSet(); int n = r.getMetaData().getColumnCount();
          while (r.next()) { rows++; if (rows <= 100) { StringBuilder b = new StringBuilder(); for (int i=1;i<=n;i++) b.append(i>1?" | ":"").append(r.getString(i)); System.out.println(b); } } }
        else rows = st.getUpdateCount();
      } catch (SQLException e) { System.out.println("ERR " + e.getMessage().split("\n")[0]); }
      System.out.printf("-- %.2f ms, %d rows: %s%n", (System.nanoTime()-t)/1e6, rows, s.replaceAll("\\s+"," ").substring(0, Math.min(100, s.replaceAll("\\s+"," ").length())));
    } } } }
