/**
 * What a module tells operations about itself beyond the public health checks: named details (route
 * names and states, say) and numbers for the metrics, published only to callers with the {@code
 * operations} role (docs/security.md).
 */
package org.openmiles.common.operations;
