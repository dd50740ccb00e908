package org.openmiles.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientAddressesTest {
  private static final Set<String> EDGE = Set.of("127.0.0.1", "10.0.0.5");

  @ParameterizedTest(name = "from {0} with X-Forwarded-For [{1}]: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the edge's word is taken
        "127.0.0.1 | 203.0.113.7 | 203.0.113.7",
        "10.0.0.5 | 2001:db8::1 | 2001:db8::1",
        // several values: the last one, the edge's own
        "127.0.0.1 | 6.6.6.6, 203.0.113.7 | 203.0.113.7",
        // no header from the edge: the edge itself
        "127.0.0.1 | | 127.0.0.1",
        // straight from a client: the header is the client's claim and is ignored
        "198.51.100.9 | 203.0.113.7 | 198.51.100.9",
        // nonsense from the edge is not taken as an address
        "127.0.0.1 | <script> | 127.0.0.1",
        "127.0.0.1 | 203.0.113.7, | 127.0.0.1",
      })
  void theEdgesWordIsTakenOnlyFromTheEdge(String peer, String header, String expected) {
    List<String> values = header == null ? List.of() : List.of(header);
    assertThat(ClientAddresses.resolve(peer, values, EDGE)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "X-Forwarded-For [{0}] with no trusted proxy")
  @CsvSource({"203.0.113.7", "127.0.0.1"})
  void withNoTrustedProxyTheHeaderIsNeverBelieved(String header) {
    assertThat(ClientAddresses.resolve("127.0.0.1", List.of(header), Set.of()))
        .isEqualTo("127.0.0.1");
  }

  @org.junit.jupiter.api.Test
  void theLastOfSeveralHeaderLinesIsTheEdges() {
    assertThat(ClientAddresses.resolve("127.0.0.1", List.of("6.6.6.6", "203.0.113.7"), EDGE))
        .isEqualTo("203.0.113.7");
  }

  @ParameterizedTest(name = "{1} in {0}: {2}")
  @CsvSource({
    "172.16.0.0/12, 172.18.0.5, true",
    "172.16.0.0/12, 172.32.0.1, false",
    "10.0.0.0/8, 10.255.255.255, true",
    "10.0.0.0/8, 11.0.0.0, false",
    "192.168.1.7/32, 192.168.1.7, true",
    "192.168.1.7/32, 192.168.1.8, false",
    "0.0.0.0/0, 203.0.113.7, true",
    "fd00::/8, fd12:3456::1, true",
    "fd00::/8, 2001:db8::1, false",
    "10.0.0.0/8, 2001:db8::1, false",
    "127.0.0.1, 127.0.0.1, true",
    "127.0.0.1, 127.0.0.2, false",
  })
  void aTrustedProxyIsAnAddressOrABlock(String proxy, String address, boolean inside) {
    assertThat(ClientAddresses.matches(proxy, address)).isEqualTo(inside);
  }

  @org.junit.jupiter.api.Test
  void aBlockOfProxiesIsBelieved() {
    assertThat(
            ClientAddresses.resolve("172.18.0.3", List.of("203.0.113.7"), Set.of("172.16.0.0/12")))
        .isEqualTo("203.0.113.7");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"edge.example.org", "10.0.0.0/33", "10.0.0.0/x", "not an address", "::1/129"})
  void aSettingThatIsNoAddressIsRefusedAtStart(String proxy) {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ClientAddresses.checkTrustedProxy(proxy))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trusted-proxies");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"127.0.0.1", "172.16.0.0/12", "::1", "fd00::/8"})
  void addressesAndBlocksAreAccepted(String proxy) {
    ClientAddresses.checkTrustedProxy(proxy);
  }
}
