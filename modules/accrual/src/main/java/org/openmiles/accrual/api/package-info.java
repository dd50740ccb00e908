/** Published API of the accrual module: service interfaces, command and view records, events. */
package org.openmiles.accrual.api;
