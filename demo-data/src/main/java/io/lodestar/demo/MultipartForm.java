package io.lodestar.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) of text fields and one file, for {@code POST /imports}; the JDK's
 * HTTP client has no multipart support. The file is read into memory: the demo's files are a few megabytes, and the
 * Online Retail file is 7 MB compressed.
 */
final class MultipartForm {

    private final String boundary = "lodestar-" + UUID.randomUUID();
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String fileField;
    private Path file;

    MultipartForm field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    MultipartForm file(String name, Path path) {
        this.fileField = name;
        this.file = path;
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    byte[] body() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            ascii(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
            out.write(field.getValue().getBytes(StandardCharsets.UTF_8));
            ascii(out, "\r\n");
        }
        if (file != null) {
            ascii(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.write(Files.readAllBytes(file));
            ascii(out, "\r\n");
        }
        ascii(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
