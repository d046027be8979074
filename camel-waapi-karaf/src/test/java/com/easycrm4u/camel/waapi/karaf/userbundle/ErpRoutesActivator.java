package com.easycrm4u.camel.waapi.karaf.userbundle;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import com.easycrm4u.camel.waapi.WaapiComponent;
import com.easycrm4u.camel.waapi.examples.erp.DeadLetters;
import com.easycrm4u.camel.waapi.examples.erp.DeliveryReport;
import com.easycrm4u.camel.waapi.examples.erp.OrderBook;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.ResourceHelper;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationException;
import org.osgi.service.cm.ManagedService;

/**
 * The activator of the bundle KarafFeatureInstallTest deploys into Karaf: the example's YAML routes and beans,
 * unchanged, in a Camel context of camel-core-osgi on this bundle, as docs/karaf.md has a user's bundle do where
 * camel-blueprint is not installed. The waapi component, found by Camel Karaf's component resolver, takes its options
 * from the ConfigAdmin PID {@value #WAAPI_PID} (etc/com.easycrm4u.camel.waapi.cfg), the webhook's Vert.x server its
 * host and port from the same PID, and the example its folders from {@value #EXAMPLE_PID}. A change of either PID
 * restarts the context.
 */
public final class ErpRoutesActivator implements BundleActivator {

    public static final String WAAPI_PID = "com.easycrm4u.camel.waapi";
    public static final String EXAMPLE_PID = "com.easycrm4u.camel.waapi.examples.erp";

    private static final List<String> NOT_OPTIONS = List.of(Constants.SERVICE_PID, "felix.fileinstall.filename");

    private final Map<String, Map<String, Object>> configurations = new HashMap<>();
    private final List<ServiceRegistration<?>> registrations = new CopyOnWriteArrayList<>();
    private BundleContext bundleContext;
    private CamelContext camel;

    @Override
    public void start(BundleContext context) {
        bundleContext = context;
        for (String pid : List.of(WAAPI_PID, EXAMPLE_PID)) {
            ManagedService configuration = properties -> configure(pid, properties);
            registrations.add(context.registerService(ManagedService.class, configuration,
                    new Hashtable<>(Map.of(Constants.SERVICE_PID, pid))));
        }
    }

    @Override
    public void stop(BundleContext context) throws Exception {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
        synchronized (this) {
            stopCamel();
        }
    }

    private synchronized void configure(String pid, Dictionary<String, ?> properties) throws ConfigurationException {
        if (properties == null) {
            configurations.remove(pid);
        } else {
            Map<String, Object> values = new HashMap<>();
            Collections.list(properties.keys()).stream().filter(key -> !NOT_OPTIONS.contains(key))
                    .forEach(key -> values.put(key, properties.get(key)));
            configurations.put(pid, values);
        }
        stopCamel();
        if (configurations.containsKey(WAAPI_PID) && configurations.containsKey(EXAMPLE_PID)) {
            OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
            try {
                startCamel(context, new HashMap<>(configurations.get(WAAPI_PID)), configurations.get(EXAMPLE_PID));
                camel = context;
            } catch (ConfigurationException e) {
                context.stop();
                throw e;
            } catch (Exception e) {
                context.stop();
                throw new ConfigurationException(null, "the example's routes did not start", e);
            }
        }
    }

    private static void startCamel(CamelContext context, Map<String, Object> waapiOptions, Map<String, Object> example)
            throws Exception {
        Path workDir = Path.of(String.valueOf(example.get("workDir")));
        context.getRegistry().bind("orderBook", new OrderBook());
        context.getRegistry().bind("deadLetters", new DeadLetters());
        context.getRegistry().bind("deliveryReport", new DeliveryReport(workDir.resolve("delivery-report.json")));
        Properties properties = new Properties();
        properties.setProperty("example.inbox", workDir.resolve("inbox").toString());
        properties.setProperty("example.dead-letter", workDir.resolve("dead-letter").toString());
        context.getPropertiesComponent().setInitialProperties(properties);

        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost(String.valueOf(waapiOptions.getOrDefault("webhookHost", "0.0.0.0")));
        server.setBindPort(Integer.parseInt(String.valueOf(waapiOptions.getOrDefault("webhookPort", "8090"))));
        waapiOptions.remove("webhookHost");
        waapiOptions.remove("webhookPort");
        context.addService(new VertxPlatformHttpServer(server));

        // the component of camel-waapi's bundle, as Camel Karaf's resolver finds it, given the PID's options through its
        // generated configurer (as Camel Main does with camel.component.waapi.* properties)
        WaapiComponent waapi = context.getComponent("waapi", WaapiComponent.class);
        PropertyConfigurer configurer
                = PluginHelper.getConfigurerResolver(context).resolvePropertyConfigurer("waapi-component", context);
        if (configurer == null) {
            throw new IllegalStateException("no configurer of the waapi component in camel-waapi's bundle");
        }
        PropertyBindingSupport.build().withCamelContext(context).withTarget(waapi).withConfigurer(configurer)
                .withProperties(waapiOptions).withRemoveParameters(true).bind();
        if (!waapiOptions.isEmpty()) {
            throw new ConfigurationException(waapiOptions.keySet().iterator().next(), "not an option of the waapi component");
        }
        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/erp-to-whatsapp.yaml"));
        context.start();
    }

    private void stopCamel() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }
}
