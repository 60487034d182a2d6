package org.engagementledger.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value types of the API: they refuse bad values in their constructors, so no invalid value exists. */
class ValueTypesTest {

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static IllegalArgumentException refused(Runnable construction) {
        return assertThrows(IllegalArgumentException.class, construction::run);
    }

    private static void assertMessageContains(Exception e, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment),
                    () -> "message '" + e.getMessage() + "' should contain '" + fragment + "'");
        }
    }

    @Nested
    class MoneyTest {

        @Test
        void amountIsHeldAtTheCurrencysScale() {
            assertEquals(new BigDecimal("1250.00"), eur("1250").amount());
            assertEquals(2, eur("1250").amount().scale());
            assertEquals(new BigDecimal("1250.50"), eur("1250.5").amount());
            assertEquals("1250.00 EUR", eur("1250").toString());
        }

        @Test
        void trailingZerosBeyondTheScaleAreAcceptedAndDropped() {
            assertEquals(new BigDecimal("1250.50"), eur("1250.5000").amount());
            assertEquals(2, eur("1250.5000").amount().scale());
        }

        @Test
        void amountsThatDifferOnlyInWrittenScaleAreEqual() {
            assertEquals(eur("5"), eur("5.00"));
            assertEquals(eur("5").hashCode(), eur("5.000").hashCode());
        }

        @Test
        void tooManyDecimalsAreRefusedWithAMessageNamingAmountAndCurrency() {
            IllegalArgumentException e = refused(() -> eur("10.005"));
            assertMessageContains(e, "10.005", "EUR", "2");
        }

        @Test
        void yenHasNoDecimals() {
            Money yen = Money.of("1500", "JPY");
            assertEquals(0, yen.amount().scale());
            assertEquals(new BigDecimal("1500"), yen.amount());
            assertEquals(new BigDecimal("1500"), Money.of("1500.00", "JPY").amount());
            IllegalArgumentException e = refused(() -> Money.of("1500.5", "JPY"));
            assertMessageContains(e, "1500.5", "JPY", "0");
        }

        @ParameterizedTest(name = "currency {0} is refused")
        @ValueSource(strings = {"XAU", "XXX", "XDR"})
        void currencyWithoutMinorUnitIsRefused(String code) {
            IllegalArgumentException e = refused(() -> Money.of("1", code));
            assertMessageContains(e, code, "no minor unit");
        }

        @Test
        void amountBelowTheLimitIsAccepted() {
            assertEquals(new BigDecimal("999999999999.99"), eur("999999999999.99").amount());
            assertEquals(new BigDecimal("-999999999999.99"), eur("-999999999999.99").amount());
        }

        @ParameterizedTest(name = "amount {0} is refused")
        @ValueSource(strings = {"1000000000000", "1000000000000.00", "-1000000000000", "5000000000000"})
        void amountAtOrBeyondTheLimitIsRefused(String amount) {
            IllegalArgumentException e = refused(() -> eur(amount));
            assertMessageContains(e, amount, Money.LIMIT.toPlainString());
        }

        @Test
        void nullAmountOrCurrencyIsRefused() {
            assertThrows(NullPointerException.class, () -> new Money(null, Currency.getInstance("EUR")));
            assertThrows(NullPointerException.class, () -> new Money(BigDecimal.ONE, null));
        }

        @Test
        void plusAndMinusStayExact() {
            assertEquals(eur("1250.75"), eur("1000.50").plus(eur("250.25")));
            assertEquals(eur("750.25"), eur("1000.50").minus(eur("250.25")));
            assertEquals(eur("-0.01"), eur("0.00").minus(eur("0.01")));
            assertEquals(Money.of("1500", "JPY"), Money.of("1000", "JPY").plus(Money.of("500", "JPY")));
        }

        @Test
        void timesRoundsHalfEvenToTheCurrencysScale() {
            // 0.025 and 0.075 are exactly half-way: half-even rounds to the even cent
            assertEquals(eur("0.02"), eur("0.05").times(new BigDecimal("0.5")));
            assertEquals(eur("0.08"), eur("0.15").times(new BigDecimal("0.5")));
            assertEquals(eur("1406.25"), eur("112.50").times(new BigDecimal("12.5")));
            assertEquals(eur("123.46"), eur("100.00").times(new BigDecimal("1.234567")));
            assertEquals(Money.of("50", "JPY"), Money.of("101", "JPY").times(new BigDecimal("0.5")));
            assertEquals(Money.of("52", "JPY"), Money.of("103", "JPY").times(new BigDecimal("0.5")));
        }

        @Test
        void timesAnHourlyRateGivesTheCostAtTheCurrencysScale() {
            Money cost = eur("150.00").times(new BigDecimal("7.25"));
            assertEquals(eur("1087.50"), cost);
            assertEquals(2, cost.amount().scale());
        }

        @Test
        void crossCurrencyArithmeticIsRefused() {
            Money usd = Money.of("1.00", "USD");
            assertMessageContains(refused(() -> eur("1.00").plus(usd)), "USD", "EUR");
            assertMessageContains(refused(() -> eur("1.00").minus(usd)), "USD", "EUR");
            assertMessageContains(refused(() -> eur("1.00").compareTo(usd)), "USD", "EUR");
            assertMessageContains(refused(() -> eur("1.00").isGreaterThan(usd)), "USD", "EUR");
            assertFalse(eur("1.00").isSameCurrency(usd));
        }

        @Test
        void signAndComparisonAreReported() {
            assertTrue(eur("0.01").isPositive());
            assertFalse(eur("0.00").isPositive());
            assertFalse(eur("0.00").isNegative());
            assertTrue(eur("-0.01").isNegative());
            assertTrue(eur("10.00").isGreaterThan(eur("9.99")));
            assertFalse(eur("10.00").isGreaterThan(eur("10")));
            assertEquals(eur("0.00"), Money.zero(Currency.getInstance("EUR")));
        }
    }

    @Nested
    class IdentifierTest {

        static Stream<Arguments> idTypes() {
            return Stream.of(
                    Arguments.of("AmendmentId", (Function<String, Identifier>) AmendmentId::of),
                    Arguments.of("CapabilityTargetId", (Function<String, Identifier>) CapabilityTargetId::of),
                    Arguments.of("CostLineId", (Function<String, Identifier>) CostLineId::of),
                    Arguments.of("DecisionId", (Function<String, Identifier>) DecisionId::of),
                    Arguments.of("DeclarationId", (Function<String, Identifier>) DeclarationId::of),
                    Arguments.of("EngagementId", (Function<String, Identifier>) EngagementId::of),
                    Arguments.of("FeedbackId", (Function<String, Identifier>) FeedbackId::of),
                    Arguments.of("InvoiceId", (Function<String, Identifier>) InvoiceId::of),
                    Arguments.of("MilestoneId", (Function<String, Identifier>) MilestoneId::of),
                    Arguments.of("RequirementId", (Function<String, Identifier>) RequirementId::of));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("idTypes")
        void nullIsRefusedWithAMessageNamingTheIdType(String type, Function<String, Identifier> factory) {
            assertMessageContains(refused(() -> factory.apply(null)), type, "must not be null");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("idTypes")
        void blankIsRefusedWithAMessageNamingTheIdType(String type, Function<String, Identifier> factory) {
            assertMessageContains(refused(() -> factory.apply("")), type, "must not be blank");
            assertMessageContains(refused(() -> factory.apply("   ")), type, "must not be blank");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("idTypes")
        void tooLongIsRefusedWithAMessageNamingTheIdType(String type, Function<String, Identifier> factory) {
            assertEquals(Identifier.MAX_LENGTH, factory.apply("a".repeat(Identifier.MAX_LENGTH)).value().length());
            IllegalArgumentException e = refused(() -> factory.apply("a".repeat(Identifier.MAX_LENGTH + 1)));
            assertMessageContains(e, type, "at most " + Identifier.MAX_LENGTH, "was " + (Identifier.MAX_LENGTH + 1));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("idTypes")
        void badCharactersAreRefusedWithAMessageNamingTheIdType(String type, Function<String, Identifier> factory) {
            for (String bad : new String[] {"ENG 1", "-ENG-1", ".hidden", "ENG#1", "ENG?x=1", "Ärende-1", "ENG\n1", "a\\b"}) {
                IllegalArgumentException e = refused(() -> factory.apply(bad));
                assertMessageContains(e, type, "must match", "'" + bad + "'");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("idTypes")
        void allowedCharactersAreAcceptedAndToStringIsTheValue(String type, Function<String, Identifier> factory) {
            for (String good : new String[] {"ENG-2026-001", "a", "0", "ocds-nv0001/2026:001_v1.2", "Z9"}) {
                Identifier id = factory.apply(good);
                assertEquals(good, id.value());
                assertEquals(good, id.toString());
            }
        }

        @Test
        void idsOfTheSameTypeAndValueAreEqualAndOfDifferentTypesAreNot() {
            assertEquals(EngagementId.of("X-1"), EngagementId.of("X-1"));
            assertNotEquals(EngagementId.of("X-1"), EngagementId.of("X-2"));
            assertNotEquals((Object) EngagementId.of("X-1"), InvoiceId.of("X-1"));
        }
    }

    @Nested
    class PeriodTest {

        @Test
        void startAfterEndIsRefused() {
            IllegalArgumentException e = refused(() -> Period.of("2026-12-31", "2026-01-01"));
            assertMessageContains(e, "2026-12-31", "2026-01-01", "must not be after");
        }

        @Test
        void aSingleDayIsAPeriod() {
            Period day = Period.of("2026-03-01", "2026-03-01");
            assertTrue(day.contains(LocalDate.parse("2026-03-01")));
            assertFalse(day.contains(LocalDate.parse("2026-03-02")));
        }

        @Test
        void containsIsInclusiveOfStartAndEnd() {
            Period period = Period.of("2026-01-01", "2026-12-31");
            assertTrue(period.contains(LocalDate.parse("2026-01-01")));
            assertTrue(period.contains(LocalDate.parse("2026-06-15")));
            assertTrue(period.contains(LocalDate.parse("2026-12-31")));
            assertFalse(period.contains(LocalDate.parse("2025-12-31")));
            assertFalse(period.contains(LocalDate.parse("2027-01-01")));
        }

        @Test
        void missingStartOrEndIsRefused() {
            assertMessageContains(assertThrows(NullPointerException.class, () -> new Period(null, LocalDate.parse("2026-01-01"))), "period.start");
            assertMessageContains(assertThrows(NullPointerException.class, () -> new Period(LocalDate.parse("2026-01-01"), null)), "period.end");
        }

        @Test
        void toStringShowsTheRange() {
            assertEquals("2026-01-01..2026-12-31", Period.of("2026-01-01", "2026-12-31").toString());
        }
    }

    @Nested
    class ActorTest {

        @ParameterizedTest(name = "actor.id \"{0}\" is refused")
        @ValueSource(strings = {"", " ", "\t"})
        void blankIdIsRefused(String id) {
            assertMessageContains(refused(() -> Actor.of(id, Role.AUDITOR, "regional-audit-office")), "actor.id", "must not be blank");
        }

        @ParameterizedTest(name = "actor.organisation \"{0}\" is refused")
        @ValueSource(strings = {"", " ", "\t"})
        void blankOrganisationIsRefused(String organisation) {
            assertMessageContains(refused(() -> Actor.of("auditor-1", Role.AUDITOR, organisation)), "actor.organisation", "must not be blank");
        }

        @Test
        void nullFieldsAreRefused() {
            assertMessageContains(refused(() -> Actor.of(null, Role.AUDITOR, "org")), "actor.id");
            assertMessageContains(refused(() -> Actor.of("auditor-1", null, "org")), "actor.role");
            assertMessageContains(refused(() -> Actor.of("auditor-1", Role.AUDITOR, null)), "actor.organisation");
        }

        @Test
        void overLongFieldsAreRefused() {
            String tooLong = "a".repeat(Actor.MAX_LENGTH + 1);
            assertMessageContains(refused(() -> Actor.of(tooLong, Role.AUDITOR, "org")), "actor.id", "at most " + Actor.MAX_LENGTH);
            assertMessageContains(refused(() -> Actor.of("auditor-1", Role.AUDITOR, tooLong)), "actor.organisation", "at most " + Actor.MAX_LENGTH);
            assertEquals(Actor.MAX_LENGTH, Actor.of("a".repeat(Actor.MAX_LENGTH), Role.AUDITOR, "org").id().length());
        }

        @Test
        void aValidActorKeepsItsFields() {
            Actor actor = Actor.of("procurement-lead", Role.AGENCY_BUYER, "municipality-northvale");
            assertEquals("procurement-lead", actor.id());
            assertEquals(Role.AGENCY_BUYER, actor.role());
            assertEquals("municipality-northvale", actor.organisation());
            assertEquals("procurement-lead (AGENCY_BUYER, municipality-northvale)", actor.toString());
            assertTrue(actor.role().isAgency());
            assertFalse(Role.CONSULTANT.isAgency());
        }
    }

    /** Party and the money constraints are checked by Jakarta Validation (as the command interceptor does). */
    @Nested
    class ConstraintsTest {

        private static ValidatorFactory factory;
        private static Validator validator;

        @BeforeAll
        static void startValidator() {
            factory = Validation.buildDefaultValidatorFactory();
            validator = factory.getValidator();
        }

        @AfterAll
        static void stopValidator() {
            factory.close();
        }

        record Priced(@PositiveMoney Money price, @NonNegativeMoney Money saving) {
        }

        private Set<String> violatedPaths(Object bean) {
            return validator.validate(bean).stream()
                    .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
        }

        @Test
        void aValidPartyHasNoViolations() {
            assertEquals(Set.of(), violatedPaths(Party.of("municipality-northvale", "Municipality of Northvale")));
        }

        @Test
        void partyIdMustBeANonBlankIdShapedString() {
            assertEquals(Set.of("id"), violatedPaths(Party.of(" ", "Name")));
            assertEquals(Set.of("id"), violatedPaths(Party.of("has space", "Name")));
            assertEquals(Set.of("id"), violatedPaths(Party.of("a".repeat(Identifier.MAX_LENGTH + 1), "Name")));
            assertEquals(Set.of("name"), violatedPaths(Party.of("org-1", "")));
            assertEquals(Set.of("name"), violatedPaths(Party.of("org-1", "n".repeat(Limits.NAME + 1))));
        }

        @Test
        void positiveMoneyRefusesZeroAndNegativeAndNonNegativeMoneyRefusesOnlyNegative() {
            assertEquals(Set.of(), violatedPaths(new Priced(eur("0.01"), eur("0.00"))));
            assertEquals(Set.of("price"), violatedPaths(new Priced(eur("0.00"), eur("0.00"))));
            assertEquals(Set.of("price", "saving"), violatedPaths(new Priced(eur("-1.00"), eur("-0.01"))));
            assertEquals(Set.of(), violatedPaths(new Priced(null, null)));
        }
    }
}
