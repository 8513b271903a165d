package org.trialgraph.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request that carries the operator token as {@code Authorization: Bearer <token>}. Requests
 * without it, or with another token, stay anonymous: reads work, mutations answer UNAUTHORIZED.
 */
class AdminTokenFilter extends OncePerRequestFilter {

    static final String OPERATOR_ROLE = "ROLE_OPERATOR";

    private static final String BEARER = "Bearer ";

    private final byte[] adminToken;

    AdminTokenFilter(String adminToken) {
        this.adminToken = adminToken == null ? new byte[0] : adminToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (adminToken.length > 0 && header != null && header.startsWith(BEARER) && matches(header.substring(BEARER.length()))) {
            var operator = UsernamePasswordAuthenticationToken.authenticated("operator", null,
                    List.of(new SimpleGrantedAuthority(OPERATOR_ROLE)));
            SecurityContextHolder.getContext().setAuthentication(operator);
        }
        chain.doFilter(request, response);
    }

    private boolean matches(String token) {
        // Constant-time comparison: response timing tells nothing about the token.
        return MessageDigest.isEqual(adminToken, token.strip().getBytes(StandardCharsets.UTF_8));
    }
}
