/** REST adapters of redemption: parse JSON into {@code api} commands, call {@code api} services. */
package org.openmiles.redemption.web;
