package fr.misp.backoffice.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The groups allowed to call an /api controller or method; anyone else gets 403. An /api handler
 * without this annotation is refused to everyone (deny by default), see GroupAccessInterceptor.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedGroups {
  String[] value();
}
