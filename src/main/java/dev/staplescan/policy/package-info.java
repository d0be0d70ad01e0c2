/**
 * Policy files: the documented text format that sets a {@link dev.staplescan.check.Policy}'s name,
 * severities, thresholds and control IDs ({@link PolicyParser}), the built-in policies shipped in
 * {@code policies/} on the class path, and how a {@code --policy FILE|NAME} reference is resolved
 * ({@link Policies}). Pure apart from reading the one file named.
 */
package dev.staplescan.policy;
