/**
 * Shared kernel: the few value types and conventions every module agrees on (money, stable error
 * codes, clock). Kept deliberately small; nothing here knows about any business module.
 */
package org.openmiles.common;
