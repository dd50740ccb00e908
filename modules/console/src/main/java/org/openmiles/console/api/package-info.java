/** Published API of the console module: service interfaces, command and view records, events. */
package org.openmiles.console.api;
