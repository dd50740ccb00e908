/** Retention's storage, in the {@code retention} schema (db/&lt;vendor&gt;/retention). */
package org.openmiles.retention.infrastructure;
