package org.rapport.console.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Every configurable component of the running bundles, from the MetaTypeService. */
final class ConfigCatalog {

    /** A configurable PID or factory PID with the bundle that defines it. */
    record Item(String pid, boolean factory, Bundle bundle, ConfigSchema schema) {
    }

    private final BundleContext context;
    private final MetaTypeService metatype;

    ConfigCatalog(BundleContext context, MetaTypeService metatype) {
        this.context = context;
        this.metatype = metatype;
    }

    List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            add(items, info, bundle, info.getPids(), false);
            add(items, info, bundle, info.getFactoryPids(), true);
        }
        items.sort(Comparator.comparing(Item::pid));
        return items;
    }

    private static void add(List<Item> items, MetaTypeInformation info, Bundle bundle, String[] pids, boolean factory) {
        for (String pid : pids == null ? new String[0] : pids) {
            try {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, null);
                if (ocd != null) {
                    items.add(new Item(pid, factory, bundle, new ConfigSchema(ocd)));
                }
            } catch (IllegalArgumentException e) {
                // a PID without a usable definition: not configurable through the form
            }
        }
    }

    Optional<Item> find(String pid) {
        return items().stream().filter(i -> i.pid().equals(pid)).findFirst();
    }

    static Map<String, Object> summary(Item item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pid", item.pid());
        json.put("factory", item.factory());
        json.put("name", item.schema().name());
        json.put("description", item.schema().description());
        json.put("bundle", item.bundle().getSymbolicName());
        return json;
    }
}
