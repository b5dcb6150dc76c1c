package fr.misp.backoffice.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database that cannot be reached (restart, failover, network) is a temporary state, not a fault
 * of the request: the answer is 503 with {@code Retry-After}, so that clients and load balancers
 * retry, never a 500.
 */
public final class DatabaseUnavailable {

  /** Seconds a client should wait before trying again: about a PostgreSQL restart. */
  public static final int RETRY_AFTER_SECONDS = 5;
  public static final String MESSAGE = "Base de données momentanément indisponible, réessayez dans quelques secondes / "
      + "Database temporarily unavailable, retry in a few seconds";

  private DatabaseUnavailable() {}

  /** True when the failure, or one of its causes, says the database cannot be reached. */
  public static boolean isCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException || t instanceof ConnectException) {
        return true;
      }
      // The rollback of a broken connection fails too and hides the first failure: look at both.
      if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
          && rollback.getApplicationException() != failure && isCause(rollback.getApplicationException())) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true; // connection exceptions; operator intervention (admin shutdown, crash shutdown)
      }
    }
    return false;
  }

  public static void answer(HttpServletResponse response) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write("{\"status\":503,\"message\":\"" + MESSAGE + "\",\"errors\":[]}");
  }
}
