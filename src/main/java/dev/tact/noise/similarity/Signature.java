package dev.tact.noise.similarity;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** INTERIM: replaced by noise-core's signature at merge. */
public final class Signature {

  private final int[] mins;

  Signature(int[] mins) {
    this.mins = mins;
  }

  public boolean isEmpty() {
    return mins.length == 0;
  }

  public double similarity(Signature other) {
    if (isEmpty() || other.isEmpty() || mins.length != other.mins.length) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < mins.length; i++) {
      if (mins[i] == other.mins[i]) {
        same++;
      }
    }
    return (double) same / mins.length;
  }

  public byte[] toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(mins.length * 4);
    for (int min : mins) {
      buffer.putInt(min);
    }
    return buffer.array();
  }

  public static Signature fromBytes(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int[] mins = new int[bytes.length / 4];
    for (int i = 0; i < mins.length; i++) {
      mins[i] = buffer.getInt();
    }
    return new Signature(mins);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature s && Arrays.equals(mins, s.mins);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mins);
  }
}
