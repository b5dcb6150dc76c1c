package fr.misp.backoffice.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Integrity at the engine's depth, whatever the entry point: queries without expressions, task and
 * form services that hold a person to the modelled path ({@link GuardedTaskService},
 * {@link GuardedFormService}), and sign-in failures that slow an account down without ever locking it
 * for good.
 */
@Component
@Order(0)
public class EngineGuards extends AbstractCamundaConfiguration {

  /**
   * Camunda locks an account for good after this many failures, and only an administrator can
   * unlock it — a way for anyone to shut out everyone, the administrator included. The engine's
   * growing delay (3 s doubling per failure, 60 s at most) stays: a lock lasts one minute at most.
   */
  static final int LOGIN_MAX_ATTEMPTS = Integer.MAX_VALUE;
  static final int LOGIN_DELAY_MAX_SECONDS = 60;

  private final ObjectProvider<StartFormGateway> gateways;

  public EngineGuards(ObjectProvider<StartFormGateway> gateways) {
    this.gateways = gateways;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    PersonGuard guard = new PersonGuard(configuration);
    configuration.setTaskService(new GuardedTaskService(guard));
    configuration.setFormService(new GuardedFormService(guard, configuration,
        key -> gateways.orderedStream().filter(g -> g.processKey().equals(key)).findFirst().orElse(null)));
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withExpressionCheck(configuration.getCustomPreCommandInterceptorsTxRequired()));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withExpressionCheck(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    configuration.setLoginMaxAttempts(LOGIN_MAX_ATTEMPTS);
    configuration.setLoginDelayMaxTime(LOGIN_DELAY_MAX_SECONDS);
  }

  private static List<CommandInterceptor> withExpressionCheck(List<CommandInterceptor> existing) {
    List<CommandInterceptor> interceptors = existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    interceptors.add(0, new ExpressionFreeQueries());
    return interceptors;
  }
}
