/**
 * The Camel context, owned by a CDI bean (there is no camel-cdi in Camel 4): started by the
 * application after the migrations, running its consumers on the container's managed threads so
 * that routes can call transactional CDI services, and reporting its routes to the readiness check.
 */
package org.openmiles.integration.bootstrap;
