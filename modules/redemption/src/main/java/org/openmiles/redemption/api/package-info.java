/** Published API of the redemption module: service interfaces, command and view records, events. */
package org.openmiles.redemption.api;
