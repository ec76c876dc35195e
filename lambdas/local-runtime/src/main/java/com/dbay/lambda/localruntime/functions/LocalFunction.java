package com.dbay.lambda.localruntime.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A handler hosted by the runtime under its function name (the name CDK gives the deployed
 * function).
 */
public record LocalFunction(String name, RequestHandler<?, ?> handler, Class<?> inputType) {

  public static LocalFunction of(String name, RequestHandler<?, ?> handler) {
    return new LocalFunction(name, handler, inputType(handler.getClass()));
  }

  /**
   * The substitution key the ASL files use for this function's ARN, e.g. DepositWatcherFunctionArn.
   */
  public String substitutionKey() {
    StringBuilder key = new StringBuilder();
    for (String part : name.split("-")) {
      key.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return key.append("FunctionArn").toString();
  }

  static Class<?> inputType(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
          Type input = p.getActualTypeArguments()[0];
          if (input instanceof Class<?> cls) {
            return cls;
          }
          if (input instanceof ParameterizedType pi && pi.getRawType() instanceof Class<?> raw) {
            return raw;
          }
        }
      }
    }
    return Object.class;
  }
}
