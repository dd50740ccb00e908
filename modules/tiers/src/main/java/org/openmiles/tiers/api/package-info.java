/** Published API of the tiers module: service interfaces, command and view records, events. */
package org.openmiles.tiers.api;
