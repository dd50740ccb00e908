/** {@code /api/v1/program}: the kinds of rule, their versions and change requests. */
package org.openmiles.program.web;
