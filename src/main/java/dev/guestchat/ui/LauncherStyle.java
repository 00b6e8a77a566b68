package dev.guestchat.ui;

/**
 * The part of the stylesheet the first stage (loader) needs to draw the same launcher before the full widget is
 * there: the host's position and theme variables, and the launcher button. Compile-time constants: the loader reads
 * them without linking this room's code.
 */
public final class LauncherStyle {
    private LauncherStyle() {
    }

    static final String DARK = "--_bg:var(--gcw-bg,#1e2227);--_text:var(--gcw-text,#eef1f5);--_muted:#b8c0ca;"
            + "--_agent:var(--gcw-agent-bg,#2b3139);--_cust:var(--gcw-customer-bg,#1f3d6b);--_line:#4a525d;"
            + "--_accent:var(--gcw-accent,#8ab4ff);--_on:var(--gcw-on-accent,#0b1220);--_warn:#3d3300;--_warnText:#fff4ce;"
            + "--_err:#4a1016;--_errText:#ffe3e6;--_focus:var(--gcw-focus,#ffd166)";

    /** Host placement, light/dark/auto theme variables, focus ring and the launcher; the full sheet starts with it. */
    public static final String CSS = ""
            + ":host{all:initial;position:fixed;z-index:var(--gcw-z-index,2147483000);"
            + "right:var(--gcw-offset-x,20px);bottom:var(--gcw-offset-y,20px);"
            + "font:14px/1.4 var(--gcw-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);"
            + "--_bg:var(--gcw-bg,#fff);--_text:var(--gcw-text,#1b1f24);--_muted:#4d5560;"
            + "--_agent:var(--gcw-agent-bg,#eef1f5);--_cust:var(--gcw-customer-bg,#dbe7fb);--_line:#c9ced6;"
            + "--_accent:var(--gcw-accent,#1a5fd0);--_on:var(--gcw-on-accent,#fff);--_warn:#fff4ce;--_warnText:#3d3000;"
            + "--_err:#fde7e9;--_errText:#5c0a10;--_focus:var(--gcw-focus,#1a5fd0);color:var(--_text)}"
            + ":host([data-theme=dark]){" + DARK + "}"
            + "@media (prefers-color-scheme:dark){:host([data-theme=auto]){" + DARK + "}}"
            + ":host([dir=rtl]:not([data-inline])){right:auto;left:var(--gcw-offset-x,20px)}"
            + ":host([data-inline]){position:relative;right:auto;bottom:auto;z-index:auto;display:block}"
            + "*{box-sizing:border-box}"
            + "button{font:inherit;cursor:pointer}"
            + "button:focus-visible,textarea:focus-visible,.gcw-log:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}"
            + ".gcw-launcher{position:relative;width:56px;height:56px;border-radius:50%;border:0;"
            + "background:var(--_accent);color:var(--_on);box-shadow:0 4px 14px rgba(0,0,0,.25)}"
            + ".gcw-launcher-icon{display:block;width:24px;height:20px;margin:auto;border-radius:6px 6px 6px 0;background:currentColor}";

    /** Narrow screens: the launcher keeps a margin from the screen edge. */
    public static final String NARROW = ".gcw-launcher{margin:0 16px 16px 0}";
}
