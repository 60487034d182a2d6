package org.engagementledger.reliability;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.engagementledger.EngagementLedger;
import org.engagementledger.api.Actor;
import org.engagementledger.api.CapabilityTargetId;
import org.engagementledger.api.EngagementId;
import org.engagementledger.api.FeedbackId;
import org.engagementledger.api.InvoiceId;
import org.engagementledger.api.MilestoneId;
import org.engagementledger.api.Money;
import org.engagementledger.api.NonNegativeMoney;
import org.engagementledger.api.Period;
import org.engagementledger.api.PositiveMoney;
import org.engagementledger.api.RequirementId;
import org.engagementledger.api.engagement.*;
import org.engagementledger.engagement.CeilingExceededException;
import org.engagementledger.engagement.CommandRefusedException;
import org.engagementledger.engagement.RuleViolationException;
import org.engagementledger.storage.TestDatabases;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.engagementledger.engagement.CommandValidationTest.VALID;
import static org.engagementledger.engagement.CommandValidationTest.actorFor;
import static org.engagementledger.engagement.CommandValidationTest.with;
import static org.engagementledger.engagement.EngagementFixtures.*;
import static org.engagementledger.reliability.Reliability.storedEvents;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Thousands of generated invalid commands, sent through a ledger on a JDBC store (H2) as a host would:
 * every one must be refused with an error that names the field and the rule, and the store must hold
 * exactly the events it held before.
 *
 * <p>Three kinds of invalid input, one invalid field at a time so that a failure points at one thing:
 * <ul>
 *   <li><b>shape</b>: for every command type and every constrained component (nested {@code @Valid}
 *       records and list elements included), values that break that constraint: nulls, blanks (spaces,
 *       tabs, line breaks, control characters), oversized strings of odd Unicode (emoji, combining marks,
 *       right-to-left overrides, zero-width and CJK characters), too long or empty lists, out-of-range
 *       levels and participant counts, hours that are negative, zero, above 24, huge or have more than two
 *       decimals, zero or negative amounts, identifiers of the wrong alphabet. Expected: Jakarta
 *       validation's violation on that path with that constraint;</li>
 *   <li><b>rules</b>: well-formed commands the engagement refuses: dates outside the period, amounts in
 *       another currency, a target level not above the baseline, huge amounts beyond the ceiling, beyond
 *       the recorded cost or (hours x rate) beyond any amount the ledger holds. Expected: the refusal with
 *       its rule code, its message naming the field (the ceiling and invoice refusals name the rule and the
 *       figures instead);</li>
 *   <li><b>values that cannot be built</b>: ids of the wrong alphabet or length, amounts with more
 *       decimals than the currency has or beyond the ledger's limit, periods that end before they start.
 *       The value types refuse them on construction, so no such command can reach the ledger.</li>
 * </ul>
 * The default properties use a fixed seed, so every run sends the same 3,000 commands (and builds the same 500
 * values); the heavy variants (see {@link HeavyOnly}) send 60,000 more from a new random seed each run, and a
 * failure reports the seed that reproduces it.
 */
class InvalidCommandTest {

    static final EngagementId COMMISSIONED = EngagementId.of("ENG-COMMISSIONED");
    /** The prepared engagement has recorded this much cost: invoices above it, or expenses above the rest of the ceiling, are refused. */
    static final Money COMMITTED = eur("100.00");

    private static HikariDataSource dataSource;
    private static EngagementLedger ledger;

    @BeforeContainer
    static void prepareEngagements() {
        dataSource = TestDatabases.h2();
        ledger = EngagementLedger.builder().dataSource(dataSource).readModels(false).build();
        ledger.send(commission(), BUYER_OFFICIAL);
        ledger.send(new ActivateEngagement(ENGAGEMENT, SIGNED), BUYER_OFFICIAL);
        ledger.send(addRequirement(), AGENCY_STAFF);
        ledger.send(new DefineCapabilityTarget(ENGAGEMENT, TARGET, "Matching-model maintenance", "Employment analytics team", 1, 4),
                AGENCY_STAFF);
        ledger.send(logTime("1", COMMITTED.amount().toPlainString()), CONSULTANT);
        ledger.send(commission(COMMISSIONED), BUYER_OFFICIAL);
    }

    @AfterContainer
    static void closeLedger() {
        ledger.close();
        dataSource.close();
    }

    // ---- the properties --------------------------------------------------------------------------------------

    @Property(tries = 2_000, seed = Reliability.SEED)
    void aCommandWithOneFieldOfTheWrongShapeIsRefusedNamingFieldAndRuleAndStoresNothing(@ForAll("shapeErrors") Invalid invalid) {
        assertRefusedAndNothingStored(invalid);
    }

    @Property(tries = 1_000, seed = Reliability.SEED)
    void aWellFormedCommandBreakingARuleIsRefusedWithItsRuleCodeAndStoresNothing(@ForAll("ruleErrors") Invalid invalid) {
        assertRefusedAndNothingStored(invalid);
    }

    @Property(tries = 500, seed = Reliability.SEED)
    void aValueOfTheWrongShapeCannotBeBuiltSoNoCommandCanCarryIt(@ForAll("unbuildableValues") Unbuildable value) {
        assertUnbuildable(value);
    }

    @Property(tries = 40_000)
    @AddLifecycleHook(HeavyOnly.class)
    void heavyShapeErrors(@ForAll("shapeErrors") Invalid invalid) {
        assertRefusedAndNothingStored(invalid);
    }

    @Property(tries = 20_000)
    @AddLifecycleHook(HeavyOnly.class)
    void heavyRuleErrors(@ForAll("ruleErrors") Invalid invalid) {
        assertRefusedAndNothingStored(invalid);
    }

    @Property(tries = 10_000)
    @AddLifecycleHook(HeavyOnly.class)
    void heavyUnbuildableValues(@ForAll("unbuildableValues") Unbuildable value) {
        assertUnbuildable(value);
    }

    // ---- what is expected ------------------------------------------------------------------------------------

    /** One invalid command, who sends it, and the refusal it must get. */
    record Invalid(String label, EngagementCommand command, Actor actor, Expected expected) {
        @Override
        public String toString() {
            return label + " -> " + expected;
        }
    }

    sealed interface Expected permits Violation, Refusal {
    }

    /** A Jakarta violation on this property path (or below it, for list elements) of this constraint. */
    record Violation(String path, Class<? extends Annotation> rule) implements Expected {
    }

    /** A refusal by the engagement of this type and rule code whose message names {@code field}. */
    record Refusal(Class<? extends CommandRefusedException> type, String rule, String field) implements Expected {
    }

    /** A value that its type refuses to build: the message must name {@code subject} and contain {@code rule}. */
    record Unbuildable(String label, Supplier<Object> build, String subject, String rule) {
        @Override
        public String toString() {
            return label;
        }
    }

    private static void assertRefusedAndNothingStored(Invalid invalid) {
        long before = storedEvents(dataSource);
        Throwable thrown = null;
        try {
            ledger.send(invalid.command(), invalid.actor());
        } catch (Throwable e) {
            thrown = e;
        }
        assertNotNull(thrown, "accepted: " + invalid);
        if (invalid.expected() instanceof Violation expected) {
            JSR303ViolationException refused = assertInstanceOf(JSR303ViolationException.class, thrown, invalid::toString);
            ConstraintViolation<Object> match = refused.getViolations().stream()
                    .filter(v -> v.getPropertyPath().toString().startsWith(expected.path())
                            && v.getConstraintDescriptor().getAnnotation().annotationType() == expected.rule())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(invalid + ": no such violation in " + describe(refused)));
            assertTrue(refused.getMessage().contains("property " + match.getPropertyPath() + " in"), refused::getMessage);
            assertTrue(refused.getMessage().contains(match.getMessage()), refused::getMessage);
        } else if (invalid.expected() instanceof Refusal expected) {
            Throwable finalThrown = thrown;
            assertInstanceOf(expected.type(), thrown, () -> invalid + " got " + finalThrown);
            CommandRefusedException refused = (CommandRefusedException) thrown;
            assertEquals(expected.rule(), refused.rule(), refused::getMessage);
            assertTrue(refused.getMessage().contains(expected.field()), () -> invalid + ": message does not name the field: " + refused.getMessage());
        }
        assertEquals(before, storedEvents(dataSource), () -> "the store changed after " + invalid);
    }

    private static void assertUnbuildable(Unbuildable value) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, value.build()::get, value::toString);
        assertTrue(refused.getMessage().contains(value.subject()) && refused.getMessage().contains(value.rule()),
                () -> value + ": " + refused.getMessage());
    }

    private static String describe(JSR303ViolationException refused) {
        return refused.getViolations().stream()
                .map(v -> v.getPropertyPath() + "@" + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())
                .collect(Collectors.joining(", "));
    }

    // ---- shape errors: derived from each command's declared constraints --------------------------------------

    @Provide
    Arbitrary<Invalid> shapeErrors() {
        List<Arbitrary<Invalid>> ways = new ArrayList<>();
        for (EngagementCommand valid : VALID.values()) {
            Actor actor = actorFor(valid);
            breakComponents((Record) valid, "", record -> (EngagementCommand) record, actor, ways);
        }
        return Arbitraries.oneOf(ways);
    }

    /** Adds every way to break one constrained component of {@code record}, recursing into {@code @Valid} records. */
    private static void breakComponents(Record record, String prefix, Function<Record, EngagementCommand> rebuild, Actor actor,
                                        List<Arbitrary<Invalid>> ways) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String name = component.getName();
            String path = prefix + name;
            Field field = field(record, name);
            Function<Object, EngagementCommand> replace = value -> rebuild.apply(with(record, name, value));
            String type = rebuild.apply(record).getClass().getSimpleName();
            Function<Class<? extends Annotation>, Function<Object, Invalid>> invalid = rule -> value ->
                    new Invalid(type + "." + path + " = " + show(value), replace.apply(value), actor, new Violation(path, rule));

            if (field.isAnnotationPresent(NotNull.class)) {
                ways.add(Arbitraries.just((Object) null).map(invalid.apply(NotNull.class)));
            }
            if (field.isAnnotationPresent(NotBlank.class)) {
                ways.add(blanks().map(v -> (Object) v).map(invalid.apply(NotBlank.class)));
            }
            Size size = field.getAnnotation(Size.class);
            if (size != null && component.getType() == String.class) {
                ways.add(oversized(size.max()).map(v -> (Object) v).map(invalid.apply(Size.class)));
            }
            if (size != null && component.getType() == List.class) {
                List<?> list = (List<?>) value(record, component);
                Object element = list.isEmpty() ? "x" : list.get(0);
                ways.add(Arbitraries.integers().between(size.max() + 1, size.max() + 20)
                        .map(n -> (Object) Collections.nCopies(n, element)).map(invalid.apply(Size.class)));
                if (size.min() > 0) {
                    ways.add(Arbitraries.just((Object) List.of()).map(invalid.apply(Size.class)));
                }
                breakElements(component, list, element, path, replace, type, actor, ways);
            }
            Pattern pattern = field.getAnnotation(Pattern.class);
            if (pattern != null) {
                ways.add(oddIdentifiers(pattern.regexp()).map(v -> (Object) v).map(invalid.apply(Pattern.class)));
            }
            Min min = field.getAnnotation(Min.class);
            if (min != null) {
                ways.add(Arbitraries.integers().lessOrEqual((int) min.value() - 1).map(v -> (Object) v).map(invalid.apply(Min.class)));
            }
            Max max = field.getAnnotation(Max.class);
            if (max != null) {
                ways.add(Arbitraries.integers().greaterOrEqual((int) max.value() + 1).map(v -> (Object) v).map(invalid.apply(Max.class)));
            }
            if (field.isAnnotationPresent(DecimalMin.class)) {
                // hours: zero or negative
                ways.add(Arbitraries.bigDecimals().between(new BigDecimal("-99.99"), BigDecimal.ZERO).ofScale(2)
                        .map(v -> (Object) v).map(invalid.apply(DecimalMin.class)));
            }
            if (field.isAnnotationPresent(DecimalMax.class)) {
                // above 24, up to absurdly large
                ways.add(Arbitraries.oneOf(
                                Arbitraries.bigDecimals().between(new BigDecimal("24.01"), new BigDecimal("99.99")).ofScale(2),
                                Arbitraries.bigDecimals().between(new BigDecimal("100"), new BigDecimal("1E30")).ofScale(0))
                        .map(v -> (Object) v).map(invalid.apply(DecimalMax.class)));
            }
            if (field.isAnnotationPresent(Digits.class)) {
                // more than two decimals, otherwise in range
                ways.add(Arbitraries.integers().between(3, 6)
                        .flatMap(scale -> Arbitraries.longs().between(1, 24 * BigDecimal.TEN.pow(scale).longValueExact() - 1)
                                .filter(n -> n % 10 != 0).map(n -> BigDecimal.valueOf(n, scale)))
                        .map(v -> (Object) v).map(invalid.apply(Digits.class)));
            }
            if (field.isAnnotationPresent(PositiveMoney.class)) {
                ways.add(amounts(new BigDecimal("-999999999999.99"), BigDecimal.ZERO).map(v -> (Object) v).map(invalid.apply(PositiveMoney.class)));
            }
            if (field.isAnnotationPresent(NonNegativeMoney.class)) {
                ways.add(amounts(new BigDecimal("-999999999999.99"), new BigDecimal("-0.01")).map(v -> (Object) v)
                        .map(invalid.apply(NonNegativeMoney.class)));
            }
            if (field.isAnnotationPresent(Valid.class) && value(record, component) instanceof Record nested) {
                breakComponents(nested, path + ".", value -> replace.apply(value), actor, ways);
            }
        }
    }

    /** Element constraints ({@code List<@NotBlank @Size(max) String>}, {@code List<@NotNull X>}): one bad element among valid ones. */
    private static void breakElements(RecordComponent component, List<?> list, Object element, String path,
                                      Function<Object, EngagementCommand> replace, String type, Actor actor,
                                      List<Arbitrary<Invalid>> ways) {
        AnnotatedType[] arguments = ((AnnotatedParameterizedType) component.getAnnotatedType()).getAnnotatedActualTypeArguments();
        AnnotatedType elementType = arguments[0];
        List<Arbitrary<Object>> badElements = new ArrayList<>();
        List<Class<? extends Annotation>> rules = new ArrayList<>();
        if (elementType.isAnnotationPresent(NotNull.class)) {
            badElements.add(Arbitraries.<Object>just(null));
            rules.add(NotNull.class);
        }
        if (elementType.isAnnotationPresent(NotBlank.class)) {
            badElements.add(blanks().map(v -> (Object) v));
            rules.add(NotBlank.class);
        }
        Size size = elementType.getAnnotation(Size.class);
        if (size != null) {
            badElements.add(oversized(size.max()).map(v -> (Object) v));
            rules.add(Size.class);
        }
        for (int r = 0; r < rules.size(); r++) {
            Class<? extends Annotation> rule = rules.get(r);
            ways.add(Combinators.combine(badElements.get(r), Arbitraries.integers().between(0, Math.max(0, list.size())))
                    .as((bad, at) -> {
                        List<Object> broken = new ArrayList<>(list.isEmpty() ? List.of(element) : list);
                        broken.add(Math.min(at, broken.size()), bad);
                        return new Invalid(type + "." + path + " with element " + show(bad), replace.apply(broken), actor,
                                new Violation(path, rule));
                    }));
        }
    }

    // ---- rule errors: well-formed commands the engagement refuses ----------------------------------------------

    @Provide
    Arbitrary<Invalid> ruleErrors() {
        Arbitrary<LocalDate> outsidePeriod = Arbitraries.oneOf(
                Arbitraries.longs().between(LocalDate.of(1, 1, 1).toEpochDay(), PERIOD.start().minusDays(1).toEpochDay()),
                Arbitraries.longs().between(PERIOD.end().plusDays(1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay()))
                .map(LocalDate::ofEpochDay);
        Arbitrary<LocalDate> afterPeriod = Arbitraries.longs()
                .between(PERIOD.end().plusDays(1).toEpochDay(), LocalDate.of(9999, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<Money> otherCurrency = otherCurrencyAmounts();
        Arbitrary<Integer> fresh = Arbitraries.integers().between(1, 1_000_000);
        LogTime logTime = logTime("1", "100.00");
        RecordExpense expense = new RecordExpense(ENGAGEMENT, day("2026-02-04"), eur("240.00"), CostCategory.DELIVERY, "Train tickets");
        RecordTransferActivity transfer = new RecordTransferActivity(ENGAGEMENT, TARGET, TransferActivityKind.WORKSHOP,
                day("2026-02-10"), new BigDecimal("3.50"), 6, "Retraining the model");
        CompleteEngagement complete = new CompleteEngagement(ENGAGEMENT, evaluation());
        CommissionEngagement commission = commission(EngagementId.of("ENG-NEVER-STORED"));

        return Arbitraries.oneOf(
                // dates outside the engagement period
                outsidePeriod.map(d -> refused("LogTime.date = " + d, with(logTime, "date", d), CONSULTANT, "within-period", "date")),
                outsidePeriod.map(d -> refused("RecordExpense.date = " + d, with(expense, "date", d), CONSULTANT, "within-period", "date")),
                outsidePeriod.map(d -> refused("RecordTransferActivity.date = " + d, with(transfer, "date", d), AGENCY_STAFF,
                        "within-period", "date")),
                Combinators.combine(outsidePeriod, fresh).as((d, n) -> refused("ScheduleMilestone.dueDate = " + d,
                        new ScheduleMilestone(ENGAGEMENT, MilestoneId.of("MS-" + n), "Prototype in use", d), AGENCY_STAFF,
                        "within-period", "dueDate")),
                afterPeriod.map(d -> refused("ActivateEngagement.contractSigned = " + d, new ActivateEngagement(COMMISSIONED, d),
                        BUYER_OFFICIAL, "within-period", "contractSigned")),
                // amounts in another currency than the engagement's
                otherCurrency.map(m -> refused("LogTime.hourlyRate = " + m, with(logTime, "hourlyRate", m), CONSULTANT,
                        "currency-matches", "hourlyRate")),
                otherCurrency.map(m -> refused("RecordExpense.amount = " + m, with(expense, "amount", m), CONSULTANT,
                        "currency-matches", "amount")),
                Combinators.combine(otherCurrency, fresh).as((m, n) -> refused("RegisterInvoice.amount = " + m,
                        new RegisterInvoice(ENGAGEMENT, InvoiceId.of("INV-" + n), day("2026-03-01"), m, List.of(REQUIREMENT)),
                        CONSULTANT, "currency-matches", "amount")),
                otherCurrency.map(m -> refused("AmendCeiling.newCeiling = " + m, new AmendCeiling(ENGAGEMENT, m, "More work",
                        "Head of unit"), BUYER_OFFICIAL, "currency-matches", "newCeiling")),
                otherCurrency.map(m -> refused("CompleteEngagement.evaluation.costsAvoided = " + m,
                        with(complete, "evaluation", with(complete.evaluation(), "costsAvoided", m)), BUYER_OFFICIAL,
                        "currency-matches", "evaluation.costsAvoided")),
                otherCurrency.map(m -> refused("CommissionEngagement.inHouseAlternative.estimatedCost = " + m,
                        with(commission, "inHouseAlternative", new InHouseAlternative("Two analysts for a year", m)), BUYER_OFFICIAL,
                        "currency-matches", "inHouseAlternative.estimatedCost")),
                // a target level that is not above the baseline
                Arbitraries.integers().between(0, 5).flatMap(baseline -> Combinators.combine(Arbitraries.integers().between(0, baseline), fresh)
                        .as((target, n) -> refused("DefineCapabilityTarget " + baseline + " -> " + target,
                                new DefineCapabilityTarget(ENGAGEMENT, CapabilityTargetId.of("CAP-NEW-" + n), "Capability", "Team", baseline, target),
                                AGENCY_STAFF, "target-above-baseline", "targetLevel"))),
                // huge amounts: beyond the ceiling, beyond the recorded cost
                amounts(CEILING.minus(COMMITTED).amount().add(new BigDecimal("0.01")), new BigDecimal("999999999999.99"))
                        .map(m -> new Invalid("RecordExpense.amount = " + m, with(expense, "amount", m), CONSULTANT,
                                new Refusal(CeilingExceededException.class, "ceiling-exceeded", "ceiling"))),
                Combinators.combine(Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("24")).ofScale(2),
                                amounts(new BigDecimal("0.01"), new BigDecimal("999999999999.99")))
                        .filter((hours, rate) -> rate.amount().multiply(hours).compareTo(CEILING.minus(COMMITTED).amount()) > 0)
                        .as((hours, rate) -> new Invalid("LogTime " + hours + " h at " + rate,
                                with(with(logTime, "hours", hours), "hourlyRate", rate), CONSULTANT,
                                rate.amount().multiply(hours).setScale(2, RoundingMode.HALF_EVEN).compareTo(Money.LIMIT) >= 0
                                        ? new Refusal(RuleViolationException.class, "amount-limit", "hours x hourlyRate")
                                        : new Refusal(CeilingExceededException.class, "ceiling-exceeded", "ceiling"))),
                Combinators.combine(amounts(COMMITTED.amount().add(new BigDecimal("0.01")), new BigDecimal("999999999999.99")), fresh)
                        .as((m, n) -> refused("RegisterInvoice.amount = " + m,
                                new RegisterInvoice(ENGAGEMENT, InvoiceId.of("INV-" + n), day("2026-03-01"), m, List.of(REQUIREMENT)),
                                CONSULTANT, "invoiced-within-committed", "invoices may not exceed recorded cost")));
    }

    private static Invalid refused(String label, EngagementCommand command, Actor actor, String rule, String field) {
        return new Invalid(label, command, actor, new Refusal(RuleViolationException.class, rule, field));
    }

    // ---- values that cannot be built ---------------------------------------------------------------------------

    @Provide
    Arbitrary<Unbuildable> unbuildableValues() {
        List<Arbitrary<Unbuildable>> ways = new ArrayList<>();
        List<IdType> ids = List.of(new IdType("EngagementId", EngagementId::new), new IdType("RequirementId", RequirementId::new),
                new IdType("InvoiceId", InvoiceId::new), new IdType("MilestoneId", MilestoneId::new),
                new IdType("CapabilityTargetId", CapabilityTargetId::new), new IdType("FeedbackId", FeedbackId::new));
        for (IdType id : ids) {
            ways.add(Arbitraries.just(id.unbuildable(null, "must not be null")));
            ways.add(blanks().filter(s -> s.isBlank()).map(s -> id.unbuildable(s, "must not be blank")));
            ways.add(oversized(org.engagementledger.api.Identifier.MAX_LENGTH).filter(s -> !s.isBlank())
                    .map(s -> id.unbuildable(s, "must be at most 64 characters")));
            ways.add(oddIdentifiers("[A-Za-z0-9][A-Za-z0-9._:/-]*").filter(s -> !s.isBlank() && s.length() <= 64)
                    .map(s -> id.unbuildable(s, "must match")));
        }
        // amounts with more decimals than the currency has
        ways.add(Combinators.combine(minorUnitCurrencies(), Arbitraries.longs().between(1, 999_999_999L), Arbitraries.integers().between(1, 4))
                .as((currency, units, extra) -> {
                    BigDecimal amount = BigDecimal.valueOf(units * 10 + 1, currency.getDefaultFractionDigits() + extra);
                    return new Unbuildable("Money " + amount.toPlainString() + " " + currency, () -> new Money(amount, currency),
                            "amount " + amount.toPlainString(), "has more decimals than " + currency.getCurrencyCode() + " allows");
                }));
        // amounts at or beyond the ledger's limit, either sign
        ways.add(Combinators.combine(Arbitraries.bigDecimals().between(Money.LIMIT, new BigDecimal("1E40")).ofScale(2), Arbitraries.of(1, -1))
                .as((amount, sign) -> {
                    BigDecimal signed = sign < 0 ? amount.negate() : amount;
                    return new Unbuildable("Money " + signed.toPlainString() + " EUR", () -> new Money(signed, Currency.getInstance("EUR")),
                            "amount", "must be below " + Money.LIMIT.toPlainString());
                }));
        // currencies without a minor unit (gold, the testing code, ...)
        ways.add(Arbitraries.of(Currency.getAvailableCurrencies().stream().filter(c -> c.getDefaultFractionDigits() < 0).toList())
                .map(currency -> new Unbuildable("Money 1 " + currency, () -> new Money(BigDecimal.ONE, currency),
                        "currency " + currency.getCurrencyCode(), "has no minor unit")));
        // periods that end before they start
        ways.add(Combinators.combine(Arbitraries.longs().between(0, 3_000_000), Arbitraries.longs().between(1, 100_000))
                .as((start, back) -> {
                    LocalDate from = LocalDate.ofEpochDay(start - 1_000_000);
                    LocalDate to = from.minusDays(back);
                    return new Unbuildable("Period " + from + ".." + to, () -> new Period(from, to), "period.start", "must not be after period.end");
                }));
        return Arbitraries.oneOf(ways);
    }

    record IdType(String name, Function<String, Object> constructor) {
        Unbuildable unbuildable(String value, String rule) {
            return new Unbuildable(name + " " + show(value), () -> constructor.apply(value), name, rule);
        }
    }

    // ---- generators ---------------------------------------------------------------------------------------------

    /** Empty, or only characters Jakarta's {@code @NotBlank} trims away: spaces, tabs, line breaks and other control characters. */
    static Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(' ', '\t', '\n', '\r', '\u000B', '\f', '\u0000', '\u001F').ofMinLength(0).ofMaxLength(30);
    }

    /** Strings longer than {@code max} UTF-16 characters, made of odd Unicode pieces repeated. */
    static Arbitrary<String> oversized(int max) {
        Arbitrary<String> piece = Arbitraries.of("a", "Z", "9", "é", "e\u0301", "ß", "\u202Egnp.exe", "\uD83D\uDE00", "\uD83D\uDC69\u200D\uD83D\uDCBB",
                "\u4E2D\u6587", "\u200B", "\uFEFF", "\u05D0\u05D1", "\u0645\u0631\u062D\u0628\u0627", "\u03A9", "\uD834\uDD1E", " ", "\n", "\u00A0");
        return Combinators.combine(piece.list().ofMinSize(1).ofMaxSize(6), Arbitraries.integers().between(max + 1, max + 300))
                .as((pieces, length) -> {
                    String seed = String.join("", pieces);
                    StringBuilder text = new StringBuilder(length + seed.length());
                    while (text.length() < length) {
                        text.append(seed);
                    }
                    return text.toString();
                });
    }

    /** Non-empty strings of at most 64 characters that do not match an identifier pattern: other alphabets, spaces, punctuation, a bad first character. */
    static Arbitrary<String> oddIdentifiers(String regexp) {
        java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(regexp);
        Arbitrary<String> valid = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(0).ofMaxLength(20);
        Arbitrary<String> odd = Arbitraries.strings().withChars("äöüßéñ中文ω \t#?%&*+=@!$,;'\"<>\\\u00A0\u200B\uFEFF\uD83D\uDE00")
                .ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> badStart = Arbitraries.of("-", ".", "_", ":", "/");
        return Arbitraries.oneOf(
                        Combinators.combine(valid, odd, valid).as((a, b, c) -> "x" + a + b + c),
                        Combinators.combine(badStart, valid).as((a, b) -> a + b))
                .filter(s -> s.length() <= 64 && !compiled.matcher(s).matches());
    }

    /** EUR amounts in [from, to]. */
    static Arbitrary<Money> amounts(BigDecimal from, BigDecimal to) {
        return Arbitraries.bigDecimals().between(from, to).ofScale(2).map(a -> new Money(a, Currency.getInstance("EUR")));
    }

    /** Positive amounts up to 1,000 in any currency with a minor unit other than the engagement's (EUR). */
    static Arbitrary<Money> otherCurrencyAmounts() {
        return Combinators.combine(minorUnitCurrencies().filter(c -> !c.getCurrencyCode().equals("EUR")),
                        Arbitraries.longs().between(1, 100_000))
                .as((currency, units) -> new Money(BigDecimal.valueOf(units, Math.min(2, currency.getDefaultFractionDigits())), currency));
    }

    static Arbitrary<Currency> minorUnitCurrencies() {
        return Arbitraries.of(Currency.getAvailableCurrencies().stream().filter(c -> c.getDefaultFractionDigits() >= 0)
                .sorted(java.util.Comparator.comparing(Currency::getCurrencyCode)).toList());
    }

    private static Field field(Record record, String name) {
        try {
            return record.getClass().getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String show(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        String escaped = text.chars().limit(40).mapToObj(c -> c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : Character.toString(c))
                .collect(Collectors.joining());
        return text.length() > 40 ? escaped + "... (" + text.length() + " chars)" : escaped;
    }
}
