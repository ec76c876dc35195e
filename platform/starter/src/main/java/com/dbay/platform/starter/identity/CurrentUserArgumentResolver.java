package com.dbay.platform.starter.identity;

import com.dbay.platform.identity.Identity;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CurrentUser} {@link Identity} parameters from the attribute the filter set. */
public class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(CurrentUser.class)
        && parameter.getParameterType().equals(Identity.class);
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mav,
      NativeWebRequest webRequest,
      WebDataBinderFactory binders) {
    HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
    Identity identity =
        request == null ? null : GatewayIdentityFilter.current(request).orElse(null);
    CurrentUser annotation = parameter.getParameterAnnotation(CurrentUser.class);
    boolean required = annotation == null || annotation.required();
    if (required && (identity == null || identity.userId().isBlank())) {
      throw new MissingIdentityException();
    }
    return identity;
  }
}
