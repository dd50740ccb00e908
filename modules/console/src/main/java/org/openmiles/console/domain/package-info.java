/** The console's own rules: login lockout, the adjustment limit, personal-data masking. */
package org.openmiles.console.domain;
