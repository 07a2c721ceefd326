package dev.tact.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * How {@link TactProcess} starts a JVM (JDK 25): the test classpath with its class folders packed as jars under
 * {@code target/tact-process/} (the JDK's AOT cache takes classes from jars only), Serial GC (a short-lived JVM on
 * two shared cores), and an AOT cache of Tact's start (JEP 483/514) in that folder. While there is no cache, the
 * next JVM started records one; it is written when that JVM exits normally ({@link TactProcess#close}), and every
 * later start of the build uses it. A recording JVM killed with SIGKILL writes nothing and hands the recording on to
 * the next start. With no cache (a fresh clone's first start, or one the JDK rejects) a JVM starts as without one.
 * The folder is shared by the test JVMs of a build: a file lock orders them. The cache is used only with
 * {@code -Dtact.test.child-aot=true}; without it a child starts on the test class path as it is, with Serial GC and
 * the client compiler only ({@code TieredStopAtLevel=1}): a child lives for one start and a short burst, and the
 * server compiler's work on its start cost about as much CPU again as the start itself (docs/notes-suite15c.md).
 */
final class ChildJvm {

  private static final Path FOLDER = Path.of("target", "tact-process");
  /** A recording older than this is taken to belong to a build or test JVM that ended without finishing it. */
  private static final Duration ABANDONED = Duration.ofMinutes(20);

  /** The JVM options of one start; {@code recording} is the cache it writes at its exit, or null. */
  record Launch(List<String> options, Path recording, Path output) {

    /** Keeps what the JVM wrote at its (normal) exit as the cache. */
    void keep() throws IOException {
      if (recording != null) {
        if (Files.exists(output)) {
          Files.move(output, recording, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.deleteIfExists(claim(recording));
      }
    }

    /** The recording JVM did not exit normally: another start may record. */
    void abandon() throws IOException {
      if (recording != null) {
        Files.deleteIfExists(output);
        Files.deleteIfExists(output.resolveSibling(output.getFileName() + ".config")); // the JDK's, made at start
        Files.deleteIfExists(claim(recording));
      }
    }
  }

  private ChildJvm() {}

  static synchronized Launch next() {
    try {
      Files.createDirectories(FOLDER);
      try (FileChannel channel = FileChannel.open(FOLDER.resolve("lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
        return launch();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Launch launch() throws IOException {
    if (!Boolean.getBoolean("tact.test.child-aot")) {
      // opt-in: on a quiet machine the recording's one-time cost outweighed its gain (docs/notes-suite15.md)
      return new Launch(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
          System.getProperty("java.class.path")), null, null);
    }
    List<String> classpath = new ArrayList<>();
    boolean repacked = false;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.isDirectory(path)) {
        Path jar = FOLDER.resolve(path.getFileName() + ".jar").toAbsolutePath();
        repacked |= packIfStale(path, jar);
        classpath.add(jar.toString());
      } else {
        classpath.add(entry);
      }
    }
    String joined = String.join(java.io.File.pathSeparator, classpath);
    if (repacked) {
      try (Stream<Path> old = Files.list(FOLDER)) {
        for (Path file : old.filter(f -> f.getFileName().toString().startsWith("tact-")).toList()) {
          Files.deleteIfExists(file); // caches and recordings of classes that are no more
        }
      }
    }
    Path cache = FOLDER.resolve("tact-" + Integer.toHexString(joined.hashCode()) + ".aot").toAbsolutePath();
    List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-cp", joined));
    if (Files.exists(cache)) {
      options.add("-XX:AOTCache=" + cache);
      return new Launch(options, null, null);
    }
    if (!claimRecording(cache)) {
      return new Launch(options, null, null);
    }
    Path output = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    options.add("-XX:AOTCacheOutput=" + output);
    return new Launch(options, cache, output);
  }

  private static boolean claimRecording(Path cache) throws IOException {
    Path claim = claim(cache);
    try {
      Files.createFile(claim);
      return true;
    } catch (FileAlreadyExistsException e) {
      if (Files.getLastModifiedTime(claim).toInstant().isBefore(Instant.now().minus(ABANDONED))) {
        Files.setLastModifiedTime(claim, FileTime.from(Instant.now()));
        return true;
      }
      return false;
    }
  }

  private static Path claim(Path cache) {
    return cache.resolveSibling(cache.getFileName() + ".recording");
  }

  /** Packs a class folder as a jar unless the jar is newer than everything in it; answers whether it packed. */
  private static boolean packIfStale(Path folder, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(f -> !f.equals(folder)).sorted().toList();
    }
    if (Files.exists(jar)) {
      FileTime packed = Files.getLastModifiedTime(jar);
      boolean stale = false;
      for (Path file : files) {
        stale |= Files.getLastModifiedTime(file).compareTo(packed) > 0;
      }
      if (!stale) {
        return false;
      }
    }
    Path written = jar.resolveSibling(jar.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    try (OutputStream out = Files.newOutputStream(written); JarOutputStream zip = new JarOutputStream(out)) {
      zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
      for (Path file : files) { // folders too: Spring's class path scanning finds a package by its folder entry
        String name = folder.relativize(file).toString().replace('\\', '/');
        boolean isFolder = Files.isDirectory(file);
        zip.putNextEntry(new JarEntry(isFolder ? name + "/" : name));
        if (!isFolder) {
          Files.copy(file, zip);
        }
        zip.closeEntry();
      }
    }
    Files.move(written, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return true;
  }
}
