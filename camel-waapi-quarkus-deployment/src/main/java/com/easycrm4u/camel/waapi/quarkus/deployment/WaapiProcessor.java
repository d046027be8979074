package com.easycrm4u.camel.waapi.quarkus.deployment;

import java.util.List;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.WaapiComponentConfigurer;
import com.easycrm4u.camel.waapi.WaapiConfiguration;
import com.easycrm4u.camel.waapi.WaapiConstants;
import com.easycrm4u.camel.waapi.WaapiEndpointConfigurer;
import com.easycrm4u.camel.waapi.WaapiEndpointUriFactory;
import com.easycrm4u.camel.waapi.quarkus.WaapiRecorder;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import org.apache.camel.quarkus.core.deployment.spi.CamelBeanBuildItem;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;

class WaapiProcessor {

    static final String FEATURE = "camel-waapi";

    private static final String COMPONENT_PACKAGE = WaapiComponent.class.getPackageName() + ".";
    private static final String JACKSON_ANNOTATIONS = "com.fasterxml.jackson.";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    CamelBeanBuildItem waapiComponent(WaapiRecorder recorder) {
        return new CamelBeanBuildItem(WaapiConstants.SCHEME, WaapiComponent.class.getName(), recorder.createWaapiComponent());
    }

    /** The API is HTTPS only. */
    @BuildStep
    ExtensionSslNativeSupportBuildItem sslNativeSupport() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }

    /** The generated configurers and URI factory are found through service files and created reflectively. */
    @BuildStep
    ReflectiveClassBuildItem configurers() {
        return ReflectiveClassBuildItem.builder(WaapiComponentConfigurer.class, WaapiEndpointConfigurer.class,
                WaapiEndpointUriFactory.class, WaapiConfiguration.class).methods().build();
    }

    /**
     * Every class Jackson reads or writes: the request and response models (the {@code model} packages) and any other
     * class of the component that carries a Jackson annotation (such as the webhook events).
     */
    @BuildStep
    ReflectiveClassBuildItem jacksonModels(CombinedIndexBuildItem combinedIndex) {
        List<String> models = combinedIndex.getIndex().getKnownClasses().stream()
                .filter(WaapiProcessor::isJacksonModel)
                .map(ClassInfo::name)
                .map(DotName::toString)
                .sorted()
                .toList();
        return ReflectiveClassBuildItem.builder(models.toArray(String[]::new)).methods().fields().build();
    }

    static boolean isJacksonModel(ClassInfo type) {
        String name = type.name().toString();
        if (!name.startsWith(COMPONENT_PACKAGE)) {
            return false;
        }
        return type.name().packagePrefix().endsWith(".model")
                || type.annotationsMap().keySet().stream()
                        .anyMatch(annotation -> annotation.toString().startsWith(JACKSON_ANNOTATIONS));
    }
}
