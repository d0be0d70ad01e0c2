/**
 * Text safety shared by every output: {@link dev.staplescan.text.Printable} escapes control characters
 * in text from servers and host lists (one function, used by the CSV and PDF reports, the terminal and
 * the log), {@link dev.staplescan.text.EscapedMessageConverter} applies it to log messages and
 * {@link dev.staplescan.text.EscapingPrintStream} to everything the commands print. Depends on nothing
 * of staplescan; any package may use it.
 */
package dev.staplescan.text;
