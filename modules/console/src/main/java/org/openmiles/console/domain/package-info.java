/** The console's own rules: login throttle, the adjustment limit, personal-data masking. */
package org.openmiles.console.domain;
