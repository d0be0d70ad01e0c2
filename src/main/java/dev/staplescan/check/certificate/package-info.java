/** Checks of the presented certificates: validity dates, name, trust. One class per finding code. */
package dev.staplescan.check.certificate;
