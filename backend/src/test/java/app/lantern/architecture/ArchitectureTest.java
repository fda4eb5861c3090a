package app.lantern.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/** Package by feature: a feature's internal and graphql packages are its own; features do not form cycles. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.lantern");

    private static String feature(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 2 ? parts[2] : "";
    }

    @Test
    void internalAndGraphqlPackagesAreUsedOnlyByTheirOwnFeature() {
        ArchRuleDefinition.classes().should(new ArchCondition<>("be used only from their own feature if internal or graphql") {
            @Override
            public void check(JavaClass target, ConditionEvents events) {
                String pkg = target.getPackageName();
                if (!(pkg.endsWith(".internal") || pkg.endsWith(".graphql")) || pkg.startsWith("app.lantern.shared")) {
                    return;
                }
                target.getAccessesToSelf().forEach(access -> {
                    JavaClass origin = access.getOriginOwner();
                    if (!feature(origin).equals(feature(target))) {
                        events.add(SimpleConditionEvent.violated(access, origin.getName() + " uses " + target.getName()
                                + " of another feature's " + pkg.substring(pkg.lastIndexOf('.') + 1) + " package"));
                    }
                });
            }
        }).check(MAIN);
    }

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("app.lantern.(*)..").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), DescribedPredicate.describe("shared", (JavaClass c) -> c.getPackageName().startsWith("app.lantern.shared")))
                .check(MAIN);
    }
}
