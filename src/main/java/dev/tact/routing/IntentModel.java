package dev.tact.routing;

import dev.tact.routing.intent.LinearClassifier;
import dev.tact.routing.intent.ModelCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A trained intent classifier: tells what a customer's text is about ({@link #predict(String)}), with a
 * probability that routing compares with a threshold. Immutable and thread-safe; one instance serves every
 * thread. Built by {@link IntentTrainer}; stored as {@link #toBytes()} and read back by {@link #fromBytes(byte[])}.
 */
public final class IntentModel {

  private static final int HEADER_VERSION = 1;

  private final LinearClassifier classifier;
  private final int topK;

  IntentModel(LinearClassifier classifier, int topK) {
    this.classifier = classifier;
    this.topK = Math.min(topK, classifier.labels().size());
  }

  /** The intents this model knows, in a fixed order. */
  public List<String> intents() {
    return classifier.labels();
  }

  /**
   * The most probable intent of the text and the {@code topK} most probable ones. Any string is accepted (null,
   * empty, huge, any script): text without known features gets the intents' base rates. Only the first
   * {@link dev.tact.routing.intent.FeatureSettings#maxChars()} characters are read.
   */
  public Prediction predict(String text) {
    double[] probabilities = classifier.probabilities(text);
    List<String> labels = classifier.labels();
    Integer[] order = new Integer[probabilities.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -probabilities[i]).thenComparingInt(i -> i));
    List<Scored> top = new ArrayList<>(topK);
    for (int i = 0; i < topK; i++) {
      top.add(new Scored(labels.get(order[i]), probabilities[order[i]]));
    }
    return new Prediction(top.get(0).intent(), top.get(0).probability(), top);
  }

  /** Every intent's probability for the text, in the order of {@link #intents()}; they sum to 1. */
  public double[] probabilities(String text) {
    return classifier.probabilities(text);
  }

  /** The model as bytes (gzip-compressed, versioned); {@link #fromBytes(byte[])} reads it back. */
  public byte[] toBytes() {
    byte[] body = ModelCodec.write(classifier);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 8);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeShort(HEADER_VERSION);
      out.writeShort(topK);
      out.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen in memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * The model in bytes written by {@link #toBytes()}; it predicts exactly as the model written.
   *
   * @throws IllegalArgumentException if the bytes are not such a model, are damaged, or have an unknown version
   */
  public static IntentModel fromBytes(byte[] bytes) {
    if (bytes == null || bytes.length < 4) {
      throw new IllegalArgumentException("not an intent model: too short");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, 4);
    int version = Short.toUnsignedInt(header.getShort());
    int topK = Short.toUnsignedInt(header.getShort());
    if (version != HEADER_VERSION || topK < 1) {
      throw new IllegalArgumentException("not an intent model of a known version (" + version + ")");
    }
    return new IntentModel(ModelCodec.read(Arrays.copyOfRange(bytes, 4, bytes.length)), topK);
  }
}
