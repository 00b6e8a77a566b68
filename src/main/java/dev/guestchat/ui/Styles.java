package dev.guestchat.ui;

/**
 * The widget's one stylesheet, adopted by the shadow root (no inline styles, so a strict CSP holds).
 * Hosts theme it through the documented {@code --gcw-*} custom properties, which inherit into the shadow tree;
 * the internal {@code --_*} properties carry the light/dark defaults behind them.
 */
final class Styles {
    private Styles() {
    }

    /** The rest of the palette in the dark theme (the launcher's colours are in {@link LauncherStyle}). */
    private static final String DARK = "--_bg:var(--gcw-bg,#1e2227);--_text:var(--gcw-text,#eef1f5);--_muted:#b8c0ca;"
            + "--_agent:var(--gcw-agent-bg,#2b3139);--_cust:var(--gcw-customer-bg,#1f3d6b);--_line:#4a525d;"
            + "--_warn:#3d3300;--_warnText:#fff4ce;--_err:#4a1016;--_errText:#ffe3e6";

    static final String CSS = LauncherStyle.CSS
            + ":host{--_bg:var(--gcw-bg,#fff);--_text:var(--gcw-text,#1b1f24);--_muted:#4d5560;"
            + "--_agent:var(--gcw-agent-bg,#eef1f5);--_cust:var(--gcw-customer-bg,#dbe7fb);--_line:#c9ced6;"
            + "--_warn:#fff4ce;--_warnText:#3d3000;--_err:#fde7e9;--_errText:#5c0a10;color:var(--_text)}"
            + ":host([data-theme=dark]){" + DARK + "}"
            + "@media (prefers-color-scheme:dark){:host([data-theme=auto]){" + DARK + "}}"
            + "textarea:focus-visible,.gcw-log:focus-visible{outline:3px solid var(--_focus);outline-offset:2px}"
            + ".gcw-badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;"
            + "background:#b3261e;color:#fff;font-size:12px;line-height:20px}"
            + ".gcw-panel{display:flex;flex-direction:column;width:var(--gcw-width,360px);height:var(--gcw-height,520px);"
            + "max-height:calc(100vh - 40px);background:var(--_bg);color:var(--_text);border-radius:var(--gcw-radius,12px);"
            + "box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden;position:relative}"
            + ":host([data-inline]) .gcw-panel{width:100%;box-shadow:0 0 0 1px var(--_line)}"
            + ".gcw-header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--_accent);color:var(--_on)}"
            + ".gcw-title{flex:1;margin:0;font-size:16px}"
            + ".gcw-header button{border:1px solid currentColor;background:transparent;color:inherit;border-radius:6px;padding:4px 10px}"
            + ".gcw-minimize{min-width:32px}"
            + ".gcw-status{padding:6px 12px;font-size:13px;background:var(--_warn);color:var(--_warnText)}"
            + ".gcw-notice{display:flex;gap:8px;padding:6px 12px;font-size:13px;background:var(--_err);color:var(--_errText)}"
            + ".gcw-notice-text{flex:1}"
            + ".gcw-link{border:0;background:none;color:inherit;text-decoration:underline;padding:0}"
            + ".gcw-earlier{display:block;margin:0 auto 8px}"
            + ".gcw-log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}"
            + ".gcw-hint{color:var(--_muted);margin:auto 0}"
            + ".gcw-row{max-width:85%;padding:8px 10px;border-radius:10px;background:var(--_agent)}"
            + ".gcw-customer{align-self:flex-end;background:var(--_cust)}"
            + ".gcw-system{align-self:center;background:none;color:var(--_muted);font-size:13px}"
            + ".gcw-failed{outline:1px solid #d93025}"
            + ".gcw-who{display:block;font-size:12px;font-weight:600;color:var(--_muted)}"
            + ".gcw-text{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}"
            + ".gcw-line{margin:0;min-height:1.4em}"
            + ".gcw-bullet{padding-inline-start:1.1em}.gcw-bullet::before{content:'\\2022';display:inline-block;"
            + "width:1.1em;margin-inline-start:-1.1em}"
            + ".gcw-b{font-weight:600}.gcw-i{font-style:italic}.gcw-s{text-decoration:line-through}"
            + ".gcw-code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;background:rgba(127,127,127,.18);"
            + "border-radius:3px;padding:0 .2em}.gcw-text a{color:inherit;text-decoration:underline}"
            + ".gcw-delivery{font-size:11px;color:var(--_muted)}"
            + ".gcw-delivery:empty{display:none}"
            + ".gcw-choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}"
            + ".gcw-choice{border:1px solid var(--_accent);color:var(--_text);background:var(--_bg);border-radius:14px;padding:3px 10px}"
            + ".gcw-typing{color:var(--_muted);font-style:italic;margin:0}"
            + ".gcw-confirm,.gcw-ended{padding:12px;border-top:1px solid var(--_line);background:var(--_bg)}"
            + ".gcw-confirm p,.gcw-ended p{margin:0 0 8px}"
            + ".gcw-confirm button,.gcw-ended button{border-radius:6px;padding:6px 12px;margin-right:8px;"
            + "border:1px solid var(--_line);background:var(--_bg);color:var(--_text)}"
            + ".gcw-confirm .gcw-confirm-end,.gcw-ended .gcw-start-new{background:var(--_accent);color:var(--_on);border-color:transparent}"
            + ".gcw-composer{display:flex;gap:8px;padding:10px;border-top:1px solid var(--_line)}"
            + ".gcw-input{flex:1;resize:none;border:1px solid var(--_muted);border-radius:8px;padding:6px 8px;font:inherit;"
            + "background:var(--_bg);color:var(--_text)}"
            + ".gcw-send{border:0;border-radius:8px;padding:0 14px;background:var(--_accent);color:var(--_on)}"
            + ".gcw-attach{border:1px solid var(--_line);border-radius:8px;background:var(--_bg);color:var(--_text);"
            + "min-width:36px;font-size:20px}"
            + ".gcw-upload{display:flex;align-items:center;gap:8px;padding:6px 10px 0}"
            + ".gcw-upload-name{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.gcw-progress{width:90px}"
            + ":host([data-drop]) .gcw-panel{outline:3px dashed var(--_accent);outline-offset:-6px}"
            + ".gcw-file{display:block;margin-top:4px;color:inherit;overflow-wrap:anywhere}"
            + ".gcw-thumb{display:block;max-width:100%;max-height:180px;border-radius:6px}"
            + ".gcw-cards{margin-top:6px}.gcw-card{border:1px solid var(--_line);border-radius:8px;padding:8px;margin-top:6px;"
            + "background:var(--_bg)}.gcw-card[hidden]{display:none}"
            + ".gcw-card-img{display:block;max-width:100%;max-height:140px;border-radius:6px;margin-bottom:6px}"
            + ".gcw-card-title{display:block;font-weight:600;color:inherit}.gcw-card-text{margin:4px 0}"
            + "a.gcw-choice{text-decoration:none}"
            + ".gcw-carousel-nav{display:flex;align-items:center;justify-content:center;gap:12px;margin-top:6px}"
            + ".gcw-carousel-nav button{min-width:36px;min-height:32px;border:1px solid var(--_line);border-radius:6px;"
            + "background:var(--_bg);color:var(--_text)}.gcw-carousel-nav [aria-disabled=true]{opacity:.4}"
            + "@media (max-width:600px){:host(:not([data-inline])){right:0;bottom:0}"
            + ":host(:not([data-inline])) .gcw-panel{position:fixed;top:0;left:0;right:0;bottom:0;width:auto;height:auto;"
            + "max-height:none;border-radius:0}"
            + LauncherStyle.NARROW + ".gcw-minimize{min-width:44px;min-height:36px}}"
            + "@media (prefers-reduced-motion:no-preference){.gcw-panel{animation:gcw-in .15s ease-out}}"
            + "@keyframes gcw-in{from{transform:translateY(12px);opacity:0}}";
}
