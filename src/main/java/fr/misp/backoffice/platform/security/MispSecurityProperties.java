package fr.misp.backoffice.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may log in at start: the admin account (always) and the demo users (demo profile only).
 *
 * @param demoUsers whether the demo users of the README are created (password "demo")
 */
@ConfigurationProperties(prefix = "misp.security")
public record MispSecurityProperties(boolean demoUsers) {}
