package dev.guestchat.simulator;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates every client frame against the Guest API's own schema ({@code guest-api-messages.swagger.json},
 * the official Java SDK's definitions), with three documented relaxations, each a field the schema marks required
 * that the official Java SDK itself never sends and the service does without: {@code SendMessageRequest.time}
 * (PROTOCOL.md §3.3), {@code GenerateUploadUrlRequest.fileMd5} (§3.6) and {@code ContentAttachment.mediaType}
 * (§3.3.2: a message names its attachment by id only).
 */
public final class FrameValidator {
    /** action → definition name of its request model. */
    static final Map<String, String> REQUEST_MODELS = Map.of(
            "configureSession", "ConfigureSessionRequest",
            "configureAuthenticatedSession", "ConfigureAuthenticatedSessionRequest",
            "onMessage", "SendMessageRequest",
            "echo", "SendEchoRequest",
            "getJwt", "GetJwtRequest",
            "onAttachment", "GenerateUploadUrlRequest",
            "getAttachment", "GenerateDownloadUrlRequest",
            "deleteAttachment", "DeleteAttachmentRequest",
            "closeSession", "CloseSessionRequest",
            "getConfiguration", "GetConfigurationRequest");

    private final Map<String, Schema> schemas = new HashMap<>();

    public FrameValidator(JsonNode swagger) {
        ObjectNode definitions = ((ObjectNode) swagger.get("definitions")).deepCopy();
        relax(definitions, "SendMessageRequest", "time");
        relax(definitions, "GenerateUploadUrlRequest", "fileMd5");
        relax(definitions, "ContentAttachment", "mediaType");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
        for (Map.Entry<String, String> e : REQUEST_MODELS.entrySet()) {
            ObjectNode root = definitions.objectNode();
            root.put("$ref", "#/definitions/" + e.getValue());
            root.set("definitions", definitions);
            schemas.put(e.getKey(), registry.getSchema(root));
        }
    }

    private static void relax(ObjectNode definitions, String definition, String field) {
        JsonNode required = definitions.path(definition).path("required");
        if (required instanceof ArrayNode list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                if (field.equals(list.get(i).asString())) {
                    list.remove(i);
                }
            }
        }
    }

    /** Loads the schema from {@code ../shared/guest-api/schema/} or a classpath copy. */
    public static FrameValidator load(JsonMapper json) {
        return new FrameValidator(json.readTree(schemaText()));
    }

    static String schemaText() {
        for (Path p : List.of(Path.of("../shared/guest-api/schema/guest-api-messages.swagger.json"),
                Path.of("shared/guest-api/schema/guest-api-messages.swagger.json"))) {
            if (Files.isRegularFile(p)) {
                try {
                    return Files.readString(p);
                } catch (IOException ignored) {
                    // fall through to the classpath copy
                }
            }
        }
        try (InputStream in = FrameValidator.class.getResourceAsStream("/guest-api-messages.swagger.json")) {
            if (in == null) {
                throw new IllegalStateException("guest-api-messages.swagger.json not found");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean knows(String action) {
        return schemas.containsKey(action);
    }

    /** Problems with the frame, empty when it is valid; an unknown action is one problem. */
    public List<String> problems(String action, JsonNode frame) {
        Schema schema = schemas.get(action);
        if (schema == null) {
            return List.of("unknown action " + action);
        }
        List<Error> errors = schema.validate(frame);
        return errors.stream().map(Error::getMessage).toList();
    }
}
