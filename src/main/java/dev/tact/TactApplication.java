package dev.tact;

import dev.tact.archive.ArchiveCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class TactApplication {

  public static void main(String[] args) {
    if (ArchiveCommand.handles(args)) {
      // export and import run without the web server, pollers or workers
      System.exit(ArchiveCommand.run(args));
    }
    SpringApplication.run(TactApplication.class, args);
  }
}
