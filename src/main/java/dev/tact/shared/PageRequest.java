package dev.tact.shared;

/** A page to fetch: the number from 0 and the size, bounded so no caller can ask for everything. */
public record PageRequest(int page, int size) {

  public static final int MAX_SIZE = 100;

  public PageRequest {
    if (page < 0) {
      throw ProblemException.invalid("invalid-page", "page must be 0 or more, was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ProblemException.invalid("invalid-page-size", "size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
  }

  public long offset() {
    return (long) page * size;
  }
}
