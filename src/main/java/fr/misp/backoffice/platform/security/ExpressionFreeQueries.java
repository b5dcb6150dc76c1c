package fr.misp.backoffice.platform.security;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;

/**
 * No query carries a JUEL expression, whoever runs it and whatever it came through (engine REST,
 * Tasklist's API, a stored filter, Java). The engine checks expressions of an ad-hoc query's main
 * part only: those of its {@code or} parts are evaluated unchecked (CVE-2026-109432), and 7.24 is the
 * last Community release. This interceptor looks at every part of a query, of a filter's extending
 * query and of a filter being saved, before any of them runs; the MISP needs no expression in a query.
 */
class ExpressionFreeQueries extends CommandInterceptor {

  private static final Field EXTENDING_QUERY = field(AbstractExecuteFilterCmd.class, "extendingQuery");
  private static final Field SAVED_FILTER = field(SaveFilterCmd.class, "filter");

  @Override
  public <T> T execute(Command<T> command) {
    refuseExpressions(queryOf(command));
    return next.execute(command);
  }

  private static Query<?, ?> queryOf(Command<?> command) {
    try {
      if (command instanceof AbstractQuery<?, ?> query) {
        return query;
      }
      if (command instanceof AbstractExecuteFilterCmd) {
        return (Query<?, ?>) EXTENDING_QUERY.get(command);
      }
      if (command instanceof SaveFilterCmd) {
        Filter filter = (Filter) SAVED_FILTER.get(command);
        return filter == null ? null : filter.getQuery();
      }
      return null;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Camunda's command classes changed: review ExpressionFreeQueries", e);
    }
  }

  static void refuseExpressions(Query<?, ?> query) {
    if (query instanceof TaskQueryImpl taskQuery && taskQuery.getQueries() != null) {
      for (TaskQueryImpl part : taskQuery.getQueries()) {
        refuseIfAny(part);
      }
    }
    if (query instanceof AbstractQuery<?, ?> abstractQuery) {
      refuseIfAny(abstractQuery);
    }
  }

  private static void refuseIfAny(AbstractQuery<?, ?> query) {
    if (query.getExpressions() != null && !query.getExpressions().isEmpty()) {
      throw new BadUserRequestException("Les expressions sont interdites dans les requêtes / Expressions are not "
          + "allowed in queries");
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("Camunda's command classes changed: review ExpressionFreeQueries", e);
    }
  }
}
