package dev.tact.mail.mime;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The defects of one parse: duplicates are dropped and the list is capped, so that a hostile message cannot make
 * it grow without bound; the cap itself is recorded.
 */
public final class DefectList extends AbstractList<String> {

  private static final int MAX = 64;

  private final Set<String> defects = new LinkedHashSet<>();
  private int dropped;

  @Override
  public boolean add(String defect) {
    if (defects.contains(defect)) {
      return false;
    }
    if (defects.size() >= MAX) {
      dropped++;
      return false;
    }
    return defects.add(defect);
  }

  @Override
  public String get(int index) {
    return new ArrayList<>(defects).get(index);
  }

  @Override
  public int size() {
    return defects.size();
  }

  /** The defects in order, with a last line telling how many more were left out. */
  public List<String> snapshot() {
    List<String> result = new ArrayList<>(defects);
    if (dropped > 0) {
      result.add(dropped + " more defects not listed");
    }
    return result;
  }
}
