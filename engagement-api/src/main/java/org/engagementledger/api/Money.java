package org.engagementledger.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. The amount is always held at the currency's scale (two decimals
 * for EUR, none for JPY); an amount with more decimals than the currency allows is refused rather
 * than rounded, so that no cent is ever invented or lost. Arithmetic across currencies is refused.
 *
 * <p>JSON: {@code {"amount":"1250.00","currency":"EUR"}} (the amount as a string, so that no
 * consumer reads it as a binary floating-point number).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The largest absolute amount the ledger accepts: a trillion units, far beyond any engagement. */
    public static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    public Money {
        Objects.requireNonNull(currency, "currency must not be null");
        Objects.requireNonNull(amount, "amount must not be null");
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency " + currency.getCurrencyCode()
                    + " has no minor unit; use a national currency such as EUR");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > digits) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + digits + ")");
        }
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " must be below " + LIMIT.toPlainString());
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount times an exact factor (e.g. an hourly rate times hours), rounded half-even to the currency's scale. */
    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor).setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN), currency);
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isSameCurrency(Money other) {
        return currency.equals(other.currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!isSameCurrency(other)) {
            throw new IllegalArgumentException("currency " + other.currency.getCurrencyCode()
                    + " does not match " + currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
