package fr.misp.backoffice.letters;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import fr.misp.backoffice.letters.LetterComposer.Composition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders a letter: its Thymeleaf template (XHTML, {@code classpath:letters/}, or the business's
 * edited copy in {@code misp.letters.template-dir} when set, looked up first) filled with the
 * file's records, then laid out as a PDF by openhtmltopdf on PDFBox.
 */
@Component
public class LetterRenderer {

  static {
    // openhtmltopdf logs each rendering at INFO through java.util.logging: warnings only.
    com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
        .forEach(logger -> com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING));
  }

  private final TemplateEngine engine = new TemplateEngine();

  public LetterRenderer(@Value("${misp.letters.template-dir:}") String templateDir) {
    int order = 1;
    if (templateDir != null && !templateDir.isBlank()) {
      FileTemplateResolver edited = new FileTemplateResolver();
      edited.setPrefix(Path.of(templateDir).toAbsolutePath() + "/");
      edited.setSuffix(".html");
      edited.setTemplateMode(TemplateMode.HTML);
      edited.setCharacterEncoding("UTF-8");
      edited.setCheckExistence(true);
      edited.setCacheable(false);
      edited.setOrder(order++);
      if (!Files.isDirectory(Path.of(templateDir))) {
        throw new IllegalStateException("misp.letters.template-dir is not a directory");
      }
      engine.addTemplateResolver(edited);
    }
    ClassLoaderTemplateResolver shipped = shipped("letters/");
    shipped.setOrder(order);
    engine.addTemplateResolver(shipped);
  }

  /** The HTML templates shipped in the application under a folder (letters, the back office's pages). */
  public static ClassLoaderTemplateResolver shipped(String folder) {
    ClassLoaderTemplateResolver shipped = new ClassLoaderTemplateResolver(LetterRenderer.class.getClassLoader());
    shipped.setPrefix(folder);
    shipped.setSuffix(".html");
    shipped.setTemplateMode(TemplateMode.HTML);
    shipped.setCharacterEncoding("UTF-8");
    shipped.setCheckExistence(true);
    return shipped;
  }

  /** The letter's XHTML, as the template and the records make it. */
  public String html(Composition letter) {
    Context context = new Context(Locale.FRENCH);
    context.setVariables(letter.model());
    context.setVariable("title", letter.title());
    return engine.process(letter.template(), context);
  }

  /** The letter as a PDF (A4, the fonts of the PDF standard, French text). */
  public byte[] pdf(Composition letter) {
    String html = html(letter);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
