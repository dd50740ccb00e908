package org.openmiles.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoModeTest {
  private static final String DEV_JWKS =
      "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"openmiles-dev-0011223344556677\",\"n\":\"x\",\"e\":\"AQAB\"}]}";

  @Test
  void inDemoModeEverythingDemoIsAllowed() {
    assertThat(
            DemoMode.refusals(
                true,
                1000,
                true,
                Optional.of("file:/x/.openmiles/jwt/jwks.json"),
                Optional.of(DEV_JWKS)))
        .isEmpty();
  }

  @Test
  void outsideDemoModeDemoMembersUsersAndDevelopmentKeysAreRefused(@TempDir Path dir)
      throws Exception {
    Path jwks = Files.writeString(dir.resolve("keys.json"), DEV_JWKS);
    assertThat(
            DemoMode.refusals(
                false, 10, true, Optional.of(jwks.toUri().toString()), Optional.empty()))
        .hasSize(3)
        .anySatisfy(r -> assertThat(r).contains("openmiles.demo.members is 10"))
        .anySatisfy(r -> assertThat(r).contains("demo-users"))
        .anySatisfy(r -> assertThat(r).contains("development key"));
    assertThat(DemoMode.refusals(false, 0, false, Optional.empty(), Optional.of(DEV_JWKS)))
        .singleElement()
        .asString()
        .contains("mp.jwt.verify.publickey is a development key");
    assertThat(
            DemoMode.refusals(
                false,
                0,
                false,
                Optional.of("file:/srv/.openmiles/jwt/public.pem"),
                Optional.empty()))
        .hasSize(1);
  }

  @Test
  void anIdentityProvidersKeySetIsAccepted(@TempDir Path dir) throws Exception {
    Path jwks =
        Files.writeString(
            dir.resolve("idp.json"),
            "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a1b2\",\"n\":\"x\",\"e\":\"AQAB\"}]}");
    assertThat(
            DemoMode.refusals(
                false, 0, false, Optional.of(jwks.toUri().toString()), Optional.empty()))
        .isEmpty();
    assertThat(
            DemoMode.refusals(
                false,
                0,
                false,
                Optional.of("https://idp.example/realms/openmiles/protocol/openid-connect/certs"),
                Optional.empty()))
        .isEmpty();
  }
}
