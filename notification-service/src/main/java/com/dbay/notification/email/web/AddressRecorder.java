package com.dbay.notification.email.web;

import com.dbay.notification.email.Mailbox;
import com.dbay.platform.identity.Identity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records the email address the gateway proved for the caller (the token's email claim) on each of
 * their calls to this service, so notifications can be mailed to it: the bell's first call after
 * sign-in is enough. (No event of user-service carries addresses today.)
 */
@Configuration
class AddressRecorder implements WebMvcConfigurer, HandlerInterceptor {

  private final Mailbox mailbox;

  AddressRecorder(Mailbox mailbox) {
    this.mailbox = mailbox;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/v1/notification/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (request.getAttribute(Identity.class.getName()) instanceof Identity identity) {
      mailbox.rememberAddress(identity.userId(), identity.email());
    }
    return true;
  }
}
