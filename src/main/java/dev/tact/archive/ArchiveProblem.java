package dev.tact.archive;

/** Why an export or import was refused or stopped, in words meant for the person who ran it. */
public class ArchiveProblem extends RuntimeException {

  public ArchiveProblem(String message) {
    super(message);
  }

  public ArchiveProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
