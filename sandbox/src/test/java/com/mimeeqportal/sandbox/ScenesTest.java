package com.mimeeqportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mimeeqportal.sandbox.SandboxProduct.Mode;
import com.mimeeqportal.sandbox.SandboxProduct.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenesTest {

    private static final List<SandboxProduct> MODULAR = SandboxFixture.CATALOG.all().stream()
            .filter(product -> product.mode() == Mode.MODULAR)
            .toList();

    @Test
    void everyModularProductsDefaultSceneHasTwoToFourActiveComponentsOfTheSameOwner() {
        assertTrue(MODULAR.size() > 10);
        for (SandboxProduct modular : MODULAR) {
            Scene scene = scene(modular);
            assertTrue(scene.components().size() >= 2 && scene.components().size() <= 4, modular.productId());
            for (Scene.Component component : scene.components()) {
                SandboxProduct product = component.product();
                assertEquals(modular.ownerAccountId(), product.ownerAccountId());
                assertEquals(Status.ACTIVE, product.status());
                assertNotEquals(Mode.MODULAR, product.mode());
                assertTrue(component.quantity() >= 1 && component.quantity() <= 4);
                assertTrue(component.shortCode().matches("[A-Z0-9]{6}"));
            }
        }
    }

    @Test
    void whoeverSeesAModularProductSeesItsComponents() {
        for (SandboxProduct modular : MODULAR) {
            for (Scene.Component component : scene(modular).components()) {
                assertTrue(component.product().sharedWith().containsAll(modular.sharedWith()),
                        modular.productId() + " → " + component.product().productId());
            }
        }
    }

    @Test
    void theSameConfigurationAlwaysMakesTheSameScene() {
        SandboxProduct modular = MODULAR.getFirst();
        ShortCodeRegistry afterRestart = new ShortCodeRegistry(SandboxFixture.CATALOG);

        String code = afterRestart.codeFor(Configuration.defaultOf(modular));

        assertEquals(SandboxFixture.defaultCode(modular), code);
        assertEquals(scene(modular), ((ShortCodeTarget.SavedScene) afterRestart.resolve(code).orElseThrow()).scene());
    }

    @Test
    void componentsWearTheModularProductsFinishWhereTheyOfferIt() {
        for (SandboxProduct modular : MODULAR) {
            Scene scene = scene(modular);
            for (Scene.Component component : scene.components()) {
                for (Configuration.Selection selection : component.configuration().selections()) {
                    scene.modular().optionIn(selection.block().code())
                            .filter(finish -> selection.block().options().stream()
                                    .anyMatch(option -> option.code().equals(finish.code())))
                            .ifPresent(finish -> assertEquals(finish.code(), selection.option().code()));
                }
            }
        }
    }

    private static Scene scene(SandboxProduct modular) {
        return ((ShortCodeTarget.SavedScene) SandboxFixture.REGISTRY
                .resolve(SandboxFixture.defaultCode(modular)).orElseThrow()).scene();
    }
}
