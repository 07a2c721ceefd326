package dev.tact.routing.intent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The binary form of a {@link LinearClassifier}: gzip (whose CRC-32 catches damage) around a big-endian record of
 * magic {@code TINT}, format version, feature settings, labels (modified UTF-8), the vocabulary's buckets with
 * their IDF, the biases and the weights as 32-bit floats. A model read back predicts exactly as the one written.
 */
public final class ModelCodec {

  /** Format version written; readers accept only versions they know. */
  public static final int VERSION = 1;

  private static final int MAGIC = 0x54494E54;
  private static final int MAX_LABELS = 100_000;
  private static final int MAX_CELLS = 1 << 28;

  private ModelCodec() {
  }

  /** The model as bytes. */
  public static byte[] write(LinearClassifier model) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(new GZIPOutputStream(bytes, 1 << 16), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeShort(VERSION);
      FeatureSettings settings = model.featureSettings();
      out.writeByte(settings.hashBits());
      out.writeBoolean(settings.wordBigrams());
      out.writeByte(settings.charMin());
      out.writeByte(settings.charMax());
      out.writeInt(settings.maxChars());
      out.writeInt(model.labels().size());
      for (String label : model.labels()) {
        out.writeUTF(label);
      }
      Vectoriser vectoriser = model.vectoriser();
      int[] buckets = vectoriser.vocabulary().buckets();
      out.writeInt(buckets.length);
      for (int bucket : buckets) {
        out.writeInt(bucket);
      }
      for (float idf : vectoriser.idf()) {
        out.writeFloat(idf);
      }
      for (float bias : model.bias()) {
        out.writeFloat(bias);
      }
      for (float weight : model.weights()) {
        out.writeFloat(weight);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen in memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The model in the bytes.
   *
   * @throws IllegalArgumentException if the bytes are not a model of a known version, or are damaged
   */
  public static LinearClassifier read(byte[] bytes) {
    if (bytes == null) {
      throw new IllegalArgumentException("no bytes");
    }
    try (DataInputStream in = new DataInputStream(
        new BufferedInputStream(new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16), 1 << 16))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not an intent model");
      }
      int version = in.readUnsignedShort();
      if (version != VERSION) {
        throw new IllegalArgumentException("intent model format " + version + " is not known (this reads "
            + VERSION + ")");
      }
      FeatureSettings settings = new FeatureSettings(in.readUnsignedByte(), in.readBoolean(), in.readUnsignedByte(),
          in.readUnsignedByte(), in.readInt());
      int labelCount = in.readInt();
      check(labelCount > 0 && labelCount <= MAX_LABELS, "label count " + labelCount);
      List<String> labels = new ArrayList<>(labelCount);
      for (int i = 0; i < labelCount; i++) {
        labels.add(in.readUTF());
      }
      int columns = in.readInt();
      check(columns >= 0 && (long) columns * labelCount <= MAX_CELLS, "column count " + columns);
      int[] buckets = new int[columns];
      for (int i = 0; i < columns; i++) {
        buckets[i] = in.readInt();
        check(buckets[i] >= 0 && buckets[i] < 1 << settings.hashBits() && (i == 0 || buckets[i] > buckets[i - 1]),
            "bucket " + buckets[i]);
      }
      float[] idf = floats(in, columns);
      float[] bias = floats(in, labelCount);
      float[] weights = floats(in, columns * labelCount);
      check(in.read() == -1, "trailing bytes");
      Vectoriser vectoriser = new Vectoriser(new FeatureHasher(settings), new Vocabulary(buckets), idf);
      return new LinearClassifier(labels, vectoriser, weights, bias);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readable intent model: " + e.getMessage(), e);
    }
  }

  private static float[] floats(DataInputStream in, int count) throws IOException {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = in.readFloat();
      check(Float.isFinite(values[i]), "a weight is not finite");
    }
    return values;
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalArgumentException("damaged intent model: " + what);
    }
  }
}
