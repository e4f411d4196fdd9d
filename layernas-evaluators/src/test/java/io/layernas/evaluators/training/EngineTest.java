package io.layernas.evaluators.training;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Tests that build DJL blocks: the engine is started once per class and its arrays live in {@link #manager}. */
abstract class EngineTest {
    static NDManager manager;

    @BeforeAll
    static void startEngine() {
        DjlRuntime.start(DjlRuntime.defaultCacheDir(), 1);
        manager = NDManager.newBaseManager(Device.cpu(), DjlRuntime.engineName());
    }

    @AfterAll
    static void closeManager() {
        manager.close();
    }
}
