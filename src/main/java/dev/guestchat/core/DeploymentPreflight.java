package dev.guestchat.core;

import dev.guestchat.protocol.AllowedMedia;
import dev.guestchat.protocol.JsonObjectView;
import dev.guestchat.protocol.JsonParser;

/**
 * Reads the deployment's public configuration once at start (§8, {@code config.json}) and tells what the socket
 * alone would tell late or never: a deployment Genesys does not know fails at once with a precise message (the
 * socket's refused handshake looks like an outage and would be retried for ever); a deployment with Conversation
 * Clear switched off gets a console warning for the site owner while the page loads, not on a customer's End chat;
 * a deployment without guest typing gets no Typing events. Anything else — the CDN unreachable, a 5xx, a body that
 * is not the expected JSON — changes nothing: the session goes on as if there were no preflight.
 */
final class DeploymentPreflight {
    private final SessionContext ctx;
    private final Ports.DeploymentConfigSource source;
    private final JsonParser json;
    private final GuestConnection connection;
    private final GuestTyping typing;
    private final FileUpload upload;

    DeploymentPreflight(SessionContext ctx, Ports.DeploymentConfigSource source, JsonParser json,
                        GuestConnection connection, GuestTyping typing, FileUpload upload) {
        this.upload = upload;
        this.ctx = ctx;
        this.source = source;
        this.json = json;
        this.connection = connection;
        this.typing = typing;
    }

    void start() {
        source.fetch(this::onConfig);
    }

    private void onConfig(int status, String body) {
        if (ctx.state() == SessionState.FAILED) {
            return; // failed for another reason already (or destroyed): one message is enough
        }
        if (status == 404) {
            unknownDeployment();
            return;
        }
        if (status < 200 || status >= 300 || body == null) {
            return; // no answer: the socket will tell
        }
        connection.deploymentFound();
        JsonObjectView config = json.parseObject(body);
        JsonObjectView conversations = path(config, "messenger", "apps", "conversations");
        if (conversations == null) {
            return; // not the shape we know: assume the defaults
        }
        JsonObjectView clear = conversations.object("conversationClear");
        if (clear != null && !clear.flag("enabled", true)) {
            ctx.log.warn("guest-chat: Conversation Clear is disabled for deployment " + ctx.config.deploymentId()
                    + ", so abandoned chats reach agents. Enable 'Conversation Clear' in the Messenger configuration.");
        }
        if (!conversations.flag("showUserTypingIndicator", true)) {
            typing.disable();
        }
        upload.allowFromConfig(AllowedMedia.fromConfig(path(config, "messenger", "fileUpload")));
    }

    private void unknownDeployment() {
        ctx.log.warn("guest-chat: Genesys Cloud does not know deployment " + ctx.config.deploymentId()
                + " (its config.json answered 404). Check deploymentId and region.");
        connection.destroy(); // a refused handshake would only be retried
        ctx.life.on(SessionLife.FAILED);
        ctx.observer.error(new WidgetError(404, "unknown-deployment", null));
    }

    private static JsonObjectView path(JsonObjectView o, String... keys) {
        for (String key : keys) {
            if (o == null) {
                return null;
            }
            o = o.object(key);
        }
        return o;
    }
}
