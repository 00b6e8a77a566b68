package dev.guestchat.core;

/** Answer to {@link GuestSession#end}: {@code ended} is false when the Clear was refused or not confirmed in time. */
public interface EndCallback {
    void done(boolean ended, WidgetError error);
}
