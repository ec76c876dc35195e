package com.dbay.gateway.spa;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import com.dbay.gateway.GatewayProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /} and the SPA's client-side routes ({@code /listings/42}, no file extension) answer its
 * {@code index.html}; files with an extension are served by the static resource handler from the
 * same folder. Without a built SPA, a placeholder page says so.
 */
@Configuration(proxyBeanMethods = false)
public class SpaConfiguration {

  /** Paths that are never the SPA's. */
  static final List<String> NOT_SPA =
      List.of("/api/", "/actuator", "/v3/", "/webjars/", "/swagger-ui", "/ws");

  @Bean
  RouterFunction<ServerResponse> spaFallback(GatewayProperties properties) {
    Path dist = Path.of(properties.spaDir());
    return RouterFunctions.route(
        GET("/**")
            .and(
                request -> {
                  String path = request.path();
                  return NOT_SPA.stream().noneMatch(path::startsWith)
                      && !path.substring(path.lastIndexOf('/') + 1).contains(".");
                }),
        request ->
            ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(index(dist)));
  }

  private static Resource index(Path dist) {
    Path index = dist.resolve("index.html");
    return Files.isRegularFile(index)
        ? new FileSystemResource(index)
        : new ClassPathResource("static/index.html");
  }
}
