package org.engagementledger.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The annotated {@link Money} must be strictly greater than zero ({@code null} is left to {@code @NotNull}). */
@Documented
@Constraint(validatedBy = PositiveMoney.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PositiveMoney {

    String message() default "must be an amount greater than zero";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the constraint; plain Jakarta Validation, no framework. */
    class Validator implements ConstraintValidator<PositiveMoney, Money> {
        @Override
        public boolean isValid(Money value, ConstraintValidatorContext context) {
            return value == null || value.isPositive();
        }
    }
}
