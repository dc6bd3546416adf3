package com.ticketing.common.config;

import com.ticketing.common.auth.Admitted;
import com.ticketing.common.auth.CurrentUser;
import com.ticketing.common.docs.ApiDocsDefinition;
import com.ticketing.common.docs.ApiDocsOperationCustomizer;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The OpenAPI description every servlet service publishes at {@code /v3/api-docs} (springdoc, when the service
 * has it): shared error body, {@code {"data"}} envelope, queue-token scheme, relative server. Off with
 * {@code springdoc.api-docs.enabled=false} ({@code API_DOCS_ENABLED}); which paths are public is set in
 * ticketing-defaults.yml ({@code springdoc.paths-to-match}).
 */
@AutoConfiguration(beforeName = "org.springdoc.core.configuration.SpringDocConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OperationCustomizer")
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class ApiDocsAutoConfiguration {

    static {
        // Bound from the gateway's X-User-Id and X-Queue-Room headers: not something a client sends.
        SpringDocUtils.getConfig().addAnnotationsToIgnore(CurrentUser.class, Admitted.class);
    }

    @Bean
    @ConditionalOnMissingBean(OpenAPI.class)
    OpenAPI ticketingOpenApi(@Value("${spring.application.name}") String name,
                             @Value("${ticketing.api-docs.description:Public API of ${spring.application.name}, served through the gateway.}") String description,
                             ObjectProvider<BuildProperties> build, ApplicationContext context) {
        return ApiDocsDefinition.of(name, description, version(build.getIfAvailable(), context));
    }

    @Bean
    ApiDocsOperationCustomizer ticketingOperationDocs() {
        return new ApiDocsOperationCustomizer();
    }

    /** The build's version: build-info if generated, else the application jar's manifest, else "dev". */
    private static String version(BuildProperties build, ApplicationContext context) {
        if (build != null && build.getVersion() != null) {
            return build.getVersion();
        }
        return context.getBeansWithAnnotation(SpringBootApplication.class).values().stream()
                .map(bean -> ClassUtils.getUserClass(bean).getPackage().getImplementationVersion())
                .filter(v -> v != null)
                .findFirst()
                .orElse("dev");
    }
}
