/** REST triggers for file work done by the routes (e.g. writing settlement files now). */
package org.openmiles.integration.web;
