/** Facts the tiers module publishes: tier changes and completed reviews. */
package org.openmiles.tiers.api.events;
