package fr.misp.backoffice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A signed-in webapp session (cookie + CSRF token), as Tasklist's and Cockpit's scripts hold one. */
public final class WebappSession {

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  private WebappSession(int port) {
    this.port = port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Signs in to {@code app} (tasklist, cockpit, admin) as the user; fails if the webapp refuses. */
  public static WebappSession signIn(int port, String app, String user, String password) {
    WebappSession session = new WebappSession(port);
    session.send("GET", "/camunda/app/" + app + "/default/", null, null);
    Http.Response login = session.send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
        "application/x-www-form-urlencoded", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
    if (login.status() != 200) {
      throw new IllegalStateException("Webapp login refused: " + login.status());
    }
    // The session is renewed at sign-in: its CSRF token comes with the next answer.
    session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    return session;
  }

  public Http.Response get(String path) {
    return send("GET", path, null, null);
  }

  public Http.Response post(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  public Http.Response send(String method, String path, String contentType, String body) {
    return send(method, path, contentType, body, true);
  }

  /** The session's cookies alone, without the anti-forgery token: what another site could make a browser send. */
  public Http.Response sendWithoutToken(String method, String path) {
    return send(method, path, null, null, false);
  }

  private Http.Response send(String method, String path, String contentType, String body, boolean withToken) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
    String token = csrfToken();
    if (token != null && withToken) {
      builder.header("X-XSRF-TOKEN", token);
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Http.Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An answer with its bytes and headers (documents, PDFs, HTML pages). */
  public record Raw(int status, byte[] body, java.net.http.HttpHeaders headers) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Any request with a binary body (a multipart upload) and extra headers, accepting any answer. */
  public Raw sendBytes(String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(60)).header("Accept", "*/*");
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      builder.headers(headers);
    }
    builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Raw(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String csrfToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }
}
