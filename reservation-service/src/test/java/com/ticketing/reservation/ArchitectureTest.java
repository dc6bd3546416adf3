package com.ticketing.reservation;

import com.ticketing.common.architecture.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules every service keeps ({@link ServiceArchitecture}), on this service's classes. */
@AnalyzeClasses(packagesOf = ReservationServiceApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // Not seen by the rules, which read compiled classes: HoldingSeat, LockingForPayment and ConcertCatalog use the
    // String constants of web/ReservationErrors, which the compiler copies into them. Moved by the
    // service-template pass (ReservationErrors at the service root).
    @ArchTest
    static final ArchRule rules = ServiceArchitecture.domainIn("com.ticketing.reservation.reservation").rules();
}
