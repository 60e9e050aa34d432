package org.rapport.console.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.rapport.security.Access;
import org.rapport.web.ApiException;
import org.rapport.web.JsonServlet;

/**
 * {@code /api/v1/system/config}: the configurable components (GET), one component's form and
 * current values ({@code GET /{pid}} or {@code /{factoryPid}~{name}}), save
 * ({@code PUT /{key}} with {@code {"values": {...}}}, written to {@code DATA/config/<key>.cfg.json})
 * and reset ({@code DELETE /{key}} removes that file). Admins only.
 */
@Component(service = Servlet.class, property = {Access.READ + "=admin", Access.WRITE + "=admin", Access.SCOPE + "=system"})
@HttpWhiteboardServletPattern({"/api/v1/system/config", "/api/v1/system/config/*"})
public final class ConfigServlet extends JsonServlet {
    private static final long serialVersionUID = 1L;

    /** The body of a save. */
    public record SaveRequest(Map<String, Object> values) {
    }

    private final transient ConfigCatalog catalog;
    private final transient ConfigFiles files;
    private final transient ConfigurationAdmin admin;

    @Activate
    public ConfigServlet(BundleContext context, @Reference MetaTypeService metatype, @Reference ConfigurationAdmin admin) {
        this.catalog = new ConfigCatalog(context, metatype);
        String data = context.getProperty("rapport.data");
        this.files = new ConfigFiles(Path.of(data == null ? "data" : data, "config"));
        this.admin = admin;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String key = key(req);
        if (key == null) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (ConfigCatalog.Item item : catalog.items()) {
                Map<String, Object> json = ConfigCatalog.summary(item);
                if (item.factory()) {
                    json.put("instances", instances(item.pid()));
                }
                items.add(json);
            }
            writeJson(resp, 200, Map.of("items", items));
            return;
        }
        ConfigCatalog.Item item = item(key);
        Map<String, Object> json = ConfigCatalog.summary(item);
        json.put("key", key);
        json.put("attributes", item.schema().attributesJson());
        Map<String, Object> values = new TreeMap<>();
        List<String> secrets = new ArrayList<>();
        current(key).forEach((k, v) -> {
            if (item.schema().isPassword(k)) {
                secrets.add(k);
            } else {
                values.put(k, v);
            }
        });
        json.put("values", values);
        json.put("secretsSet", secrets);
        json.put("overridden", !files.read(key).isEmpty());
        writeJson(resp, 200, json);
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String key = key(req);
        if (key == null) {
            throw ApiException.notFound("PUT /api/v1/system/config/{pid} saves one configuration");
        }
        ConfigCatalog.Item item = item(key);
        SaveRequest body = readJson(req, SaveRequest.class);
        Map<String, String> errors = new TreeMap<>();
        Map<String, Object> converted = item.schema().convert(body.values() == null ? Map.of() : body.values(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Map<String, Object> previous = files.read(key);
        Map<String, Object> toWrite = new LinkedHashMap<>(converted);
        previous.forEach((k, v) -> {
            if (item.schema().isPassword(k) && !toWrite.containsKey(k)) {
                toWrite.put(k, v); // an untouched secret stays as written (possibly an ${env:...} reference)
            }
        });
        files.write(key, toWrite);
        writeJson(resp, 200, Map.of("key", key, "file", files.file(key).getFileName().toString(), "saved", true));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String key = key(req);
        if (key == null) {
            throw ApiException.notFound("DELETE /api/v1/system/config/{pid} removes its override file");
        }
        if (!files.delete(key)) {
            throw ApiException.notFound("No file DATA/config/" + key + ".cfg.json to remove");
        }
        resp.setStatus(204);
    }

    private static String key(HttpServletRequest req) {
        String info = req.getPathInfo();
        if (info == null || info.equals("/")) {
            return null;
        }
        String key = info.substring(1);
        ConfigFiles.checkKey(key);
        return key;
    }

    private ConfigCatalog.Item item(String key) {
        int tilde = key.indexOf('~');
        String pid = tilde < 0 ? key : key.substring(0, tilde);
        ConfigCatalog.Item item = catalog.find(pid)
                .orElseThrow(() -> ApiException.notFound("No configurable component with PID " + pid));
        if (item.factory() != (tilde >= 0)) {
            throw ApiException.badRequest(item.factory()
                    ? pid + " is a factory: address an instance as " + pid + "~<name>"
                    : pid + " is not a factory: it has no named instances");
        }
        return item;
    }

    private List<String> instances(String factoryPid) throws IOException {
        java.util.Set<String> names = new java.util.TreeSet<>(files.instances(factoryPid));
        for (Configuration c : list("(service.factoryPid=" + factoryPid + ")")) {
            String pid = c.getPid();
            if (pid.startsWith(factoryPid + "~")) {
                names.add(pid.substring(factoryPid.length() + 1));
            }
        }
        return List.copyOf(names);
    }

    private Map<String, Object> current(String key) throws IOException {
        Map<String, Object> values = new TreeMap<>();
        for (Configuration c : list("(service.pid=" + key + ")")) {
            Dictionary<String, Object> props = c.getProperties();
            if (props == null) {
                continue;
            }
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
                String k = keys.nextElement();
                if (!k.startsWith("service.") && !k.startsWith("component.") && !k.startsWith("felix.")) {
                    Object v = props.get(k);
                    values.put(k, v != null && v.getClass().isArray() ? toList(v) : v);
                }
            }
        }
        return values;
    }

    private static List<Object> toList(Object array) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(array); i++) {
            list.add(java.lang.reflect.Array.get(array, i));
        }
        return list;
    }

    private List<Configuration> list(String filter) throws IOException {
        try {
            Configuration[] found = admin.listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw ApiException.badRequest("Not a valid PID");
        }
    }
}
