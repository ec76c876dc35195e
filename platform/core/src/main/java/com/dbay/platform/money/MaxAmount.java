package com.dbay.platform.money;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated {@link Doge} must be at most {@link #value()} (a DOGE decimal, e.g. "0.01"); null
 * is valid.
 */
@Documented
@Constraint(validatedBy = MaxAmount.Validator.class)
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT,
  ElementType.TYPE_USE,
  ElementType.METHOD
})
@Retention(RetentionPolicy.RUNTIME)
public @interface MaxAmount {
  String value();

  String message() default "must be at most {value} DOGE";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Validator implements ConstraintValidator<MaxAmount, Doge> {
    private Doge max;

    @Override
    public void initialize(MaxAmount annotation) {
      max = Doge.parseSigned(annotation.value());
    }

    @Override
    public boolean isValid(Doge value, ConstraintValidatorContext context) {
      return value == null || value.compareTo(max) <= 0;
    }
  }
}
