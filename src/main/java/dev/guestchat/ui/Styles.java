package dev.guestchat.ui;

/**
 * The widget's one stylesheet, adopted by the shadow root (no inline styles, so a strict CSP holds).
 * Hosts theme it through the {@code --gcw-*} custom properties, which inherit into the shadow tree.
 */
final class Styles {
    private Styles() {
    }

    static final String CSS = ""
            + ":host{all:initial;position:fixed;z-index:var(--gcw-z-index,2147483000);"
            + "right:var(--gcw-offset-x,20px);bottom:var(--gcw-offset-y,20px);"
            + "font:14px/1.4 var(--gcw-font,system-ui,-apple-system,'Segoe UI',Roboto,sans-serif);color:var(--gcw-text,#1b1f24)}"
            + "*{box-sizing:border-box}"
            + "button{font:inherit;cursor:pointer}"
            + "button:focus-visible,textarea:focus-visible,.gcw-log:focus-visible{outline:3px solid var(--gcw-focus,#1a5fd0);outline-offset:2px}"
            + ".gcw-launcher{position:relative;width:56px;height:56px;border-radius:50%;border:0;"
            + "background:var(--gcw-accent,#1a5fd0);color:var(--gcw-on-accent,#fff);box-shadow:0 4px 14px rgba(0,0,0,.25)}"
            + ".gcw-launcher-icon{display:block;width:24px;height:20px;margin:auto;border-radius:6px 6px 6px 0;background:currentColor}"
            + ".gcw-badge{position:absolute;top:-4px;right:-4px;min-width:20px;height:20px;padding:0 5px;border-radius:10px;"
            + "background:#b3261e;color:#fff;font-size:12px;line-height:20px}"
            + ".gcw-panel{display:flex;flex-direction:column;width:var(--gcw-width,360px);height:var(--gcw-height,520px);"
            + "max-height:calc(100vh - 40px);background:var(--gcw-bg,#fff);border-radius:var(--gcw-radius,12px);"
            + "box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden;position:relative}"
            + ".gcw-header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--gcw-accent,#1a5fd0);color:var(--gcw-on-accent,#fff)}"
            + ".gcw-title{flex:1;margin:0;font-size:16px}"
            + ".gcw-header button{border:1px solid currentColor;background:transparent;color:inherit;border-radius:6px;padding:4px 10px}"
            + ".gcw-minimize{min-width:32px}"
            + ".gcw-status,.gcw-notice{padding:6px 12px;font-size:13px;background:var(--gcw-status-bg,#fff4ce);color:#3d3000}"
            + ".gcw-notice{display:flex;gap:8px;background:var(--gcw-notice-bg,#fde7e9);color:#5c0a10}"
            + ".gcw-notice-text{flex:1}"
            + ".gcw-link{border:0;background:none;color:inherit;text-decoration:underline;padding:0}"
            + ".gcw-log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px}"
            + ".gcw-hint{color:#555;margin:auto 0}"
            + ".gcw-row{max-width:85%;padding:8px 10px;border-radius:10px;background:var(--gcw-agent-bg,#eef1f5)}"
            + ".gcw-customer{align-self:flex-end;background:var(--gcw-customer-bg,#dbe7fb)}"
            + ".gcw-system{align-self:center;background:none;color:#555;font-size:13px}"
            + ".gcw-failed{outline:1px solid #b3261e}"
            + ".gcw-who{display:block;font-size:12px;font-weight:600;color:#444}"
            + ".gcw-text{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}"
            + ".gcw-delivery{font-size:11px;color:#555}"
            + ".gcw-delivery:empty{display:none}"
            + ".gcw-choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}"
            + ".gcw-choice{border:1px solid var(--gcw-accent,#1a5fd0);color:var(--gcw-accent,#1a5fd0);background:#fff;border-radius:14px;padding:3px 10px}"
            + ".gcw-typing{color:#555;font-style:italic;margin:0}"
            + ".gcw-confirm,.gcw-ended{padding:12px;border-top:1px solid #ddd;background:var(--gcw-bg,#fff)}"
            + ".gcw-confirm p,.gcw-ended p{margin:0 0 8px}"
            + ".gcw-confirm button,.gcw-ended button{border-radius:6px;padding:6px 12px;margin-right:8px;border:1px solid #888;background:#fff}"
            + ".gcw-confirm-end,.gcw-start-new{background:var(--gcw-accent,#1a5fd0)!important;color:var(--gcw-on-accent,#fff);border-color:transparent!important}"
            + ".gcw-composer{display:flex;gap:8px;padding:10px;border-top:1px solid #ddd}"
            + ".gcw-input{flex:1;resize:none;border:1px solid #888;border-radius:8px;padding:6px 8px;font:inherit}"
            + ".gcw-send{border:0;border-radius:8px;padding:0 14px;background:var(--gcw-accent,#1a5fd0);color:var(--gcw-on-accent,#fff)}"
            + "@media (max-width:600px){:host{right:0;bottom:0}.gcw-panel{width:100vw;height:100vh;max-height:none;border-radius:0}"
            + ".gcw-launcher{margin:0 16px 16px 0}}"
            + "@media (prefers-reduced-motion:no-preference){.gcw-panel{animation:gcw-in .15s ease-out}}"
            + "@keyframes gcw-in{from{transform:translateY(12px);opacity:0}}";
}
