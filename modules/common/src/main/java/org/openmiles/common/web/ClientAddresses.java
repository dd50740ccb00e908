package org.openmiles.common.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address of the client a request came from, for the login throttle and the audit trail.
 *
 * <p>Behind the edge (HAProxy, ADR 0029) every request comes from the edge's own address; the edge
 * writes the client's address in {@code X-Forwarded-For}, after dropping whatever the client sent
 * there. That header is believed only when the request comes straight from a trusted proxy ({@code
 * openmiles.http.trusted-proxies}: addresses or CIDR blocks such as {@code 172.16.0.0/12},
 * separated by commas, none by default): a client that reaches an instance directly cannot choose
 * the address it is counted under.
 */
@ApplicationScoped
public class ClientAddresses {
  static final String FORWARDED_FOR = "X-Forwarded-For";

  // a String split here: Payara's config producer cannot inject Optional<List<String>>
  @Inject
  @ConfigProperty(name = "openmiles.http.trusted-proxies")
  Optional<String> proxies;

  private Set<String> trustedProxies = Set.of();

  @PostConstruct
  void readTrustedProxies() {
    trustedProxies =
        proxies.stream()
            .flatMap(p -> java.util.Arrays.stream(p.split(",")))
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
    trustedProxies.forEach(ClientAddresses::checkTrustedProxy);
  }

  /** The client's address: the edge's word for it when the edge sent the request. */
  public String of(HttpServletRequest request) {
    return resolve(
        request.getRemoteAddr(),
        Collections.list(request.getHeaders(FORWARDED_FOR)),
        trustedProxies);
  }

  /**
   * {@code peer} itself, unless it is a trusted proxy: then the last address of the forwarded-for
   * values (the one the proxy added), or {@code peer} when it sent none.
   */
  static String resolve(String peer, List<String> forwardedFor, Set<String> trustedProxies) {
    if (forwardedFor.isEmpty() || trustedProxies.stream().noneMatch(p -> matches(p, peer))) {
      return peer;
    }
    String last = forwardedFor.get(forwardedFor.size() - 1);
    String address = last.substring(last.lastIndexOf(',') + 1).strip();
    return address.isEmpty() || !plausible(address) ? peer : address;
  }

  /** An IPv4 or IPv6 literal as HAProxy writes it: digits, hex letters, dots and colons only. */
  private static boolean plausible(String address) {
    if (address.length() > 45) {
      return false;
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'f')
              || (c >= 'A' && c <= 'F')
              || c == '.'
              || c == ':';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code address} is {@code proxy}, or inside it when it is a CIDR block. */
  static boolean matches(String proxy, String address) {
    int slash = proxy.indexOf('/');
    if (slash < 0) {
      return proxy.equals(address);
    }
    byte[] block = literal(proxy.substring(0, slash));
    byte[] candidate = literal(address);
    if (block == null || candidate == null || block.length != candidate.length) {
      return false;
    }
    int bits = Integer.parseInt(proxy.substring(slash + 1));
    for (int i = 0; i < block.length && bits > 0; i++, bits -= 8) {
      int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
      if ((block[i] & mask) != (candidate[i] & mask)) {
        return false;
      }
    }
    return true;
  }

  /** The bytes of an IP literal, never a name lookup; null if it is none. */
  private static byte[] literal(String address) {
    if (!plausible(address) || address.isEmpty()) {
      return null;
    }
    try {
      return java.net.InetAddress.getByName(address).getAddress();
    } catch (java.net.UnknownHostException e) {
      return null;
    }
  }

  /** Refuses at start a setting that is neither an address nor a CIDR block. */
  static void checkTrustedProxy(String proxy) {
    int slash = proxy.indexOf('/');
    String address = slash < 0 ? proxy : proxy.substring(0, slash);
    byte[] bytes = literal(address);
    boolean ok = bytes != null;
    if (ok && slash >= 0) {
      String bits = proxy.substring(slash + 1);
      ok = bits.matches("[0-9]{1,3}") && Integer.parseInt(bits) <= bytes.length * 8;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "openmiles.http.trusted-proxies: '"
              + proxy
              + "' is neither an IP address nor a CIDR block such as 172.16.0.0/12");
    }
  }
}
