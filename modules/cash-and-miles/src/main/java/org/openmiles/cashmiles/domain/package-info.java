/** Cash &amp; Miles domain: program rules, the quote arithmetic and the payment life cycle. */
package org.openmiles.cashmiles.domain;
