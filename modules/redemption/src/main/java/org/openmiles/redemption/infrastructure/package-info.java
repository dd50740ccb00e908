/** Storage of the redemption schema: plain JDBC on the caller's transaction. */
package org.openmiles.redemption.infrastructure;
