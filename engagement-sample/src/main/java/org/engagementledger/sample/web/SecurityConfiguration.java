package org.engagementledger.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.util.List;

/**
 * Who may do what over HTTP. Every request needs a signed-in demo user; what a user may then do to an
 * engagement is the ledger's decision (role and organisation of the actor), not this class's.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic for API clients (no session is created for them), or the dashboard's
 *       session. Unauthenticated requests get a 401 problem, never a redirect. CSRF tokens are required for
 *       writes made with the session cookie (the dashboard's), not for requests without a session or with their
 *       own {@code Authorization} header: a browser never adds a cross-site request's credentials to it by itself
 *       unless the user typed them into a Basic prompt for this site, and even then the API's writes accept
 *       JSON only, which a cross-site form cannot send.</li>
 *   <li>everything else (the dashboard): a sign-in form with CSRF protection and a session; sign out with a
 *       POST.</li>
 * </ul>
 * A content security policy allows scripts and styles from this application only (plus the inline styles
 * of the self-contained HTML report): the dashboard loads nothing from elsewhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /**
     * Requests that do not ride on a browser session: they authenticate themselves (HTTP Basic) or carry no
     * session at all (and are then refused as unauthenticated, not as forged).
     */
    static final RequestMatcher NOT_A_SESSION = request -> request.getHeader("Authorization") != null
            || request.getRequestedSessionId() == null;

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, exception) -> {
            if (!"fetch".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Engagement Ledger\", charset=\"UTF-8\"");
            }
            write(json, response, HttpStatus.UNAUTHORIZED, "authentication-required", "Sign in first",
                    "this API needs a demo user: HTTP Basic (e.g. curl -u auditor:auditor) or the dashboard's session");
        };
        AccessDeniedHandler denied = (request, response, exception) -> write(json, response, HttpStatus.FORBIDDEN,
                exception instanceof CsrfException ? "csrf-token-required" : "access-denied", "Refused",
                exception instanceof CsrfException
                        ? "a write with the session cookie needs the CSRF token (GET /api/me gives it) in the X-CSRF-TOKEN header"
                        : exception.getMessage());
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
                .csrf(csrf -> csrf.ignoringRequestMatchers(NOT_A_SESSION))
                .requestCache(cache -> cache.disable()) // an API call is never replayed after a sign-in
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/dashboard.css", "/favicon.ico", "/error").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String rule, String title,
                              String detail) throws IOException {
        ProblemDetail problem = ApiProblem.problem(status, rule, title, detail, List.of());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

}
