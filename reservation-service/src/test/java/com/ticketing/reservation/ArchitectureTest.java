package com.ticketing.reservation;

import com.ticketing.common.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules every service keeps ({@link ServiceArchitecture}), on this service's classes. */
@AnalyzeClasses(packagesOf = ReservationServiceApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule rules = ServiceArchitecture.domainIn("com.ticketing.reservation.domain").rules();
}
