package fr.misp.backoffice.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers of the APIs carry personal and medical data: never cached, never sniffed, never framed.
 * Path segments longer than any identifier of the MISP are refused before they reach a query. A
 * database that cannot be reached, wherever it shows (sign-in included), is a 503 with Retry-After.
 */
public class ApiResponseHeaders extends OncePerRequestFilter {

  /** Longer than every id, business key and code of the MISP (UUIDs are 36, business keys under 100). */
  static final int MAX_PATH_SEGMENT = 120;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    for (String segment : request.getRequestURI().split("/")) {
      if (segment.length() > MAX_PATH_SEGMENT) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"status\":400,\"message\":\"Requête invalide / Invalid request\",\"errors\":"
            + "[{\"field\":\"path\",\"code\":\"too_long\",\"message\":\"Identifiant trop long dans l'adresse\","
            + "\"messageEn\":\"Identifier too long in the path\"}]}");
        return;
      }
    }
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      if (!DatabaseUnavailable.isCause(failure)) {
        throw failure;
      }
      DatabaseUnavailable.answer(response);
    }
  }
}
