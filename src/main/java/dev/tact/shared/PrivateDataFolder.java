package dev.tact.shared;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder of Tact's embedded database (by default {@code ./data}, beside the secret keys generated there), kept
 * private to the user running Tact on POSIX systems: the folder 0700, Tact's files in it 0600: the database's
 * ({@code tact.mv.db}, and what H2 makes beside it later: {@code .trace.db}, {@code .temp.db}, lock files) and the
 * {@code .key} files. H2 makes its files with the process's umask, and Java cannot set a umask; so the folder is
 * made private before H2 opens it (nothing inside can be opened by others then, whatever a file's bits), the files
 * there are tightened, and a watch on the folder tightens each file H2 makes later as it appears.
 *
 * <p>A folder that also holds files of others (the database put in a home or temp folder) is left as it is;
 * only Tact's files in it are tightened.
 */
final class PrivateDataFolder implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PrivateDataFolder.class);

  private final Path folder;
  private final String databaseName;
  private WatchService watcher;

  PrivateDataFolder(Path folder, String databaseName) {
    this.folder = folder.toAbsolutePath().normalize();
    this.databaseName = databaseName;
  }

  /**
   * The folder of the H2 database a JDBC URL names as a file ({@code jdbc:h2:file:./data/tact},
   * {@code jdbc:h2:./data/tact}, {@code jdbc:h2:~/tact}); empty for anything else (in memory, over the network,
   * another database).
   */
  static Optional<PrivateDataFolder> ofJdbcUrl(String url) {
    if (url == null || !url.startsWith("jdbc:h2:")) {
      return Optional.empty();
    }
    String location = url.substring("jdbc:h2:".length());
    int settings = location.indexOf(';');
    location = settings < 0 ? location : location.substring(0, settings);
    if (location.startsWith("file:")) {
      location = location.substring("file:".length());
    } else if (location.matches("^[A-Za-z]{2,}:.*")) {
      return Optional.empty(); // mem:, tcp:, ssl:, zip:, another file system
    }
    if (location.equals("~") || location.startsWith("~/")) {
      location = System.getProperty("user.home") + location.substring(1);
    }
    if (location.isBlank()) {
      return Optional.empty();
    }
    Path database = Path.of(location).toAbsolutePath().normalize();
    Path parent = database.getParent();
    return parent == null ? Optional.empty()
        : Optional.of(new PrivateDataFolder(parent, database.getFileName().toString()));
  }

  Path folder() {
    return folder;
  }

  /** Whether a file of this name in the folder is Tact's. */
  boolean isTacts(String fileName) {
    return fileName.startsWith(databaseName + ".") || fileName.endsWith(".key");
  }

  /** Makes the folder (private), or tightens it and Tact's files in it. */
  void secure() throws IOException {
    if (!PrivateFiles.supported()) {
      return;
    }
    if (!Files.isDirectory(folder)) {
      PrivateFiles.createDirectories(folder);
      log.info("Made {} for Tact's data, readable by this user only (0700).", folder);
      return;
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(folder)) {
      entries = list.toList();
    }
    List<Path> others = entries.stream().filter(p -> !isTacts(p.getFileName().toString())).toList();
    if (others.isEmpty()) {
      PrivateFiles.restrict(folder);
    } else {
      log.warn("{} holds Tact's database beside other files (such as {}): Tact's files in it are made private "
          + "(0600), the folder is left as it is. Give Tact a folder of its own.", folder, others.getFirst());
    }
    for (Path entry : entries) {
      if (isTacts(entry.getFileName().toString())) {
        tighten(entry);
      }
    }
  }

  /** Tightens each of Tact's files made in the folder from now on, until closed. */
  void watch() throws IOException {
    if (!PrivateFiles.supported() || !Files.isDirectory(folder)) {
      return;
    }
    watcher = folder.getFileSystem().newWatchService();
    folder.register(watcher, ENTRY_CREATE);
    Thread.ofPlatform().daemon().name("tact-private-data").start(this::tightenNewFiles);
  }

  private void tightenNewFiles() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        for (WatchEvent<?> event : key.pollEvents()) {
          if (event.kind() == OVERFLOW) {
            rescan();
          } else if (event.context() instanceof Path name && isTacts(name.toString())) {
            tighten(folder.resolve(name));
          }
        }
        if (!key.reset()) {
          return; // the folder is gone
        }
      }
    } catch (ClosedWatchServiceException e) {
      // closed with the application
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("Stopped keeping new files in {} private: {}", folder, e.toString());
    }
  }

  private void rescan() {
    try {
      secure();
    } catch (IOException e) {
      log.warn("Cannot make {} private to this user: {}", folder, e.toString());
    }
  }

  private static void tighten(Path file) {
    try {
      PrivateFiles.restrict(file);
    } catch (java.nio.file.NoSuchFileException e) {
      // a temporary file already gone
    } catch (IOException e) {
      log.warn("Cannot make {} private to this user: {}", file, e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
  }
}
