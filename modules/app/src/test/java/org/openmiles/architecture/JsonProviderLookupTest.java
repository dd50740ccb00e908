package org.openmiles.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Request paths of the booking-engine API and every problem document build their JSON with a {@code
 * JsonProvider} looked up once ({@code CashMilesJson.JSON}, {@code Problems}). Each static {@code
 * jakarta.json.Json} method calls {@code JsonProvider.provider()}, a service-loader search of the
 * class path that, on Payara Micro, serialized the request threads on the jar files' locks: under
 * bench/cashmiles it was most of the monitor contention and a large share of the server's CPU per
 * request.
 */
class JsonProviderLookupTest {
  static final ArchRule NO_PROVIDER_LOOKUP_PER_REQUEST =
      noClasses()
          .that()
          .resideInAnyPackage("org.openmiles.cashmiles..", "org.openmiles.common..")
          .should()
          .callMethodWhere(target(owner(type(Json.class))))
          .because(
              "Json.createXxx looks the JSON provider up on every call; use a JsonProvider kept"
                  + " in a constant (CashMilesJson.JSON, Problems)");

  @Test
  void cashMilesAndProblemsDoNotLookUpTheJsonProviderPerCall() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openmiles.cashmiles", "org.openmiles.common");
    NO_PROVIDER_LOOKUP_PER_REQUEST.check(production);
  }
}
