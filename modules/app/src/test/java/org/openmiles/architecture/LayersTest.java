package org.openmiles.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The layers inside a module (docs/architecture.md, "Packages inside a module"): {@code domain} is
 * the business rules and depends on no other layer of any module, nor on the web or the database
 * API; {@code web} adapters (REST resources, console beans) reach storage only through their
 * module's {@code application} services; {@code application} reaches storage only through
 * repository interfaces in {@code domain}, which {@code infrastructure} implements (ADR 0030).
 * Checked on every module's compiled classes.
 */
class LayersTest {
  private static final JavaClasses PRODUCTION = ModularityTest.PRODUCTION;

  static final ArchRule DOMAIN_DEPENDS_ON_NO_OTHER_LAYER =
      noClasses()
          .that()
          .resideInAPackage("org.openmiles.*.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.openmiles.*.application..",
              "org.openmiles.*.infrastructure..",
              "org.openmiles.*.web..",
              "jakarta.ws.rs..",
              "jakarta.servlet..",
              "jakarta.faces..",
              "java.sql..",
              "javax.sql..")
          .because("the business rules are tested and changed without a container or a database");

  static final ArchRule WEB_REACHES_STORAGE_ONLY_THROUGH_SERVICES =
      noClasses()
          .that()
          .resideInAPackage("org.openmiles.*.web..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.openmiles.*.infrastructure..")
          .because(
              "an adapter holds no application logic: transactions and checks are the service's");

  /** The business modules whose layers {@link #layersOf} checks (ADR 0030). */
  static final List<String> MODULES =
      List.of(
          "accounts",
          "accrual",
          "cashmiles",
          "tiers",
          "redemption",
          "console",
          "retention",
          "program");

  /**
   * web (with the console's security adapters) → application → domain ← infrastructure, inside one
   * module; {@code api} and {@code common} are open to every layer and are not listed.
   */
  static ArchRule layersOf(String module) {
    String base = "org.openmiles." + module;
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("web")
        .definedBy(base + ".web..", base + ".security..")
        .layer("application")
        .definedBy(base + ".application..")
        .layer("domain")
        .definedBy(base + ".domain..")
        .layer("infrastructure")
        .definedBy(base + ".infrastructure..")
        .whereLayer("web")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("application")
        .mayOnlyBeAccessedByLayers("web")
        .whereLayer("infrastructure")
        .mayNotBeAccessedByAnyLayer()
        .withOptionalLayers(true)
        .because("services see storage through domain interfaces only (ADR 0030)");
  }

  @Test
  void eachModuleKeepsItsLayers() {
    for (String module : MODULES) {
      layersOf(module).check(PRODUCTION);
    }
  }

  @Test
  void theDomainDependsOnNoOtherLayer() {
    assertThat(PRODUCTION.stream().map(c -> c.getPackageName()).distinct())
        .as("the import sees the domain packages")
        .contains("org.openmiles.accounts.domain", "org.openmiles.accrual.domain");
    DOMAIN_DEPENDS_ON_NO_OTHER_LAYER.check(PRODUCTION);
  }

  @Test
  void webAdaptersReachStorageOnlyThroughServices() {
    WEB_REACHES_STORAGE_ONLY_THROUGH_SERVICES.check(PRODUCTION);
  }

  @Test
  void theRulesCatchALeakyDomainAShortcutAdapterAndAWiredService() {
    JavaClasses planted =
        new ClassFileImporter()
            .importClasses(
                org.openmiles.fixturec.domain.Leaky.class,
                org.openmiles.fixturec.web.Shortcut.class,
                org.openmiles.fixturec.application.Wired.class,
                org.openmiles.fixturec.infrastructure.Storage.class);
    assertThat(DOMAIN_DEPENDS_ON_NO_OTHER_LAYER.evaluate(planted).hasViolation()).isTrue();
    assertThat(WEB_REACHES_STORAGE_ONLY_THROUGH_SERVICES.evaluate(planted).hasViolation()).isTrue();
    assertThat(layersOf("fixturec").evaluate(planted).getFailureReport().getDetails())
        .as("the service using its JDBC class and the adapter skipping its service")
        .anyMatch(line -> line.contains("fixturec.application.Wired"))
        .anyMatch(line -> line.contains("fixturec.web.Shortcut"));
  }
}
