package org.engagementledger.sample.web;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import org.engagementledger.storage.LedgerJson;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.math.BigDecimal;

/**
 * The API speaks the ledger's JSON form (see {@code LedgerJson}): ids as bare strings, amounts and hours as
 * decimal strings ({@code {"amount":"1250.00","currency":"EUR"}}), ISO-8601 dates, only record components.
 * Spring Boot's own mapper is kept (so problem details keep their flat form) and taught those rules; a request
 * with a property the command does not have is refused, so that a misspelt field is named rather than ignored.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer ledgerJsonForm() {
        return builder -> builder
                .modulesToInstall(modules -> modules.add(LedgerJson.identifiers()))
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .featuresToEnable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .postConfigurer(mapper -> mapper.configOverride(BigDecimal.class)
                        .setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)));
    }
}
