package dev.tact.shared;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only the user running Tact may read: 0600 and 0700 on POSIX systems (elsewhere nothing is
 * changed). For secret keys and the embedded database.
 */
public final class PrivateFiles {

  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private PrivateFiles() {}

  public static boolean supported() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Creates the folder and its missing parents, the ones made here private from the start. */
  public static Path createDirectories(Path directory) throws IOException {
    Path absolute = directory.toAbsolutePath();
    if (Files.isDirectory(absolute) || !supported()) {
      return Files.createDirectories(absolute);
    }
    Path parent = absolute.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(DIRECTORY));
    } catch (java.nio.file.FileAlreadyExistsException e) {
      // made by someone else meanwhile
    }
    restrict(absolute); // a umask may have taken bits away, never added: this is exact
    return absolute;
  }

  /** Makes a regular file 0600, or a folder 0700; symbolic links and other kinds are left alone. */
  public static void restrict(Path path) throws IOException {
    if (!supported()) {
      return;
    }
    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      set(path, FILE);
    } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      set(path, DIRECTORY);
    }
  }

  private static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
    if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(permissions)) {
      Files.setPosixFilePermissions(path, permissions);
    }
  }
}
