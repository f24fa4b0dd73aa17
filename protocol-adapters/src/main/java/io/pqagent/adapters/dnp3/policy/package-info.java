/**
 * The {@code policy:} of a {@code protocol: dnp3} service: which application functions a master may use,
 * on which objects and point indexes, from and to which link addresses; read from the configuration tree
 * with errors that name the key, and applied to whole request fragments.
 */
package io.pqagent.adapters.dnp3.policy;
