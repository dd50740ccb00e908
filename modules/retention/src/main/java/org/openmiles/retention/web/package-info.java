/** Retention's REST resources under {@code /api/v1/retention}. */
package org.openmiles.retention.web;
