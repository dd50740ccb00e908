/** JDBC repositories of the console schema: users, audit log, adjustments. */
package org.openmiles.console.infrastructure;
