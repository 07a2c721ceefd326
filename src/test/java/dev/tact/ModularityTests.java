package dev.tact;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(TactApplication.class);

  @Test
  void shouldKeepModuleBoundaries() {
    MODULES.verify(); // fails on cycles and on access to another module's internals
  }

  @Test
  void shouldWriteModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
