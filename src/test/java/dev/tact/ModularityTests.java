package dev.tact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fixture.boundaries.FixtureApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.test.TestApplicationModules;

class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(TactApplication.class);
  static final Path DOCS = Path.of("docs", "modules");

  @Test
  void shouldKeepModuleBoundaries() {
    MODULES.verify(); // fails on cycles, on access to another module's internals, on undeclared dependencies
  }

  @Test
  void shouldRejectADependencyAModuleDoesNotDeclare() {
    ApplicationModules fixture = TestApplicationModules.of(FixtureApplication.class);

    assertThatThrownBy(fixture::verify).isInstanceOf(Violations.class)
        .hasMessageContaining("orders").hasMessageContaining("billing");
  }

  @Test
  void shouldWriteModuleDocumentationIntoDocs() throws IOException {
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
        .writeModulesAsPlantUml()
        .writeIndividualModulesAsPlantUml()
        .writeModuleCanvases();
    StableDocs.sortListsIn(DOCS);

    String components = Files.readString(DOCS.resolve("components.puml"));
    for (ApplicationModule module : MODULES) {
      String name = module.getIdentifier().toString();
      assertThat(components).as("the component diagram names %s", name).contains(module.getDisplayName());
      assertThat(DOCS.resolve("module-" + name + ".puml")).as("diagram of %s", name).isNotEmptyFile();
      assertThat(Files.readString(DOCS.resolve("module-" + name + ".adoc"))).as("canvas of %s", name)
          .contains(module.getBasePackage().getName());
    }
  }
}
