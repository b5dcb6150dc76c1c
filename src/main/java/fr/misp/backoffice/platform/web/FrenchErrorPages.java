package fr.misp.backoffice.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The page a browser shows when a person opens what they may not, or what does not exist (IMA's staff
 * typing Cockpit's address): French, under the MISP name, with where to go — never the framework's
 * English error page. Nothing of the request is echoed. The API answers JSON (ApiExceptionHandler).
 */
@Component
public class FrenchErrorPages implements ErrorViewResolver {

  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="fr"><head><meta charset="UTF-8"/><title>%s — MGEN International Santé Prévoyance</title>
      <style>body{font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;color:#1d3a4a;margin:0}
      header{border-top:4px solid #00857c;padding:14px 24px;font-size:20px;font-weight:600;box-shadow:0 1px 3px rgba(0,0,0,.1)}
      main{padding:24px;max-width:720px}h1{font-size:22px}a{color:#006a63}</style></head>
      <body><header>MGEN International Santé Prévoyance</header><main><h1>%s</h1><p>%s</p></main></body></html>
      """;

  private static final String HOME = "Revenez à l'<a href=\"/camunda/app/welcome/default/\">accueil</a>.";

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    String[] words = switch (status) {
      case FORBIDDEN -> new String[] {"Accès refusé", "Votre rôle ne donne pas accès à cette page. Vos tâches sont dans "
          + "<a href=\"/camunda/app/tasklist/default/\">Tâches</a> ; pour un autre accès, adressez-vous à un administrateur."};
      case NOT_FOUND -> new String[] {"Page introuvable", "Cette adresse ne correspond à aucune page du back office. " + HOME};
      default -> status.is5xxServerError()
          ? new String[] {"Service momentanément indisponible", "Le back office n'a pas pu répondre. Réessayez dans "
              + "quelques instants ; si cela se reproduit, prévenez un gestionnaire."}
          : new String[] {"Demande refusée", "Le back office n'a pas pu traiter cette demande. " + HOME};
    };
    byte[] html = PAGE.formatted(words[0], words[0], words[1]).getBytes(StandardCharsets.UTF_8);
    View page = new View() {
      @Override
      public String getContentType() {
        return MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
      }

      @Override
      public void render(Map<String, ?> ignored, HttpServletRequest req, jakarta.servlet.http.HttpServletResponse response)
          throws java.io.IOException {
        response.setContentType(getContentType());
        response.getOutputStream().write(html);
      }
    };
    ModelAndView view = new ModelAndView(page);
    view.setStatus(status);
    return view;
  }
}
