package dev.tact.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Tact's production classes as ArchUnit reads them, imported once per test JVM for every architecture test that checks
 * rules across modules (an import of the whole code base costs several seconds of CPU).
 */
public final class TactClasses {

  private TactClasses() {}

  public static JavaClasses all() {
    return Holder.CLASSES;
  }

  private static final class Holder {
    static final JavaClasses CLASSES = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.tact");
  }
}
