package fr.misp.backoffice.letters;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Demo profile only: an embedded SMTP server (GreenMail, on the loopback interface) that catches
 * every mail the back office sends (see docs/letters.md).
 */
@Configuration
@ConditionalOnProperty(name = "misp.letters.demo-smtp.enabled", havingValue = "true")
public class DemoMailServer {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail demoSmtpServer(@Value("${misp.letters.demo-smtp.port:3025}") int port) {
    return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }
}
