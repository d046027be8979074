package com.easycrm4u.camel.waapi.quarkus;

import com.easycrm4u.camel.waapi.WaapiComponent;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;

/** Creates the {@code waapi} component while the application is built, so Camel finds it in its registry. */
@Recorder
public class WaapiRecorder {

    public RuntimeValue<WaapiComponent> createWaapiComponent() {
        return new RuntimeValue<>(new WaapiComponent());
    }
}
