/**
 * Who may call which API operation: the declared access matrix ({@code access-matrix.tsv}) and the
 * JAX-RS filter that enforces it on every request (docs/security.md).
 */
package org.openmiles.app.security;
