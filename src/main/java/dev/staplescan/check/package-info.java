/**
 * Assessment: from an {@link dev.staplescan.scan.Observation} to an
 * {@link dev.staplescan.check.Assessment} under a {@link dev.staplescan.check.Policy}
 * (SPEC §2, "observe, then assess").
 *
 * <p>{@link dev.staplescan.check.Assessor} builds the {@link dev.staplescan.check.Evidence} once
 * (chains validated against {@link dev.staplescan.check.TrustAnchors} and cached per chain, staples
 * verified once per distinct staple), runs every {@link dev.staplescan.check.Check}, applies the
 * policy's severities and decides the verdict. Reachability codes come from
 * {@link dev.staplescan.check.Reachability}.
 *
 * <p>Adding a finding: add the code to {@link dev.staplescan.check.FindingCode}, write one class
 * implementing {@link dev.staplescan.check.Check} in the sub-package of its area
 * ({@code certificate}, {@code stapling}, {@code staple}) with one test class (fires / near miss),
 * and add one line to {@link dev.staplescan.check.Checks}. {@code ChecksTest} fails until that
 * line exists.
 */
package dev.staplescan.check;
