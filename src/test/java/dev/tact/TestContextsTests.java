package dev.tact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The Spring test contexts the suite starts, worked out from every test class's configuration the way Spring's
 * context cache keys them (nothing is started): printed as a census, and checked for contexts that differ only by
 * the name of their in-memory H2 database, which could be one context (docs/notes-suite.md, "Picking a context").
 */
class TestContextsTests {

  static Map<MergedContextConfiguration, Set<String>> contexts;

  @BeforeAll
  static void census() throws Exception {
    contexts = new LinkedHashMap<>();
    for (Class<?> testClass : springTestClasses()) {
      MergedContextConfiguration config = BootstrapUtils.resolveTestContextBootstrapper(testClass)
          .buildMergedContextConfiguration();
      contexts.computeIfAbsent(config, c -> new TreeSet<>()).add(testClass.getSimpleName());
    }
    System.out.printf("TEST-CONTEXTS %d Spring test classes, %d distinct contexts (besides one per "
        + "@ApplicationModuleTest class)%n",
        contexts.values().stream().mapToInt(Set::size).sum(), contexts.size());
    contexts.values().stream().sorted((a, b) -> b.size() - a.size())
        .forEach(classes -> System.out.printf("  %2d %s%n", classes.size(), String.join(", ", classes)));
  }

  @Test
  void shouldFindTheSpringTestsOfTheSuite() {
    assertThat(contexts.values().stream().flatMap(Set::stream))
        .contains("ApiOnH2IntegrationTests", "ApiOnPostgresIntegrationTests", "AgentUiBrowserTests")
        .doesNotContain("TestContextsTests", "TactApiContract", "BrowserPageTest");
  }

  @Test
  void shouldNotStartTwoContextsThatDifferOnlyByTheNameOfTheirH2Database() {
    Map<Shape, List<Set<String>>> byShape = contexts.entrySet().stream().collect(Collectors.groupingBy(
        e -> Shape.of(e.getKey()), LinkedHashMap::new, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    List<String> mergeable = byShape.values().stream().filter(groups -> groups.size() > 1)
        .map(groups -> groups.stream().map(Object::toString).collect(Collectors.joining(" and ")))
        .toList();
    assertThat(mergeable).as("contexts that would be one if their test classes named the same H2 database")
        .isEmpty();
  }

  /** A context's configuration with the H2 database's name left out. */
  record Shape(Class<?> kind, List<Class<?>> classes, Set<?> initializers, List<String> profiles,
      List<?> propertySources, List<String> properties, Set<ContextCustomizer> customizers, Class<?> loader,
      Object parent) {

    static Shape of(MergedContextConfiguration config) {
      List<String> properties = Arrays.stream(config.getPropertySourceProperties())
          .map(p -> p.replaceAll("jdbc:h2:mem:[^;]*", "jdbc:h2:mem:*")).toList();
      return new Shape(config.getClass(), List.of(config.getClasses()), config.getContextInitializerClasses(),
          List.of(config.getActiveProfiles()), config.getPropertySourceDescriptors(), properties,
          config.getContextCustomizers(), config.getContextLoader().getClass(), config.getParent());
    }
  }

  static List<Class<?>> springTestClasses() throws IOException, URISyntaxException {
    Path root = Path.of(TestContextsTests.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.map(f -> root.relativize(f).toString())
          .filter(name -> name.endsWith("Tests.class") && !name.contains("$"))
          .<Class<?>>map(name -> load(name.substring(0, name.length() - ".class".length()).replace('/', '.')))
          .filter(c -> !Modifier.isAbstract(c.getModifiers()) && c != TestContextsTests.class)
          .filter(c -> MergedAnnotations.from(c, SearchStrategy.TYPE_HIERARCHY).isPresent(BootstrapWith.class))
          // a context per module by design; working out their configuration means importing all classes (ArchUnit)
          .filter(c -> !MergedAnnotations.from(c, SearchStrategy.TYPE_HIERARCHY).isPresent(ApplicationModuleTest.class))
          .sorted((a, b) -> a.getName().compareTo(b.getName()))
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, TestContextsTests.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(name, e);
    }
  }
}
