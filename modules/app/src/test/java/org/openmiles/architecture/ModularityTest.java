package org.openmiles.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of DESIGN.md §2, checked on the compiled classes of every module: a class
 * of module A may use module B only through B's {@code api} package (the shared kernel {@code
 * common} excepted), and an {@code api} package never leaks its own module's internals.
 */
class ModularityTest {
  private static final String BASE = "org.openmiles.";

  /** Every production class under {@code org.openmiles}, imported once for the rules here. */
  static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.openmiles");

  static final ArchRule ONLY_API_CROSSES_MODULES =
      classes()
          .that()
          .resideInAPackage("org.openmiles..")
          .should(useOtherModulesOnlyThroughTheirApi())
          .because("modules talk only through published api packages (DESIGN.md §2)");

  static final ArchRule API_DOES_NOT_LEAK_INTERNALS =
      classes()
          .that()
          .resideInAPackage("org.openmiles.*.api..")
          .should(dependOnlyOnApiOrCommon())
          .because("an api package is what other modules compile against");

  @Test
  void everyModuleUsesOtherModulesOnlyThroughTheirApi() {
    assertThat(PRODUCTION.stream().map(JavaClass::getPackageName).distinct())
        .as("the import sees every module")
        .contains(
            "org.openmiles.accounts.api",
            "org.openmiles.accounts.application",
            "org.openmiles.app");
    ONLY_API_CROSSES_MODULES.check(PRODUCTION);
  }

  @Test
  void apiPackagesDoNotLeakTheirModulesInternals() {
    API_DOES_NOT_LEAK_INTERNALS.check(PRODUCTION);
  }

  @Test
  void theRuleCatchesAModuleReachingIntoAnothersInternals() {
    JavaClasses offending =
        new ClassFileImporter()
            .importClasses(
                org.openmiles.fixtureb.ReachesIn.class,
                org.openmiles.fixturea.internal.Hidden.class);
    EvaluationResult result = ONLY_API_CROSSES_MODULES.evaluate(offending);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("ReachesIn").contains("fixturea.internal.Hidden"));
  }

  static Optional<String> moduleOf(String className) {
    if (!className.startsWith(BASE)) {
      return Optional.empty();
    }
    String rest = className.substring(BASE.length());
    int dot = rest.indexOf('.');
    return Optional.of(dot < 0 ? "" : rest.substring(0, dot));
  }

  private static boolean isApi(String className, String module) {
    return className.startsWith(BASE + module + ".api.");
  }

  private static ArchCondition<JavaClass> useOtherModulesOnlyThroughTheirApi() {
    return new ArchCondition<>("use other modules only through their api") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        String own = moduleOf(item.getName()).orElse("");
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          String target = d.getTargetClass().getName();
          Optional<String> module = moduleOf(target);
          if (module.isEmpty() || module.get().equals(own) || module.get().equals("common")) {
            continue;
          }
          if (!isApi(target, module.get())) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> dependOnlyOnApiOrCommon() {
    return new ArchCondition<>("depend only on api packages or common") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (Dependency d : item.getDirectDependenciesFromSelf()) {
          String target = d.getTargetClass().getName();
          Optional<String> module = moduleOf(target);
          if (module.isPresent()
              && !module.get().equals("common")
              && !isApi(target, module.get())) {
            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
          }
        }
      }
    };
  }
}
