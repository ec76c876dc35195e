package com.dbay.platform.test.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * DBay's dependency rules, for any service (or the gateway) whose classes live under {@code
 * basePackage} ({@code com.dbay.wallet}). A service runs them all with a one-line test class,
 * {@code class ArchitectureTest extends ServiceArchitectureTest {}} in its base package; a rule
 * that finds nothing to check (a service without a hexagon) passes.
 *
 * <p>Why each rule (from buckpal's {@code DependencyRuleTests} and the library's {@code
 * NoSpringInDomainLogicTest}): a domain that imports a framework cannot be tested or moved without
 * it; a web adapter that talks to storage skips the rules that live in the services; a feature that
 * imports a web package depends on HTTP (its errors would carry statuses); cycles between features
 * make every change touch both; a service that imports another service's classes is a distributed
 * monolith, sharing through {@code com.dbay.platform} is the only way.
 */
public final class ArchitectureRules {

  /**
   * Packages that mean "a framework": nothing of them belongs in a hexagon's domain or application.
   */
  static final String[] FRAMEWORKS = {
    "org.springframework..", "jakarta.servlet..", "jakarta.persistence..", "org.hibernate.."
  };

  /**
   * Classes that talk to a store directly: a class holding one of these is a persistence adapter.
   */
  static final Set<String> STORE_CLIENTS =
      Set.of(
          "org.springframework.jdbc.core.JdbcTemplate",
          "org.springframework.jdbc.core.JdbcOperations",
          "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
          "org.springframework.jdbc.core.simple.JdbcClient",
          "jakarta.persistence.EntityManager",
          "org.springframework.data.mongodb.core.MongoTemplate",
          "org.springframework.data.mongodb.core.MongoOperations",
          "org.springframework.data.redis.core.StringRedisTemplate",
          "org.springframework.data.redis.core.RedisTemplate",
          "javax.sql.DataSource");

  private ArchitectureRules() {}

  /**
   * The wallet's (any hexagon's) {@code domain} and {@code application} packages use no Spring,
   * servlet or JPA.
   */
  public static ArchRule noFrameworkInTheHexagonsCore(String basePackage) {
    return noClasses()
        .that()
        .resideInAnyPackage(basePackage + ".domain..", basePackage + ".application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FRAMEWORKS)
        .as(
            "the domain and application packages of "
                + basePackage
                + " use no Spring, servlet or JPA")
        .allowEmptyShould(true);
  }

  /** Web adapters go through the services: no repositories, persistence ports or store clients. */
  public static ArchRule webAdaptersDoNotReachPersistence(String basePackage) {
    return noClasses()
        .that()
        .resideInAPackage(basePackage + "..web..")
        .should()
        .dependOnClassesThat(persistence(basePackage))
        .as(
            "web adapters of "
                + basePackage
                + " do not reach repositories, persistence ports or store clients")
        .allowEmptyShould(true);
  }

  /**
   * Nothing outside a {@code web} package imports one: features do not depend on HTTP. The
   * composition root ({@code @Configuration} classes, which wire the adapters) is the exception.
   */
  public static ArchRule featuresDoNotImportAWebPackage(String basePackage) {
    return noClasses()
        .that()
        .resideInAPackage(basePackage + "..")
        .and()
        .resideOutsideOfPackage("..web..")
        .and()
        .areNotMetaAnnotatedWith("org.springframework.context.annotation.Configuration")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(basePackage + "..web..")
        .as("no class of " + basePackage + " outside a web package imports a web package")
        .allowEmptyShould(true);
  }

  /**
   * The packages right below the base (features, or a hexagon's layers) do not depend on each other
   * in a circle.
   */
  public static ArchRule noCyclesBetweenFeatures(String basePackage) {
    return slices()
        .matching(basePackage + ".(*)..")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .as("the packages below " + basePackage + " are free of cycles")
        .allowEmptyShould(true);
  }

  /**
   * A service uses the platform, the Dogecoin library and itself; never another service's (or a
   * Lambda's) classes.
   */
  public static ArchRule noServiceImportsAnother(String basePackage) {
    return noClasses()
        .that()
        .resideInAPackage(basePackage + "..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "belong to another DBay service or Lambda",
                (JavaClass c) ->
                    c.getPackageName().startsWith("com.dbay.")
                        && !within(c, basePackage)
                        && !within(c, "com.dbay.platform")
                        && !within(c, "com.dbay.dogecoin")))
        .as("no class of " + basePackage + " imports another service's classes")
        .allowEmptyShould(true);
  }

  static DescribedPredicate<JavaClass> persistence(String basePackage) {
    return DescribedPredicate.describe(
        "are repositories, persistence ports or store clients",
        (JavaClass c) ->
            isStoreClient(c)
                || (within(c, basePackage)
                    && (c.getPackageName().contains(".persistence")
                        || c.getPackageName().contains(".port.out")))
                || c.isAssignableTo("org.springframework.data.repository.Repository")
                || (within(c, basePackage) && holdsAStoreClient(c)));
  }

  private static boolean isStoreClient(JavaClass c) {
    return STORE_CLIENTS.contains(c.getName());
  }

  /**
   * A class of the service whose fields or constructor take a store client: it is a persistence
   * adapter, whatever its name.
   */
  private static boolean holdsAStoreClient(JavaClass c) {
    if (c.getFields().stream().anyMatch(f -> STORE_CLIENTS.contains(f.getRawType().getName()))) {
      return true;
    }
    for (Dependency d : c.getDirectDependenciesFromSelf()) {
      if (isStoreClient(d.getTargetClass()) && d.getDescription().contains("constructor")) {
        return true;
      }
    }
    return false;
  }

  private static boolean within(JavaClass c, String pkg) {
    return c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
  }
}
