package fr.misp.backoffice.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects engine REST requests whose query string or body carries a JUEL expression ({@code ${…}}
 * or {@code #{…}}) before they reach the engine. The engine forbids expressions in ad-hoc and
 * stored queries, but CVE-2026-109432 reports a bypass through a task query's {@code orQueries},
 * and 7.24 is the last Community release: the check is done here, on every query shape.
 */
public class ExpressionGuardFilter extends OncePerRequestFilter {

  static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
  private static final int MAX_BODY = 10 * 1024 * 1024;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (query != null && carriesExpression(URLDecoder.decode(query, StandardCharsets.UTF_8))) {
      refuse(response);
      return;
    }
    String type = request.getContentType();
    if (type == null || !(type.contains("json") || type.contains("x-www-form-urlencoded"))) {
      chain.doFilter(request, response); // deployments (multipart) and files are not queries
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY);
    if (carriesExpression(new String(body, StandardCharsets.UTF_8))) {
      refuse(response);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  static boolean carriesExpression(String text) {
    // JSON may escape '$' or '{' as \\u0024 / \\u007b: undo that before looking.
    String plain = text.replaceAll("(?i)\\\\u0024", "\\$").replaceAll("(?i)\\\\u0023", "#").replaceAll("(?i)\\\\u007b", "{");
    return EXPRESSION.matcher(plain).find();
  }

  private static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":"
        + "\"Les expressions sont interdites dans les requêtes / Expressions are not allowed in queries\"}");
  }

  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
