package com.ticketing.common.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rules every service keeps, written once and checked by a small {@code ArchitectureTest} in each
 * service ({@code @AnalyzeClasses(packagesOf = <Service>Application.class)} and one {@code @ArchTest} field holding
 * {@link #rules()}):
 * <ul>
 *   <li>{@link #domainIsPlainJava()}: the domain is free of Spring, JDBC and HTTP types;</li>
 *   <li>{@link #useCasesNeverUseWeb()}: use cases never use the service's web layer;</li>
 *   <li>{@link #noImportsAcrossServices()}: {@code com.ticketing.<service>} uses only itself,
 *       {@code com.ticketing.common} and libraries;</li>
 *   <li>{@link #controllersArePackagePrivate()}: nothing but the framework calls a controller.</li>
 * </ul>
 *
 * <p><b>The domain.</b> Services are packaged by feature (docs/service-template.md): the model several features
 * share lives in {@code <service>/domain} ({@code reservation/domain/Reservation}, {@code payment/domain/Payment}),
 * a model one feature uses shares that feature's package with its use cases ({@code user/balance}). Each
 * service names its domain packages ({@link #domainIn}); in them, the domain is every class that is not Spring
 * wiring: not a Spring component (use cases, repositories), configuration or configuration-properties class, not a
 * Spring Data repository, not a class extending or implementing a framework type (a filter, a converter), and not
 * nested in one of those. What is left are the aggregates, value types, states, events and refusals.
 *
 * <p><b>Use cases</b> are the classes outside {@code web} packages, other than controllers, configuration and
 * framework plug-ins. They may use {@code com.ticketing.common}'s shared types, never the service's own
 * {@code web} classes (request bodies, views, error mapping).
 *
 * <p>The rules read compiled classes: a {@code static final} constant of primitive or String type is copied into
 * the classes that use it, so using such a constant leaves no trace for them to see.
 *
 * <p>{@link #except} names the strays a later move puts right: dependencies from or to a named class (or a class
 * nested in it) are not counted. Give each one its reason in the test.
 */
public final class ServiceArchitecture {

    private static final String[] FRAMEWORK_PACKAGES = {
            "org.springframework..",
            "java.sql..", "javax.sql..",
            "jakarta.servlet..", "jakarta.ws.rs..",
            "java.net.http..", "org.apache.hc..", "org.apache.http..", "reactor.netty.http..", "okhttp3.."};
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";

    private static final DescribedPredicate<JavaClass> FRAMEWORK_PLUGIN = DescribedPredicate.describe(
            "extends or implements a framework type", type ->
                    type.getAllRawSuperclasses().stream().anyMatch(resideInAnyPackage(FRAMEWORK_PACKAGES))
                            || type.getAllRawInterfaces().stream().anyMatch(resideInAnyPackage(FRAMEWORK_PACKAGES)));

    private static final DescribedPredicate<JavaClass> SPRING_WIRING = DescribedPredicate.describe(
            "Spring wiring", type -> type.isMetaAnnotatedWith("org.springframework.stereotype.Component")
                    || type.isMetaAnnotatedWith("org.springframework.boot.context.properties.ConfigurationProperties")
                    || type.isAssignableTo("org.springframework.data.repository.Repository")
                    || FRAMEWORK_PLUGIN.test(type));

    private static final DescribedPredicate<JavaClass> NOT_A_USE_CASE = DescribedPredicate.describe(
            "web, controllers, configuration, framework plug-ins", type -> (type.getPackageName() + ".").contains(".web.")
                    || type.isMetaAnnotatedWith(CONTROLLER)
                    || type.isMetaAnnotatedWith("org.springframework.context.annotation.Configuration")
                    || FRAMEWORK_PLUGIN.test(type));

    private final List<String> domainPackages;
    private final Set<String> strays;

    private ServiceArchitecture(List<String> domainPackages, Set<String> strays) {
        this.domainPackages = domainPackages;
        this.strays = strays;
    }

    /** The rules for a service whose domain lives in the given packages (not their sub-packages). */
    public static ServiceArchitecture domainIn(String... packages) {
        return new ServiceArchitecture(List.of(packages), Set.of());
    }

    /** The rules for a process with no domain (the gateway: routing, filters, security): imports and controllers. */
    public static ServiceArchitecture withoutDomain() {
        return new ServiceArchitecture(List.of(), Set.of());
    }

    /** The same rules, not counting dependencies from or to the named classes (fully qualified names). */
    public ServiceArchitecture except(String... classNames) {
        return new ServiceArchitecture(domainPackages, Set.of(classNames));
    }

    /** All four rules as one; {@link #withoutDomain()}: the import and controller rules only. */
    public ArchRule rules() {
        CompositeArchRule boundaries = CompositeArchRule.of(noImportsAcrossServices()).and(controllersArePackagePrivate());
        return domainPackages.isEmpty() ? boundaries
                : CompositeArchRule.of(domainIsPlainJava()).and(useCasesNeverUseWeb()).and(boundaries);
    }

    public ArchRule domainIsPlainJava() {
        DescribedPredicate<JavaClass> domain = DescribedPredicate.describe(
                "are in the domain (" + String.join(", ", domainPackages) + ", less Spring wiring)",
                type -> domainPackages.contains(type.getPackageName()) && !SPRING_WIRING.test(outermost(type)));
        return classes().that(domain)
                .should(dependOnNothingIn(resideInAnyPackage(FRAMEWORK_PACKAGES), "Spring, JDBC or HTTP types"))
                .as("the domain is free of Spring, JDBC and HTTP types");
    }

    public ArchRule useCasesNeverUseWeb() {
        DescribedPredicate<JavaClass> useCases = DescribedPredicate.describe(
                "are use cases (outside web, not controllers, configuration or framework plug-ins)",
                type -> type.getPackageName().startsWith("com.ticketing.") && !NOT_A_USE_CASE.test(outermost(type)));
        return classes().that(useCases)
                .should(dependOnNothingIn(resideInAPackage("com.ticketing..web..")
                        .and(not(resideInAPackage("com.ticketing.common.."))), "the service's web packages"))
                .as("use cases never use the service's web layer")
                .allowEmptyShould(true);
    }

    public ArchRule noImportsAcrossServices() {
        return classes().that().resideInAPackage("com.ticketing..")
                .should(new ArchCondition<JavaClass>("use only their own service, com.ticketing.common and libraries") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String own = service(origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            String other = service(dependency.getTargetClass());
                            if (other != null && !other.equals(own) && !other.equals("common") && !stray(dependency)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .as("no imports across services");
    }

    public ArchRule controllersArePackagePrivate() {
        return classes().that().areMetaAnnotatedWith(CONTROLLER)
                .and(DescribedPredicate.describe("are not named strays", type -> !strays.contains(outermost(type).getName())))
                .should().bePackagePrivate()
                .as("controllers are package-private")
                .allowEmptyShould(true);
    }

    private ArchCondition<JavaClass> dependOnNothingIn(DescribedPredicate<JavaClass> forbidden, String what) {
        return new ArchCondition<>("depend on no " + what) {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    if (forbidden.test(dependency.getTargetClass()) && !stray(dependency)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private boolean stray(Dependency dependency) {
        return strays.contains(outermost(dependency.getOriginClass()).getName())
                || strays.contains(outermost(dependency.getTargetClass()).getName());
    }

    /** {@code com.ticketing.<service>.…} → {@code <service>}; null outside the project. */
    private static String service(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("com.ticketing.")) {
            return null;
        }
        String rest = name.substring("com.ticketing.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass current = type;
        for (Optional<JavaClass> enclosing = current.getEnclosingClass(); enclosing.isPresent();
             enclosing = current.getEnclosingClass()) {
            current = enclosing.get();
        }
        return current;
    }
}
