/**
 * Cash &amp; Miles storage: plain JDBC on the application's JTA data source, schema {@code
 * cashmiles}.
 */
package org.openmiles.cashmiles.infrastructure;
