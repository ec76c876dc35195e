package com.dbay.platform.starter.servicecall;

import com.dbay.platform.servicecall.InternalEndpoints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Refuses to start a service whose {@link InternalApi} declarations differ from its rows in {@code
 * dbay/internal-endpoints.tsv}: the table the security suite attacks and {@code ./dbay} hands out
 * keys by is then always the one the service enforces.
 */
class InternalApiTableCheck implements ApplicationListener<ContextRefreshedEvent> {

  private final String part;

  InternalApiTableCheck(String part) {
    this.part = part;
  }

  record Row(String method, String path, Set<String> callers) {}

  @Override
  public void onApplicationEvent(ContextRefreshedEvent event) {
    Map<String, RequestMappingHandlerMapping> mappings =
        event.getApplicationContext().getBeansOfType(RequestMappingHandlerMapping.class);
    Set<Row> declared = new HashSet<>();
    for (RequestMappingHandlerMapping mapping : mappings.values()) {
      for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
          mapping.getHandlerMethods().entrySet()) {
        InternalApiInterceptor.declaration(entry.getValue())
            .ifPresent(
                api -> {
                  Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
                  for (String path : entry.getKey().getPatternValues()) {
                    for (RequestMethod method : methods) {
                      declared.add(new Row(method.name(), path, Set.of(api.callers())));
                    }
                  }
                });
      }
    }
    Set<Row> table = new HashSet<>();
    InternalEndpoints.of(part).forEach(e -> table.add(new Row(e.method(), e.path(), e.callers())));
    List<String> problems = new ArrayList<>();
    declared.stream()
        .filter(r -> !table.contains(r))
        .forEach(r -> problems.add("declared but not in the table: " + r));
    table.stream()
        .filter(r -> !declared.contains(r))
        .forEach(r -> problems.add("in the table but not declared: " + r));
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "@InternalApi of "
              + part
              + " differs from "
              + InternalEndpoints.RESOURCE
              + " (platform/core):\n  "
              + String.join("\n  ", problems));
    }
  }
}
