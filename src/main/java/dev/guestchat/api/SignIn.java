package dev.guestchat.api;

import dev.guestchat.core.Ports;

/**
 * How a session's customer signs in: made by the signed-in bundles' entries from the page's {@code auth} option
 * ({@link BrowserSignIn}); a guest's session has none, and the guest bundles carry none of the sign-in code.
 */
interface SignIn {
    /** The credentials maker the core asks for the customer's JWT, on this session's storage and timers. */
    Ports.CredentialsMaker credentials(WidgetOptions options, Ports.KeyValueStore storage, Ports.Scheduler scheduler);
}
