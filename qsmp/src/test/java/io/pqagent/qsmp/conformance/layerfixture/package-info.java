/**
 * Classes that break the layer rules on purpose, one break each, so that {@code LayerDirectionTest} can
 * show its rules catch what they claim to catch. Test sources only: the rules on the real code never
 * see these classes.
 */
package io.pqagent.qsmp.conformance.layerfixture;
