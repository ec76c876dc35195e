package com.dbay.gateway.spa;

import com.dbay.gateway.GatewayProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * The SPA's build output under {@code assets/} has content hashes in its file names, so a file
 * never changes under its name: browsers may keep it for a year without asking again. The {@code
 * index.html} that names them is never cached (see {@link SpaConfiguration}), so a new build is
 * picked up at the next page load.
 */
@Configuration(proxyBeanMethods = false)
public class SpaResources implements WebFluxConfigurer {

  static final CacheControl HASHED =
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  private final GatewayProperties properties;

  public SpaResources(GatewayProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    String assets =
        Path.of(properties.spaDir()).toAbsolutePath().resolve("assets").toUri().toString();
    // A folder location must end with "/" (toUri adds it only for a folder that exists already).
    assets = assets.endsWith("/") ? assets : assets + "/";
    registry.addResourceHandler("/assets/**").addResourceLocations(assets).setCacheControl(HASHED);
  }
}
