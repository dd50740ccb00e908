/** Tiers application services: transaction boundaries over the tiers schema. */
package org.openmiles.tiers.application;
