package dev.guestchat.api;

import dev.guestchat.ui.PanelActions;

/** The panel's buttons and keys, turned into widget commands; kept apart from the JS API so their signatures can differ. */
final class PanelControls implements PanelActions {
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
    public void choose(String text, String payload, String messageId) {
        widget.choose(text, payload, messageId);
    }

    @Override
    public void reconnect() {
        widget.reconnect();
    }
}
