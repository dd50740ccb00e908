/** Published API of the cashmiles module: service interfaces, command and view records, events. */
package org.openmiles.cashmiles.api;
