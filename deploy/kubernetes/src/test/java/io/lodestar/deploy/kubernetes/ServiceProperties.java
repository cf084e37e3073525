package io.lodestar.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's {@code src/main/resources/application.properties}, as the container reads it (profile prod). */
final class ServiceProperties {

    /** {@code ${NAME}} or {@code ${NAME:default}}: an environment variable (upper case) the properties read. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?)");

    final String service;
    private final Properties properties = new Properties();

    private ServiceProperties(String service, Properties loaded) {
        this.service = service;
        this.properties.putAll(loaded);
    }

    static ServiceProperties of(String service) {
        Path file = Manifests.repositoryRoot().resolve(service).resolve("src/main/resources/application.properties");
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new ServiceProperties(service, loaded);
    }

    /** The value the prod profile sees: {@code %prod.key} over {@code key}. */
    String prod(String key) {
        String value = properties.getProperty("%prod." + key);
        return value != null ? value : properties.getProperty(key);
    }

    /** Every environment variable named anywhere in the file, in any profile. */
    Set<String> variablesRead() {
        Set<String> names = new TreeSet<>();
        for (String value : properties.stringPropertyNames().stream().map(properties::getProperty).toList()) {
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The variables the prod profile reads without a default: the container cannot start without them. */
    Set<String> variablesRequiredInProd() {
        Set<String> required = new TreeSet<>();
        Set<String> keys = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                keys.add(key);
            } else if (key.startsWith("%prod.")) {
                keys.add(key.substring("%prod.".length()));
            }
        }
        for (String key : keys) {
            Matcher m = ENV_REFERENCE.matcher(prod(key));
            while (m.find()) {
                if (m.group(2).isEmpty()) {
                    required.add(m.group(1));
                }
            }
        }
        return required;
    }

    /** The default of {@code ${NAME:default}} where the file first uses it, or null. */
    String defaultOf(String variable) {
        Pattern withDefault = Pattern.compile("\\$\\{" + Pattern.quote(variable) + ":([^}]*)}");
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            Matcher m = withDefault.matcher(properties.getProperty(key));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    int httpPort() {
        return Integer.parseInt(prod("quarkus.http.port"));
    }

    /** The dead-letter topics of the service's incoming channels. */
    Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".dead-letter-queue.topic")) {
                topics.add(properties.getProperty(key));
            }
        }
        return topics;
    }

    /** The topics of the service's incoming channels. */
    Set<String> incomingTopics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && !key.endsWith(".dead-letter-queue.topic")) {
                topics.add(properties.getProperty(key));
            }
        }
        return topics;
    }
}
