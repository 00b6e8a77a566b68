package dev.guestchat.api;

import dev.guestchat.browser.BrowserCatalogue;
import dev.guestchat.core.Ports;
import dev.guestchat.ui.Strings;

/** The words of the widget's language: English is built in, another language's catalogue is fetched once. */
final class CatalogueLoader {
    private CatalogueLoader() {
    }

    /**
     * Fills {@code strings} and then runs {@code then}: another language's catalogue is fetched from {@code i18nUrl}
     * (or next to the script) before the first render, for at most 2 s — after that the widget shows English rather
     * than nothing; the host's own words win either way. Always at least one tick later, so that listeners registered
     * right after init() hear everything.
     */
    static void load(WidgetOptions options, Strings strings, Ports.Scheduler scheduler, Runnable then) {
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
