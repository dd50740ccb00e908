/** A thin helper for the modules' plain-JDBC repositories. */
package org.openmiles.common.jdbc;
