/**
 * Apache Camel 4 routes: partner and airline files in; reject, acknowledgement and settlement files
 * out. A CDI startup bean owns the CamelContext (there is no camel-cdi in Camel 4); routes stay
 * thin and call module {@code api} services.
 */
package org.openmiles.integration;
