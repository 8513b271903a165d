/**
 * Who may change data: reads are public, mutations need the operator token. Mutations declare
 * {@code @PreAuthorize("hasRole('OPERATOR')")}.
 */
package org.trialgraph.security;
