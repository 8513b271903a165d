/** Request ids in logs and response headers, and the metrics exposed for Prometheus (docs/RELIABILITY.md). */
package org.trialgraph.observability;
