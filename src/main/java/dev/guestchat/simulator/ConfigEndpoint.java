package dev.guestchat.simulator;

import io.javalin.http.Context;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /webdeployments/v1/deployments/{id}/config.json}: the deployment's Messenger configuration as the
 * real CDN serves it, reflecting the simulator's settings (Clear enabled, typing, disconnect mode).
 */
final class ConfigEndpoint {
    private final SimState state;

    ConfigEndpoint(SimState state) {
        this.state = state;
    }

    void deploymentConfig(Context ctx) {
        SimDeployment d;
        synchronized (state) {
            d = state.deployments.get(ctx.pathParam("id"));
        }
        if (d == null) {
            // with the same CORS header as a found one: a page of any origin must be able to read that it is unknown
            ctx.status(404).header("Access-Control-Allow-Origin", "*").contentType("application/json")
                    .result("{\"message\":\"deployment not found\"}");
            return;
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("id", d.id);
        root.put("version", "1");
        d.languages.forEach(root.putArray("languages")::add);
        root.put("defaultLanguage", d.defaultLanguage);
        root.put("status", "Active");
        ObjectNode messenger = root.putObject("messenger").put("enabled", true);
        ObjectNode fileUpload = messenger.putObject("fileUpload").put("enableAttachments", d.attachmentsEnabled);
        if (d.attachmentsEnabled) {
            ObjectNode mode = fileUpload.putArray("modes").addObject();
            d.fileTypes.forEach(mode.putArray("fileTypes")::add);
            mode.put("maxFileSizeKB", d.maxFileSizeKB);
        }
        ObjectNode conversationsApp = messenger.putObject("apps").putObject("conversations");
        conversationsApp.put("showAgentTypingIndicator", true);
        conversationsApp.put("showUserTypingIndicator", d.typingEnabled);
        conversationsApp.putObject("autoStart").put("enabled", false);
        conversationsApp.putObject("conversationDisconnect").put("enabled", true).put("type", d.disconnectMode);
        conversationsApp.putObject("conversationClear").put("enabled", d.clearEnabled);
        root.putObject("journeyEvents").put("enabled", false);
        root.putObject("auth").put("enabled", false);
        ctx.header("Access-Control-Allow-Origin", "*").contentType("application/json").result(root.toString());
    }
}
