/**
 * Tiers persistence: SQL on the {@code tiers} schema, implementing the repository interfaces of
 * {@code domain}; used by no other package of the module (ADR 0030).
 */
package org.openmiles.tiers.infrastructure;
