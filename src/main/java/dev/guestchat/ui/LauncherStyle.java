package dev.guestchat.ui;

/**
 * The part of the stylesheet the first stage (loader) needs to draw the same launcher before the full widget is
 * there — the host's place, the three colours the launcher uses, and the button — and nothing else, since every
 * page view pays for it. Compile-time constants: the loader reads them without linking this room's code.
 */
public final class LauncherStyle {
    private LauncherStyle() {
    }

    /** The launcher's colours in the dark theme. */
    static final String DARK = "--_accent:var(--gcw-accent,#8ab4ff);--_on:var(--gcw-on-accent,#0b1220);"
            + "--_focus:var(--gcw-focus,#ffd166)";

    /** Host placement, the launcher's light/dark/auto colours, focus ring and button; the full sheet starts with it. */
    public static final String CSS = ""
            + ":host{all:initial;position:fixed;z-index:var(--gcw-z-index,2147483000);"
            + "right:var(--gcw-offset-x,20px);bottom:var(--gcw-offset-y,20px);"
            + "font:14px/1.4 var(--gcw-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);"
            + "--_accent:var(--gcw-accent,#1a5fd0);--_on:var(--gcw-on-accent,#fff);--_focus:var(--gcw-focus,#1a5fd0)}"
            + ":host([data-theme=dark]){" + DARK + "}"
            + "@media (prefers-color-scheme:dark){:host([data-theme=auto]){" + DARK + "}}"
            + ":host([dir=rtl]:not([data-inline])){right:auto;left:var(--gcw-offset-x,20px)}"
            + ":host([data-inline]){position:relative;right:auto;bottom:auto;z-index:auto;display:block}"
            + "*{box-sizing:border-box}"
            + "button{font:inherit;cursor:pointer}"
            + "button:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}"
            + ".gcw-launcher{position:relative;width:56px;height:56px;border-radius:50%;border:0;"
            + "background:var(--_accent);color:var(--_on);box-shadow:0 4px 14px rgba(0,0,0,.25)}"
            + ".gcw-launcher-icon{display:block;width:24px;height:20px;margin:auto;border-radius:6px 6px 6px 0;background:currentColor}";

    /** Narrow screens: the launcher keeps a margin from the screen edge. */
    public static final String NARROW = ".gcw-launcher{margin:0 16px 16px 0}";
}
