package dev.guestchat.api;

import dev.guestchat.browser.BrowserCatalogue;
import dev.guestchat.browser.JsObjectView;
import dev.guestchat.core.Ports;
import dev.guestchat.protocol.JsonObjectView;
import dev.guestchat.ui.Strings;

/**
 * The widget's language and its words: the page's choice, or the browser's among the deployment's languages;
 * English is built in, another language's catalogue is fetched once.
 */
final class CatalogueLoader {
    private CatalogueLoader() {
    }

    /**
     * Chooses the language and fills {@code strings}, then runs {@code then}. A page that names no language gets the
     * first of the browser's languages that the deployment offers too (its config's {@code languages}, §8), else the
     * deployment's default — waiting at most 2 s for the configuration. Another language's catalogue is fetched
     * from {@code i18nUrl} (or next to the script) before the first render, for at most 2 s — after that the widget
     * shows English rather than nothing; the host's own words win either way. Always at least one tick later, so
     * that listeners registered right after init() hear everything.
     */
    static void load(WidgetOptions options, Strings strings, Ports.Scheduler scheduler,
                     Ports.DeploymentConfigSource config, Runnable then) {
        if (options.language() != null || options.configUrl().isEmpty()) {
            scheduler.schedule(0, () -> loadCatalogue(options, strings, scheduler, then));
            return;
        }
        boolean[] decided = {false};
        Ports.ConfigCallback decide = (status, body) -> {
            if (decided[0]) {
                return;
            }
            decided[0] = true;
            JsonObjectView root = status == 200 && body != null ? JsObjectView.PARSER.parseObject(body) : null;
            if (root != null) {
                strings.setLanguage(Strings.chooseFor(JsOptions.languages(), root.texts("languages"),
                        root.string("defaultLanguage")));
            }
            loadCatalogue(options, strings, scheduler, then);
        };
        scheduler.schedule(2_000, () -> decide.onConfig(0, null)); // no answer in time: the browser's choice
        config.fetch((status, body) -> scheduler.schedule(0, () -> decide.onConfig(status, body)));
    }

    private static void loadCatalogue(WidgetOptions options, Strings strings, Ports.Scheduler scheduler, Runnable then) {
        String base = options.i18nUrl() != null ? options.i18nUrl() : JsOptions.scriptI18nBase();
        Runnable finish = () -> {
            strings.putAll(options.strings()); // the host's own words win
            then.run();
        };
        if (strings.language().equals("en") || base == null) {
            scheduler.schedule(0, finish);
            return;
        }
        String url = base.endsWith("/") ? base : base + "/";
        BrowserCatalogue.load(url + strings.language() + ".json", 2_000, catalogue -> {
            if (catalogue == null) {
                PageJs.warn("guest-chat: no " + strings.language() + " catalogue at " + url + ", showing English");
            } else {
                strings.putAll(JsOptions.strings(catalogue));
            }
            finish.run();
        });
    }
}
