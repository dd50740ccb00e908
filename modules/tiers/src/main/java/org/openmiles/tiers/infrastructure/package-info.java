/** Tiers persistence: SQL on the {@code tiers} schema. */
package org.openmiles.tiers.infrastructure;
