package dev.tact.intake;

import dev.tact.testsupport.TactNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.io.TempDir;

/** On an H2 file; AUTO_SERVER lets the test read it while the Tact process holds it. */
class IntakeKillOnH2IntegrationTests extends IntakeKillContract {

  @TempDir
  Path folder;

  @Override
  String database() {
    return TactNode.h2File(folder) + ";AUTO_SERVER=TRUE";
  }

  @Override
  Connection connect(String url) throws Exception {
    return DriverManager.getConnection(url, "sa", ""); // Tact's own user on its embedded database
  }
}
