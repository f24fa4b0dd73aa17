/**
 * A minimal DNP3 master on this module's codec, for tests and tools: integrity and event polls, select-before-
 * operate and direct operate of binary outputs, and a plain request/response call for anything else, over
 * plain TCP, one request at a time.
 */
package io.pqagent.adapters.dnp3.master;
