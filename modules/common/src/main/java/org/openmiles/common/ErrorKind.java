package org.openmiles.common;

/**
 * What kind of refusal a business exception is. Adapters translate it: REST to an HTTP status,
 * Camel routes to a reject reason, the console to a message. Modules never speak HTTP.
 */
public enum ErrorKind {
  /** The input is malformed or breaks a field rule. */
  INVALID_INPUT,
  /** The thing named does not exist. */
  NOT_FOUND,
  /** The request clashes with the current state (already resolved, duplicate reference). */
  CONFLICT,
  /** Well-formed, but a business rule refuses it (not enough miles, member not active). */
  BUSINESS_RULE
}
