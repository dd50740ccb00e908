/** Program administration's service: maker-checker over the owning modules' rule versions. */
package org.openmiles.program.application;
