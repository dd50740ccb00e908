/** Change requests and their steps in the {@code program} schema, by JDBC. */
package org.openmiles.program.infrastructure;
