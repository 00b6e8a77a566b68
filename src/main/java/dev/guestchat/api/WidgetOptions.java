package dev.guestchat.api;

import dev.guestchat.core.EndOnPageExit;
import org.teavm.jso.JSObject;

/**
 * Options of {@code GuestChat.init({...})} and of the script tag's {@code data-*} attributes.
 *
 * @param deploymentId  Messenger deployment id; empty when the host forgot it (the widget then says so)
 * @param websocketUrl  Guest API socket base URL, e.g. {@code wss://webmessaging.mypurecloud.com/v1}
 * @param apiUrl        REST base URL for history, e.g. {@code https://api.mypurecloud.com}
 * @param endOnPageExit {@code leave} (default), {@code always}, {@code never}
 * @param confirmEnd    ask before ending (default true)
 * @param title         panel title
 * @param container     inline mode: the element to render into instead of the floating launcher; null = floating
 * @param theme         {@code light}, {@code dark} or {@code auto} (follows {@code prefers-color-scheme})
 * @param language      catalogue language ({@code en}, {@code de}, …); null = from {@code navigator.languages}
 * @param strings       the host's text overrides by catalogue key; empty when none
 * @param i18nUrl       where {@code <language>.json} catalogues are; null = next to the script, if known
 * @param configUrl     the deployment's {@code config.json} (§8): {@code https://api-cdn.<region>/…} or, without a
 *                      region, under {@code apiUrl}; empty without a deployment id
 */
public record WidgetOptions(String deploymentId, String websocketUrl, String apiUrl, EndOnPageExit endOnPageExit,
                            boolean confirmEnd, String title, org.teavm.jso.dom.html.HTMLElement container,
                            String theme, String language, dev.guestchat.protocol.StringPairs strings, String i18nUrl,
                            String configUrl) {

    /** Reads a JS options object; unknown keys are ignored, wrong types fall back to defaults. */
    static WidgetOptions from(JSObject o) {
        WidgetOptions c = forSession(o);
        String theme = str(o, "theme");
        return new WidgetOptions(c.deploymentId, c.websocketUrl, c.apiUrl, c.endOnPageExit,
                !"false".equals(str(o, "confirmEnd")), str(o, "title"), JsOptions.element(o, "container"),
                "light".equals(theme) || "dark".equals(theme) ? theme : "auto",
                str(o, "language"), JsOptions.strings(JsOptions.object(o, "strings")), str(o, "i18nUrl"), c.configUrl);
    }

    /**
     * Only where and how to connect, for the headless session: the panel's options keep their defaults, and the
     * headless bundle carries none of the code that reads them.
     */
    static WidgetOptions forSession(JSObject o) {
        String region = str(o, "region");
        String ws = str(o, "websocketUrl");
        String api = str(o, "apiUrl");
        String configBase = null;
        if (region != null && !region.isEmpty()) {
            // §1.1: webmessaging.<domain>/v1 for the socket, api.<domain> for REST, api-cdn.<domain> for config (§8)
            String domain = region.startsWith("https://") ? region.substring(8) : region;
            configBase = "https://api-cdn." + domain;
            if (ws == null) {
                ws = "wss://webmessaging." + domain + "/v1";
            }
            if (api == null) {
                api = "https://api." + domain;
            }
        }
        String deployment = str(o, "deploymentId");
        deployment = deployment != null ? deployment.trim() : "";
        String apiBase = stripSlash(JsOptions.httpUrl(api != null ? api : ""));
        String configUrl = deployment.isEmpty() ? "" : (configBase != null ? configBase : apiBase)
                + "/webdeployments/v1/deployments/" + JsOptions.encode(deployment) + "/config.json";
        return new WidgetOptions(deployment, JsOptions.socketUrl(ws != null ? ws : ""), apiBase,
                EndOnPageExit.parse(str(o, "endOnPageExit")), true, null, null, "auto", null,
                new dev.guestchat.protocol.StringPairs(), null, configUrl);
    }

    /** Reports, once, the option names that are not among {@code known}: a typo should not pass in silence. */
    static void warnUnknown(JSObject o, String[] known) {
        String unknown = "";
        for (String key : o != null ? JsOptions.keys(o) : new String[0]) {
            if (!JsOptions.listed(known, key)) {
                unknown += (unknown.isEmpty() ? "" : ", ") + key;
            }
        }
        if (!unknown.isEmpty()) {
            PageJs.warn("guest-chat: unknown option(s) ignored: " + unknown);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A string option; booleans and numbers are accepted in their string form. */
    private static String str(JSObject o, String key) {
        return JsOptions.str(o, key);
    }
}
