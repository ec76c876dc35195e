package com.dbay.platform.test.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Every {@link ArchitectureRules rule} over the production classes of the package the subclass
 * lives in. A service adds one line in its base package:
 *
 * <pre>{@code
 * class ArchitectureTest extends ServiceArchitectureTest {}
 * }</pre>
 */
public abstract class ServiceArchitectureTest {

  private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

  private final String basePackage = getClass().getPackageName();

  private JavaClasses classes() {
    return IMPORTED.computeIfAbsent(
        basePackage,
        p ->
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(p));
  }

  @Test
  void theDomainAndApplicationOfAHexagonUseNoFramework() {
    ArchitectureRules.noFrameworkInTheHexagonsCore(basePackage).check(classes());
  }

  @Test
  void webAdaptersDoNotReachPersistence() {
    ArchitectureRules.webAdaptersDoNotReachPersistence(basePackage).check(classes());
  }

  @Test
  void featuresDoNotImportAWebPackage() {
    ArchitectureRules.featuresDoNotImportAWebPackage(basePackage).check(classes());
  }

  @Test
  void thePackagesBelowTheBaseHaveNoCycles() {
    ArchitectureRules.noCyclesBetweenFeatures(basePackage).check(classes());
  }

  @Test
  void noServiceImportsAnotherServicesClasses() {
    ArchitectureRules.noServiceImportsAnother(basePackage).check(classes());
  }
}
