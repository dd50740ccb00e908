/**
 * The WAR's HTTP edge, before any module sees a request: request limits the application answers
 * itself (so that an over-long address is a problem document, not the listener's empty 400), error
 * documents for what the container refuses, and HSTS under TLS (docs/security.md).
 */
package org.openmiles.app.web;
