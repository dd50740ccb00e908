/**
 * Published API of the program administration module (issue 20, ADR 0045): change requests to the
 * program's rules, proposed by a program manager and approved or rejected by another person. The
 * rules themselves stay with the modules that own them.
 */
package org.openmiles.program.api;
