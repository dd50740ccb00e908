/**
 * Storage of the redemption schema: plain JDBC on the caller's transaction, implementing the
 * repository interfaces of {@code domain}; used by no other package of the module (ADR 0030).
 */
package org.openmiles.redemption.infrastructure;
