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
 * <p>Adding a finding: add its entry to {@link dev.staplescan.check.FindingCode}, naming one class
 * implementing {@link dev.staplescan.check.Check} in the sub-package of its area ({@code certificate},
 * {@code stapling}, {@code staple}, {@code responder}), and write that class with one test class
 * (fires / near miss). {@link dev.staplescan.check.Checks} registers it from the entry; the README
 * ("Finding codes") lists the glossary entry and lab scenario it also needs.
 */
package dev.staplescan.check;
