package com.ticketing.gateway;

import com.ticketing.common.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules of {@link ServiceArchitecture} that fit the gateway: it has no domain and no use cases, only routing,
 * filters and security, so only the import and controller rules apply.
 */
@AnalyzeClasses(packagesOf = GatewayApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rules = ServiceArchitecture.withoutDomain().rules();
}
