package dev.guestchat.api;

import dev.guestchat.core.Ports;
import dev.guestchat.ui.ShadowHost;
import dev.guestchat.ui.PanelActions;

/** The panel's buttons and keys, turned into widget commands; kept apart from the JS API so their signatures can differ. */
final class PanelControls implements PanelActions, ShadowHost.Files {
    private final ChatWidget widget;

    PanelControls(ChatWidget widget) {
        this.widget = widget;
    }

    @Override
    public void open() {
        widget.open();
    }

    @Override
    public void minimize() {
        widget.minimize();
    }

    @Override
    public void end() {
        widget.endFromPanel();
    }

    @Override
    public void startNew() {
        widget.startNew();
    }

    @Override
    public void send(String text) {
        widget.send(text);
    }

    @Override
    public void choose(String text, String payload, String messageId, String kind) {
        widget.choose(text, payload, messageId, kind);
    }

    @Override
    public void removeFile() {
        widget.removeFile();
    }

    @Override
    public void attached(Ports.LocalFile file) {
        widget.attach(file);
    }

    @Override
    public void failedToLoad(String attachmentId) {
        widget.fileFailedToLoad(attachmentId);
    }

    @Override
    public void reconnect() {
        widget.reconnect();
    }
}
