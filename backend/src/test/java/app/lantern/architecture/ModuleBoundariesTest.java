package app.lantern.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * Package by feature, as STYLE.md says: {@code app.lantern.<feature>.internal} and
 * {@code .graphql} belong to their feature alone; {@code shared} depends on no feature.
 */
class ModuleBoundariesTest {

    private static final JavaClasses LANTERN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.lantern");

    @Test
    void internalsAndControllersAreUsedOnlyByTheirOwnFeature() {
        classes().that().resideInAPackage("app.lantern..")
                .should(new ArchCondition<>("use other features only through their public API") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        String feature = feature(origin);
                        origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                            JavaClass target = dependency.getTargetClass();
                            String targetPackage = target.getPackageName();
                            if (!targetPackage.startsWith("app.lantern.")) {
                                return;
                            }
                            boolean privatePart = targetPackage.contains(".internal") || targetPackage.endsWith(".graphql")
                                    || targetPackage.contains(".graphql.");
                            boolean sharedGraphQl = targetPackage.startsWith("app.lantern.shared.");
                            if (privatePart && !sharedGraphQl && !feature(target).equals(feature)) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        });
                    }
                })
                .check(LANTERN);
    }

    @Test
    void sharedDependsOnNoFeature() {
        noClasses().that().resideInAPackage("app.lantern.shared..")
                .should().dependOnClassesThat(new DescribedPredicate<>("belong to a feature") {
                    @Override
                    public boolean test(JavaClass input) {
                        String name = input.getPackageName();
                        return name.startsWith("app.lantern.") && !name.startsWith("app.lantern.shared");
                    }
                })
                .check(LANTERN);
    }

    private static String feature(JavaClass javaClass) {
        String rest = javaClass.getPackageName().replaceFirst("^app\\.lantern\\.?", "");
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
