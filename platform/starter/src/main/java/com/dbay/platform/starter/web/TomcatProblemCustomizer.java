package com.dbay.platform.starter.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} on the host in place of Tomcat's (and Boot's) HTML error
 * report. Last in order, so that it replaces whatever valve an earlier customizer added.
 */
public class TomcatProblemCustomizer
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve
                  && !(valve instanceof ProblemErrorReportValve)) {
                host.getPipeline().removeValve(valve);
              }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve());
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
